/**
 * The web app in a real browser: Debian's Chromium against a real
 * `confer serve` on loopback with a temporary SQLite database. The tests run
 * in order and build on each other, as a person would use the app.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { LOCAL_OWNER_EMAIL } from '../../src/app/context.ts';
import { systemClock } from '../../src/core/clock.ts';
import { newId } from '../../src/core/ids.ts';
import type { Store } from '../../src/core/store.ts';
import type { User } from '../../src/core/types.ts';
import { startTestSmtp, type TestSmtpServer } from '../../src/delivery/smtp-test-server.ts';
import { issueToken } from '../../src/governance/tokens.ts';
import { openStore } from '../../src/store/connect.ts';
import {
  CHROMIUM,
  DESKTOP,
  ensureWebBuilt,
  launchBrowser,
  overflowsHorizontally,
  PHONE,
  ROOT,
  screenshot,
  startConfer,
  type Browser,
  type ConferServer,
} from './harness.ts';
import { inCi } from '../../src/app/ci-env.ts';

const example = (name: string) => readFileSync(join(ROOT, 'examples', name));

// Functions passed to the page run in the browser. This file is compiled for
// Node without the DOM types, so the few browser globals they use are declared here.
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown, pseudo?: string): { outlineStyle: string };

const missing = existsSync(CHROMIUM) ? null : `Chromium not found at ${CHROMIUM}; install it with apt-get install chromium`;
if (missing && inCi()) throw new Error(`${missing} (required in CI)`);

describe('the web app in Chromium', { skip: missing ?? false, timeout: 240_000 }, () => {
  let server: ConferServer;
  let smtp: TestSmtpServer;
  let store: Store;
  let browser: Browser;
  let owner: Page;
  let tom: Page;
  const tokens: Record<'owner' | 'tom' | 'lee', string> = { owner: '', tom: '', lee: '' };
  let meetingUrl = '';
  let leeId = '';

  /** Calls the API as a seeded user, the way a script would. */
  const apiCall = async (who: keyof typeof tokens, path: string, init: RequestInit = {}) => {
    const res = await fetch(server.url + path, { ...init, headers: { authorization: `Bearer ${tokens[who]}`, ...init.headers } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const uploadAs = async (who: keyof typeof tokens, file: string) => {
    const form = new FormData();
    form.set('file', new Blob([example(file)]), file);
    const { body } = await apiCall(who, '/v1/meetings', { method: 'POST', body: form });
    for (let i = 0; i < 300; i++) {
      if ((await apiCall(who, `/v1/meetings/${body.meeting.id}/summary`)).status === 200) return body.meeting.id as string;
      await sleep(100);
    }
    throw new Error(`no summary of ${file}`);
  };
  const signInWithToken = async (token: string, path: string) => {
    const page = await browser.newPage();
    await page.goto(server.url + path);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.app-header').waitFor();
    return page;
  };
  /** Makes the page the active tab: a tab in the background renders slowly, and screenshots of it wait. */
  const activate = async (page: Page) => {
    await page.bringToFront();
    return page;
  };
  /** Waits until the segment is highlighted, focused and on screen. */
  const highlighted = (page: Page, segment: number) =>
    page.waitForFunction((id: string) => {
      const el = document.getElementById(id);
      if (!el || !el.classList.contains('is-cited') || document.activeElement !== el) return false;
      const box = el.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, `segment-${segment}`);
  const rows = (page: Page, count: number) => page.waitForFunction((n: number) => document.querySelectorAll('.meeting-row').length === n, count);

  before(async () => {
    ensureWebBuilt();
    smtp = await startTestSmtp();
    server = await startConfer({ CONFER_SMTP_URL: smtp.url });
    store = await openStore({ url: server.databaseUrl, migrate: false });
    const [account] = await store.accounts.list();
    const localOwner = (await store.users.getByEmail(account.id, LOCAL_OWNER_EMAIL))!;
    const now = new Date().toISOString();
    const member = async (name: string): Promise<User> => {
      const user: User = {
        id: newId('usr'), accountId: account.id, email: `${name.split(' ')[0].toLowerCase()}@example.com`, name, role: 'member', studio: false,
        status: 'active', aiAccess: true, customAddOn: false, locale: 'en', externalId: null, createdAt: now, updatedAt: now,
      };
      await store.users.create(user);
      return user;
    };
    const tokenOf = async (user: User) => (await issueToken(store, systemClock, { accountId: account.id, userId: user.id, name: 'e2e' })).token;
    const tomUser = await member('Tom Becker');
    const leeUser = await member('Lee Legal');
    leeId = leeUser.id;
    tokens.owner = await tokenOf(localOwner);
    tokens.tom = await tokenOf(tomUser);
    tokens.lee = await tokenOf(leeUser);
    browser = await launchBrowser();
    owner = await browser.newPage();
  });

  after(async () => {
    await browser?.close();
    await store?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('signs in with the one-click link printed by confer serve', async () => {
    await owner.goto(server.signInLink);
    await owner.getByRole('heading', { name: 'Meetings' }).waitFor();
    assert.equal(owner.url(), `${server.url}/meetings`, 'the token left the address bar');
    await owner.getByText('No meetings yet').waitFor();
    assert.equal(await owner.getByRole('link', { name: 'Admin' }).count(), 1, 'the owner sees the admin console');
  });

  it('signs in with an API token, and says when a token is wrong', async () => {
    const page = await browser.newPage();
    browser.expectFailedRequest(page, 401);
    await page.goto(`${server.url}/tasks`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    for (const viewport of [DESKTOP, PHONE]) {
      await page.setViewportSize(viewport);
      await screenshot(page, 'sign-in');
    }
    await page.setViewportSize(DESKTOP);
    await page.getByLabel('API token').fill('cfr_not-a-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/That token was not accepted/).waitFor();
    await page.getByLabel('API token').fill(tokens.tom);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Tasks' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/tasks', 'the page asked for is the page shown');
    assert.equal(await page.getByRole('link', { name: 'Admin' }).count(), 0, 'members do not see the admin console');
    assert.equal(browser.consoleErrors(page).length, 0, browser.consoleErrors(page).join('\n'));
    tom = page;
  });

  it('uploads a transcript with progress, then shows its summary', async () => {
    await activate(owner);
    await owner.getByRole('link', { name: 'Upload transcript' }).click();
    await owner.getByRole('heading', { name: 'Upload a transcript' }).waitFor();
    // A slow uplink, so the progress bar has time to show.
    const cdp = await browser.context.newCDPSession(owner);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 24 * 1024 });
    await owner.locator('input[type=file]').setInputFiles(join(ROOT, 'examples', 'planning-meeting.vtt'));
    await owner.getByRole('button', { name: 'Upload and summarise' }).click();
    await owner.getByText(/Uploading planning-meeting\.vtt… [1-9]\d?%/).waitFor();
    await owner.waitForURL(/\/meetings\/mtg_/, { timeout: 30_000 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
    meetingUrl = owner.url();
    await owner.getByRole('heading', { name: 'Crewline Q2 planning' }).waitFor();
    await owner.getByRole('heading', { name: /^Action items/ }).waitFor({ timeout: 60_000 });
    assert.ok((await owner.locator('.overview').textContent())!.length > 50);
    assert.ok((await owner.locator('[aria-labelledby=summary-decisions] li').count()) > 0);
    assert.ok((await owner.locator('.action-item').count()) > 0);
    assert.ok((await owner.locator('.segment').count()) > 100, 'the transcript is shown');
  });

  it('explains a transcript it cannot read, with the file and line', async () => {
    browser.expectFailedRequest(owner, 400);
    await owner.goto(`${server.url}/upload`);
    const broken = '1\n00:00:01,000 --> 00:00:02,000\nAnn: hi\n\n2\n00:00:0x,000 --> 00:00:04,000\nBo: hello\n';
    await owner.locator('input[type=file]').setInputFiles({ name: 'broken.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(broken) });
    await owner.getByRole('button', { name: 'Upload and summarise' }).click();
    const alert = owner.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent())!, /This transcript could not be read\s*broken\.srt, line 6: /);
    await screenshot(owner, 'upload-error');
  });

  it('highlights the transcript segment a citation points at', async () => {
    await owner.goto(meetingUrl);
    const citation = owner.locator('[aria-labelledby=summary-decisions] .citation').first();
    const segment = Number(new URL((await citation.getAttribute('href'))!, server.url).searchParams.get('segment'));
    await citation.click();
    await highlighted(owner, segment);
    assert.equal(new URL(owner.url()).searchParams.get('segment'), String(segment), 'the moment has its own address');
    assert.equal(await owner.locator('.segment.is-cited').count(), 1);
    await screenshot(owner, 'citation');
  });

  it('answers questions with citations, and says when the meeting did not cover one', async () => {
    await owner.getByLabel('Your question').fill('Who were the five vendors mentioned?');
    await owner.getByRole('button', { name: 'Ask' }).click();
    const answer = owner.locator('.exchange').first();
    await answer.locator('.answer .citation').first().waitFor();
    assert.match((await answer.textContent())!, /Relaymark/);
    const cited = Number(new URL((await answer.locator('.citation').first().getAttribute('href'))!, server.url).searchParams.get('segment'));
    await answer.locator('.citation').first().click();
    await highlighted(owner, cited);

    await owner.getByLabel('Your question').fill('What is the parental leave policy in Brazil?');
    await owner.getByRole('button', { name: 'Ask' }).click();
    await owner.locator('.exchange').first().getByText('Not covered').waitFor();
    assert.equal(await owner.locator('.exchange').first().locator('.citation').count(), 0);

    // Minutes: the same answer reported in the speaker's name, with no quotation marks.
    await owner.getByRole('group', { name: 'Answer style' }).getByRole('button', { name: 'Minutes' }).click();
    await owner.getByLabel('Your question').fill('Who were the five vendors mentioned?');
    await owner.getByRole('button', { name: 'Ask' }).click();
    const minutes = owner.locator('.exchange').first();
    await minutes.locator('.answer .citation').first().waitFor();
    const reported = (await minutes.locator('.answer p').textContent())!;
    assert.match(reported, /Relaymark/);
    assert.doesNotMatch(reported, /"/);
    await owner.getByRole('group', { name: 'Answer style' }).getByRole('button', { name: 'Quotes' }).click();
  });

  it('regenerates the summary as minutes when asked', async () => {
    await owner.getByRole('group', { name: 'Summary style' }).getByRole('button', { name: 'Minutes' }).click();
    const generated = owner.waitForResponse((res) => res.url().endsWith('/summary') && res.request().method() === 'POST');
    await owner.getByRole('button', { name: 'Regenerate' }).click();
    const res = await generated;
    assert.equal(res.status(), 201);
    assert.deepEqual(JSON.parse(res.request().postData()!), { style: 'minutes' });
    const keyPoints = (await owner.locator('[aria-labelledby=summary-key-points]').textContent())!;
    assert.doesNotMatch(keyPoints, /\bI\b|\bwe\b/);
    // Back to the summary as said, which the later tests read.
    await owner.getByRole('group', { name: 'Summary style' }).getByRole('button', { name: 'As said' }).click();
    const restored = owner.waitForResponse((res) => res.url().endsWith('/summary') && res.request().method() === 'POST');
    await owner.getByRole('button', { name: 'Regenerate' }).click();
    assert.equal((await restored).status(), 201);
  });

  it('copies the summary as text with its citations', async () => {
    await owner.getByRole('button', { name: 'Copy summary' }).click();
    await owner.getByRole('button', { name: 'Copied' }).waitFor();
    const text = String(await owner.evaluate('navigator.clipboard.readText()'));
    assert.match(text, /^Crewline Q2 planning\n\nOverview\n/);
    assert.match(text, /\nAction items\n- .+\[\d+:\d\d [A-Z]/);
  });

  it('jumps to chapters and searches inside the transcript', async () => {
    const search = owner.getByLabel('Search the transcript');
    await search.fill('Harborview');
    await owner.getByText(/^1 of \d+$/).waitFor();
    await search.press('Enter');
    await owner.getByText(/^2 of \d+$/).waitFor();
    assert.ok((await owner.locator('.segment mark').count()) >= 2);
    assert.equal(await owner.locator('.segment.is-current-match').count(), 1);

    const chapter = owner.locator('.chapter').nth(1);
    await chapter.click();
    await owner.waitForFunction(() => document.activeElement?.classList.contains('is-cited') === true);
  });

  it('finds meetings by words, participant and action items, and works from the keyboard', async () => {
    await uploadAs('owner', 'standup.txt');
    await uploadAs('owner', 'support-call.srt');
    await owner.goto(`${server.url}/meetings`);
    await owner.locator('.meeting-row').nth(2).waitFor();
    const titles = async () => (await owner.locator('.meeting-row-title').allTextContents()).sort();

    await owner.getByLabel('Search titles and transcripts').fill('Harborview');
    await owner.waitForURL(/q=Harborview/);
    await rows(owner, 1);
    assert.deepEqual(await titles(), ['Crewline Q2 planning']);

    await owner.getByRole('button', { name: 'Clear filters' }).first().click();
    await owner.getByLabel('Participant').fill('Kofi');
    await owner.waitForURL(/participant=Kofi/);
    await rows(owner, 1);
    assert.deepEqual(await titles(), ['Crewline mobile team stand-up']);

    await owner.getByRole('button', { name: 'Clear filters' }).first().click();
    await owner.getByLabel('Action items').selectOption('with');
    await owner.waitForURL(/actions=with/);
    await owner.waitForFunction(() => !document.querySelector('[aria-busy=true]') && document.querySelectorAll('.meeting-row').length > 0);
    for (const badge of await owner.locator('.meeting-row .badge').allTextContents()) assert.match(badge, /\d+ action items?/);

    await owner.getByLabel('Search titles and transcripts').fill('zebra crossing');
    await owner.getByText('No meetings match').waitFor();
    await owner.getByRole('button', { name: 'Clear filters' }).first().click();
    await owner.locator('.meeting-row').nth(2).waitFor();

    // Keyboard: the skip link comes first and moves focus to the page; every focus is visible.
    await owner.goto(`${server.url}/meetings`);
    await owner.locator('.meeting-row').first().waitFor();
    await owner.keyboard.press('Tab');
    assert.equal(await owner.evaluate('document.activeElement.textContent'), 'Skip to content');
    await owner.keyboard.press('Enter');
    assert.equal(await owner.evaluate('document.activeElement.id'), 'main');
    for (let i = 0; i < 14; i++) {
      await owner.keyboard.press('Tab');
      // The focus ring is on the element, or on the card it stands for (drawn by its ::after).
      const ring = await owner.evaluate(() => {
        const el = document.activeElement;
        const own = getComputedStyle(el).outlineStyle;
        const card = getComputedStyle(el, '::after').outlineStyle;
        return `${own !== 'none' ? own : card} on ${el.tagName} ${String(el.getAttribute('aria-label') || el.textContent).slice(0, 40)}`;
      });
      assert.doesNotMatch(ring, /^none/, `focus is visible: ${ring}`);
    }
  });

  it('turns action items into tasks linked back to the moment they were said', async () => {
    await owner.goto(`${server.url}/tasks`);
    await owner.locator('.task-row').first().waitFor();
    const first = owner.locator('.task-row').first();
    const title = (await first.locator('.task-title').textContent())!;
    await first.getByRole('checkbox').check();
    await owner.locator('.task-row.is-done').first().waitFor();

    await owner.getByRole('button', { name: 'Done', exact: true }).click();
    await owner.waitForURL(/status=done/);
    const done = owner.locator('.task-row', { hasText: title });
    await done.waitFor();
    const source = done.locator('.task-source');
    const segment = Number(new URL((await source.getAttribute('href'))!, server.url).searchParams.get('segment'));
    await source.click();
    await owner.waitForURL(/\/meetings\/mtg_.*\?segment=/);
    await highlighted(owner, segment);
    assert.equal(await owner.getByRole('checkbox', { name: `Done: ${title}` }).isChecked(), true, 'the action item shows its task as done');

    // Tom sees the tasks assigned to him, without the meeting he was not invited to read.
    await activate(tom);
    await tom.goto(`${server.url}/tasks?mine=1`);
    await tom.locator('.task-row').first().waitFor();
    for (const who of await tom.locator('.task-assignee').allTextContents()) assert.equal(who, 'Tom Becker');
    assert.equal(await tom.locator('.task-source').count(), 0);
    assert.ok((await tom.getByText('From a meeting you cannot open').count()) > 0);
  });

  it('lets an admin create a group, add a member and lock a feature for it, and explains the result', async () => {
    await activate(owner);
    await owner.goto(`${server.url}/admin`);
    await owner.getByRole('link', { name: 'Users and groups' }).click();
    await owner.getByRole('heading', { name: 'Users and groups' }).waitFor();
    await owner.getByText('No groups yet').waitFor();
    await owner.getByLabel('New group name').fill('Legal');
    await owner.getByRole('button', { name: 'Add group' }).click();
    await owner.getByText('Group Legal created.').waitFor();
    await owner.getByLabel('Member email').fill('lee@example.com');
    await owner.getByRole('button', { name: 'Add member' }).click();
    await owner.getByText('Added lee@example.com to Legal.').waitFor();
    await owner.getByRole('region', { name: 'Groups' }).getByRole('row', { name: /Legal\s*1/ }).waitFor();

    // Search, licences and deactivation.
    await owner.getByLabel('Search users by name or email').fill('tom');
    await owner.locator('tr[data-user]').first().waitFor();
    await owner.waitForFunction(() => document.querySelectorAll('tr[data-user]').length === 1);
    const tomRow = owner.locator('tr[data-user="tom@example.com"]');
    await tomRow.getByLabel('Custom add-on for tom@example.com').click();
    await owner.waitForFunction(() => document.querySelector('tr[data-user="tom@example.com"] input[aria-label^="Custom add-on"]')?.checked === true);
    assert.equal((await apiCall('owner', '/v1/users/tom@example.com')).body.customAddOn, true);
    await tomRow.getByRole('button', { name: 'Deactivate tom@example.com' }).click();
    await tomRow.getByText('deactivated').waitFor();
    await tomRow.getByRole('button', { name: 'Reactivate tom@example.com' }).click();
    await tomRow.getByText('active', { exact: true }).waitFor();

    // A CSV dry run reports each row, bad ones with their line, and changes nothing.
    await owner.getByLabel('Or paste the CSV').fill('email,name,groups\nnew.person@example.com,New Person,Sales\nnot-an-email,Bad Row,\n');
    await owner.getByRole('button', { name: 'Dry run' }).click();
    await owner.getByText('Dry run: nothing was changed').waitFor();
    const report = owner.getByRole('region', { name: 'Import rows' });
    await report.getByRole('row', { name: /^2\s*new\.person@example\.com\s*created/ }).waitFor();
    assert.match((await report.locator('tr.row-error').textContent())!, /^3.*"not-an-email" is not an email address/);
    assert.equal((await apiCall('owner', '/v1/users/new.person@example.com')).status, 404, 'a dry run changes nothing');
    await screenshot(owner, 'admin-import');
    await owner.getByRole('button', { name: 'Import', exact: true }).click();
    await owner.getByText('Imported', { exact: true }).waitFor();
    assert.equal((await apiCall('owner', '/v1/users/new.person@example.com')).body.name, 'New Person', 'the good rows are imported, the bad one reported');

    await owner.getByRole('link', { name: 'Feature policy' }).click();
    await owner.getByRole('heading', { name: 'Feature policy' }).waitFor();
    await owner.getByLabel('Level', { exact: true }).selectOption('group');
    await owner.getByLabel('Group', { exact: true }).selectOption({ label: 'Legal' });
    await owner.getByLabel('Setting', { exact: true }).selectOption('feature.meeting.query');
    await owner.getByLabel('Value', { exact: true }).selectOption('off');
    await owner.getByLabel('Lock for every level below').check();
    await owner.getByRole('button', { name: 'Save setting' }).click();
    await owner.getByText('feature.meeting.query is off for group Legal, locked for every level below.').waitFor();
    await owner.getByRole('region', { name: 'Stored settings' }).getByRole('row', { name: /group Legal\s*feature\.meeting\.query\s*off\s*locked/ }).waitFor();

    await owner.getByLabel('Explain settings for (email or id)').fill('lee@example.com');
    await owner.getByRole('button', { name: 'Explain' }).click();
    const explained = owner.locator('tr[data-key="feature.meeting.query"]');
    await explained.waitFor();
    assert.match((await explained.textContent())!, /off\s*group Legal\s*locked\s*off: locked by group Legal/);
    await explained.scrollIntoViewIfNeeded();
    await screenshot(owner, 'admin-explain');
  });

  it('tells a member which level turned a feature off', async () => {
    const meetingId = await uploadAs('lee', 'standup.txt');
    const lee = await activate(await signInWithToken(tokens.lee, `/meetings/${meetingId}`));
    browser.expectFailedRequest(lee, 403);
    await lee.getByRole('heading', { name: /^Action items/ }).waitFor();
    await lee.getByLabel('Your question').fill('Who is ordering the second device?');
    await lee.getByRole('button', { name: 'Ask' }).click();
    const notice = lee.locator('.exchange .notice');
    await notice.waitFor();
    const text = (await notice.textContent())!;
    assert.match(text, /meeting\.query is turned off by policy/);
    assert.match(text, /meeting\.query is off: locked by group Legal/);
    assert.match(text, /decided for a group you belong to \(group Legal\), and locked there/);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(lee, 'policy-notice');
    assert.deepEqual(browser.consoleErrors(lee), []);
    await lee.close();
  });

  it('changes roles within the server rules, shows its refusals, and removes a group member', async () => {
    await activate(owner);
    await owner.goto(`${server.url}/admin/users`);
    await owner.getByRole('heading', { name: 'Users and groups' }).waitFor();
    const roleOf = (email: string) => owner.getByLabel(`Role of ${email}`, { exact: true });

    // Tom becomes an admin, from the keyboard: the change is sent only by the button.
    await owner.getByLabel('Search users by name or email').fill('tom');
    await owner.waitForFunction(() => document.querySelectorAll('tr[data-user]').length === 1);
    await roleOf('tom@example.com').selectOption('admin');
    assert.equal((await apiCall('owner', '/v1/users/tom@example.com')).body.role, 'member', 'choosing a role sends nothing yet');
    await roleOf('tom@example.com').focus();
    await owner.keyboard.press('Tab');
    assert.equal(await owner.evaluate('document.activeElement.getAttribute("aria-label")'), 'Change the role of tom@example.com to admin');
    assert.notEqual(await owner.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none', 'focus is visible');
    await owner.keyboard.press('Enter');
    await owner.getByRole('button', { name: 'Change the role of tom@example.com to admin' }).waitFor({ state: 'detached' });
    assert.equal((await apiCall('owner', '/v1/users/tom@example.com')).body.role, 'admin');

    // As an admin, Tom may not touch an owner: the control says so.
    await activate(tom);
    await tom.goto(`${server.url}/admin/users`);
    await tom.getByLabel('Search users by name or email').fill('owner@localhost');
    await tom.waitForFunction(() => document.querySelectorAll('tr[data-user]').length === 1);
    assert.equal(await tom.getByLabel('Role of owner@localhost', { exact: true }).isDisabled(), true);
    await tom.locator('tr[data-user="owner@localhost"]').getByText("Only an owner may change an owner's role.").waitFor();
    assert.equal(await tom.getByLabel('Role of tom@example.com', { exact: true }).count(), 0, 'the search shows only what was asked for');

    // The last owner cannot demote themselves: the server's reason is shown, and nothing changes.
    await activate(owner);
    browser.expectFailedRequest(owner, 409);
    await owner.getByLabel('Search users by name or email').fill('owner@localhost');
    await owner.waitForFunction(() => document.querySelectorAll('tr[data-user]').length === 1 && !!document.querySelector('tr[data-user="owner@localhost"]'));
    await roleOf('owner@localhost').selectOption('member');
    await owner.getByRole('button', { name: 'Change the role of owner@localhost to member' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Make yourself a member?' });
    await dialog.getByRole('button', { name: 'Change my role' }).click();
    const refusal = owner.locator('tr[data-user="owner@localhost"] .notice');
    await refusal.waitFor();
    assert.match((await refusal.textContent())!, /Could not change the user\s*owner@localhost is the last active owner; make someone else an owner first/);
    assert.equal((await apiCall('owner', '/v1/users/owner@localhost')).body.role, 'owner');
    await screenshot(owner, 'admin-role-refused');

    // Tom goes back to member.
    await owner.getByLabel('Search users by name or email').fill('tom');
    await owner.waitForFunction(() => !!document.querySelector('tr[data-user="tom@example.com"]') && document.querySelectorAll('tr[data-user]').length === 1);
    await roleOf('tom@example.com').selectOption('member');
    await owner.getByRole('button', { name: 'Change the role of tom@example.com to member' }).click();
    await owner.getByRole('button', { name: 'Change the role of tom@example.com to member' }).waitFor({ state: 'detached' });
    assert.equal((await apiCall('owner', '/v1/users/tom@example.com')).body.role, 'member');

    // Lee leaves the Legal group.
    const groups = owner.getByRole('region', { name: 'Groups' });
    await groups.getByRole('row', { name: /Legal\s*1/ }).waitFor();
    await owner.getByRole('button', { name: 'Show members of Legal' }).click();
    const members = owner.getByRole('list', { name: 'Members of Legal' });
    await members.getByText('lee@example.com').waitFor();
    await owner.getByRole('button', { name: 'Remove lee@example.com from Legal' }).click();
    await owner.getByText('Removed lee@example.com from Legal.').waitFor();
    await owner.getByText('No members.').waitFor();
    await groups.getByRole('row', { name: /Legal\s*0/ }).waitFor();
    const legal = (await apiCall('owner', '/v1/groups/Legal')).body;
    assert.deepEqual(legal.members, []);
    assert.equal(browser.consoleErrors(tom).length, 0, browser.consoleErrors(tom).join('\n'));
  });

  it('shows the admin console to owners and admins only', async () => {
    await activate(tom);
    for (const path of ['/admin', '/admin/policy', '/admin/audit']) {
      await tom.goto(`${server.url}${path}`);
      await tom.getByRole('heading', { name: 'Admins only' }).waitFor();
    }
  });

  it('switches the deployment mode to self-hosted-only after confirmation, and the availability table follows', async () => {
    await activate(owner);
    await owner.goto(`${server.url}/admin`);
    await owner.getByRole('heading', { name: 'Deployment and models' }).waitFor();
    assert.match((await owner.locator('.facts').textContent())!, /Home region\s*EU.*Deployment mode\s*self-hosted-plus/s);
    // A model server run by a cloud provider in the home region: allowed in self-hosted-plus, not in self-hosted-only.
    await owner.getByText('Register a provider for this account').click();
    await owner.getByLabel(/^Provider entry/).fill(JSON.stringify({
      name: 'eu-managed-llm', kind: 'openai-compatible', hosting: 'managed', baseUrl: 'http://127.0.0.1:9/v1', regions: ['EU'],
      capabilities: ['text', 'structured'], models: { text: 'llama-3.1-70b' }, contextWindow: 131072,
    }));
    await owner.getByRole('button', { name: 'Register provider' }).click();
    await owner.getByText('Provider eu-managed-llm registered (managed, EU).').waitFor();
    const provider = owner.getByRole('region', { name: 'Model providers' }).getByRole('row', { name: /eu-managed-llm/ });
    await provider.waitFor();
    await owner.waitForFunction(() => /eu-managed-llm/.test(document.querySelector('tr[data-feature="chat.compose"]')?.textContent ?? ''));
    assert.match((await provider.textContent())!, /managed\s*EU\s*healthy\s*usable/);
    await owner.getByText('Register a provider for this account').click();
    const compose = owner.locator('tr[data-feature="chat.compose"]');
    await compose.waitFor();
    assert.match((await compose.textContent())!, /chat\.compose\s*available.*eu-managed-llm/);
    await screenshot(owner, 'admin-deployment');

    await owner.getByLabel('New deployment mode').selectOption('self-hosted-only');
    await owner.getByRole('button', { name: 'Change mode…' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Switch to self-hosted-only?' });
    await dialog.waitFor();
    // Cancelling changes nothing.
    await owner.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await apiCall('owner', '/v1/account')).body.deploymentMode, 'self-hosted-plus');
    await owner.getByRole('button', { name: 'Change mode…' }).click();
    await dialog.getByRole('button', { name: 'Switch to self-hosted-only' }).click();
    await owner.getByTestId('deployment-mode').getByText('self-hosted-only').waitFor();
    await owner.waitForFunction(() => /unavailable/.test(document.querySelector('tr[data-feature="chat.compose"]')?.textContent ?? ''));
    assert.match((await compose.textContent())!, /unavailable.*self-hosted-only/);
    assert.match((await provider.textContent())!, /not usable.*hosting class managed not allowed in mode self-hosted-only/);
    assert.match((await owner.locator('tr[data-feature="meeting.summary"]').textContent())!, /available\s*built-in engine/, 'the built-in engine still serves');

    // The change is in the audit log, whose chain still verifies.
    await owner.getByRole('link', { name: 'Audit log' }).click();
    await owner.getByTestId('audit-verify').getByText('intact').waitFor();
    await owner.getByLabel('Action', { exact: true }).fill('account.mode.change');
    await owner.getByRole('button', { name: 'Apply filters' }).click();
    await owner.getByText('That is every matching event (1).').waitFor();
    assert.match((await owner.getByRole('region', { name: 'Audit events' }).textContent())!, /Local owner <owner@localhost>\s*account\.mode\.change.*old: self-hosted-plus\s*new: self-hosted-only/);
    await screenshot(owner, 'admin-audit-filtered');
  });

  it('places a legal hold on a user and releases it, and tests a blocked pattern live', async () => {
    await activate(owner);
    await owner.getByRole('link', { name: 'Data lifecycle' }).click();
    await owner.getByRole('heading', { name: 'Data lifecycle' }).waitFor();
    await owner.getByRole('region', { name: 'eDiscovery exports' }).getByText('No exports yet').waitFor();

    // A retention policy, set and removed.
    await owner.getByText('No retention policies').waitFor();
    await owner.getByLabel('Type', { exact: true }).fill('meeting');
    await owner.getByLabel('Days (empty: forever)').fill('30');
    await owner.getByRole('button', { name: 'Save policy' }).click();
    await owner.getByText('artifact meeting: 30 days, soft deletion.').waitFor();
    await owner.getByRole('region', { name: 'Retention policies' }).getByRole('row', { name: /artifact meeting\s*30 days\s*restorable for 30 days/ }).waitFor();
    assert.deepEqual((await apiCall('owner', '/v1/retention/policies')).body.items.map((p: any) => [p.kind, p.target, p.days, p.mode]), [['artifact', 'meeting', 30, 'soft']]);
    await owner.getByRole('button', { name: 'Remove the policy for artifact meeting' }).click();
    await owner.getByText('No retention policies').waitFor();
    await owner.getByText('No legal holds').waitFor();
    await owner.getByLabel('Hold name').fill('acme-v-lee');
    await owner.getByLabel('Reason', { exact: true }).fill('Litigation 2026-17');
    await owner.getByLabel('Hold on').selectOption('user');
    await owner.getByLabel('User email or id').fill('lee@example.com');
    await owner.getByRole('button', { name: 'Place hold' }).click();
    await owner.getByText('Hold acme-v-lee placed on lee@example.com.').waitFor();
    const row = owner.locator('tr[data-hold="acme-v-lee"]');
    await row.waitFor();
    await row.getByText('user Lee Legal <lee@example.com>').waitFor();
    assert.match((await row.textContent())!, /acme-v-lee\s*Litigation 2026-17\s*user Lee Legal <lee@example\.com>.*active/);
    const stored = (await apiCall('owner', '/v1/holds?status=active')).body.items;
    assert.deepEqual(stored.map((h: any) => [h.name, h.userId, h.releasedAt]), [['acme-v-lee', leeId, null]]);
    await row.scrollIntoViewIfNeeded();
    await screenshot(owner, 'admin-hold');

    // An export of what the hold covers, made on the server, is listed from the audit log.
    const bundle = join(mkdtempSync(join(tmpdir(), 'confer-e2e-export-')), 'bundle');
    execFileSync(process.execPath, [join(ROOT, 'bin', 'confer.js'), 'export', '--hold', 'acme-v-lee', '--out', bundle], {
      env: { ...process.env, CONFER_DATABASE_URL: server.databaseUrl, CONFER_LOG_LEVEL: 'error' },
    });
    await owner.reload();
    await owner.getByRole('region', { name: 'eDiscovery exports' }).getByRole('row', { name: /hold acme-v-lee\s*\d+ artifacts, \d+ outputs/ }).waitFor();
    rmSync(dirname(bundle), { recursive: true, force: true });

    // The same export made from the console: listed, verified, its manifest downloaded.
    const exportsRegion = owner.getByRole('region', { name: 'eDiscovery exports' });
    await exportsRegion.getByText('No exports on the server').waitFor();
    await owner.getByLabel('Export by').selectOption('hold');
    await owner.getByLabel('Legal hold to export').fill('acme-v-lee');
    await owner.getByRole('button', { name: 'Export', exact: true }).click();
    const written = owner.getByText(/^Export exp_\w+ written: \d+ files? \(.+\), \d+ artifacts?, \d+ outputs?\.$/);
    await written.waitFor();
    const exportId = /exp_\w+/.exec((await written.textContent())!)![0];
    const listed = (await apiCall('owner', '/v1/exports')).body.items;
    assert.deepEqual(listed.map((x: any) => [x.id, x.scope.hold]), [[exportId, 'acme-v-lee']]);
    const exportRow = exportsRegion.locator(`tr[data-export="${exportId}"]`);
    await exportRow.getByText(`${listed[0].files} file${listed[0].files === 1 ? '' : 's'},`).waitFor();
    assert.match((await exportRow.textContent())!, /hold acme-v-lee/);
    // The history from the audit log shows it too, next to the command-line export.
    await exportsRegion.getByRole('region', { name: 'Export history' }).getByRole('row', { name: /hold acme-v-lee/ }).nth(1).waitFor();
    await exportRow.getByRole('button', { name: `Verify export ${exportId}` }).click();
    await owner.getByText(`Export ${exportId} verified: ${listed[0].files} file${listed[0].files === 1 ? '' : 's'} match the manifest.`).waitFor();
    await exportRow.getByText(/^verified: \d+ files? match$/).waitFor();
    const [manifestDownload] = await Promise.all([
      owner.waitForEvent('download'),
      exportRow.getByRole('button', { name: `Download manifest.json of export ${exportId}` }).click(),
    ]);
    assert.equal(manifestDownload.suggestedFilename(), `${exportId}-manifest.json`);
    const manifest = JSON.parse(readFileSync((await manifestDownload.path())!, 'utf8'));
    assert.equal(manifest.format, 'confer-ediscovery/1');
    assert.equal(manifest.files.length, listed[0].files);
    assert.deepEqual(manifest.scope.hold, 'acme-v-lee');
    // One file of the bundle, from the list the manifest gives.
    await exportRow.getByText(`Files (${listed[0].files})`).click();
    const [fileDownload] = await Promise.all([
      owner.waitForEvent('download'),
      exportRow.getByRole('button', { name: `Download audit.jsonl of export ${exportId}` }).click(),
    ]);
    assert.equal(fileDownload.suggestedFilename(), 'audit.jsonl');
    const auditBytes = readFileSync((await fileDownload.path())!);
    assert.equal(createHash('sha256').update(auditBytes).digest('hex'), manifest.files.find((f: any) => f.path === 'audit.jsonl').sha256);
    await exportRow.scrollIntoViewIfNeeded();
    await screenshot(owner, 'admin-export');

    await row.getByRole('button', { name: 'Release hold acme-v-lee' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Release hold acme-v-lee?' });
    await dialog.getByRole('button', { name: 'Release hold' }).click();
    await owner.getByText(/^Hold acme-v-lee released; \d+ deletions? it held back went ahead\.$/).waitFor();
    await owner.getByText('No legal holds').waitFor();
    await owner.getByLabel('Show', { exact: true }).selectOption('all');
    await row.getByText(/^released /).waitFor();
    assert.notEqual((await apiCall('owner', '/v1/holds/acme-v-lee')).body.releasedAt, null);

    // The live test box redacts a sample as the pattern is typed, without saving anything.
    const tester = owner.getByLabel('Pattern to test (Java regex)');
    await tester.fill('(?i)project \\w+');
    await owner.getByTestId('pattern-matches').getByText('1 match: “project Falcon”').waitFor();
    assert.doesNotMatch((await owner.getByTestId('pattern-redacted').textContent())!, /Falcon/);
    assert.deepEqual((await apiCall('owner', '/v1/redaction')).body.patterns, []);

    await owner.getByLabel('Disclaimer text').fill('This meeting is summarised by Confer; ask the host for a copy.');
    await owner.getByLabel('Ask for consent before use').check();
    await owner.getByRole('button', { name: 'Save disclaimer' }).click();
    await owner.getByText('Disclaimer for meetings (external) saved as version 1.').waitFor();
    await owner.getByRole('region', { name: 'Disclaimers' }).getByRole('row', { name: /meetings\s*external\s*consent\s*This meeting is summarised/ }).waitFor();
  });

  it('lists share links to the meeting owner and to admins, who revoke them', async () => {
    await activate(owner);
    const meetingId = new URL(meetingUrl).pathname.split('/').pop()!;
    const summaryId = (await apiCall('owner', `/v1/meetings/${meetingId}/summary`)).body.id as string;
    const share = async () => (await apiCall('owner', '/v1/shares', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outputId: summaryId }) })).body as { id: string; token: string };
    const first = await share();
    const second = await share();

    // On the meeting page, its owner sees the links that still open the summary and revokes one.
    await owner.goto(meetingUrl);
    const onMeeting = owner.getByRole('region', { name: 'Share links of this summary' });
    await onMeeting.locator(`tr[data-share="${first.id}"]`).waitFor();
    assert.equal(await onMeeting.locator('tr[data-share]').count(), 2);
    await onMeeting.getByRole('button', { name: `Revoke share link ${first.id}` }).click();
    await owner.getByRole('dialog', { name: 'Revoke this share link?' }).getByRole('button', { name: 'Revoke link' }).click();
    await owner.getByText(`Link ${first.id} revoked: it no longer opens the summary.`).waitFor();
    await onMeeting.locator(`tr[data-share="${first.id}"]`).waitFor({ state: 'detached' });
    assert.equal((await fetch(`${server.url}/v1/shared/${first.token}`)).status, 404, 'the revoked link no longer opens');
    assert.equal((await fetch(`${server.url}/v1/shared/${second.token}`)).status, 200);

    // Admins see every active link of the account on the data lifecycle page.
    await owner.getByRole('link', { name: 'Admin', exact: true }).click();
    await owner.getByRole('link', { name: 'Data lifecycle' }).click();
    const active = owner.getByRole('region', { name: 'Active share links' });
    const row = active.locator(`tr[data-share="${second.id}"]`);
    await row.getByText('Local owner <owner@localhost>').waitFor();
    assert.equal(await active.locator('tr[data-share]').count(), 1, 'revoked links are not listed');
    await row.scrollIntoViewIfNeeded();
    await screenshot(owner, 'admin-share-links');
    await row.getByRole('button', { name: `Revoke share link ${second.id}` }).click();
    const dialog = owner.getByRole('dialog', { name: 'Revoke this share link?' });
    // Cancelling changes nothing.
    await owner.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await fetch(`${server.url}/v1/shared/${second.token}`)).status, 200);
    await row.getByRole('button', { name: `Revoke share link ${second.id}` }).click();
    await dialog.getByRole('button', { name: 'Revoke link' }).click();
    await owner.getByText('No active share links').waitFor();
    assert.equal((await fetch(`${server.url}/v1/shared/${second.token}`)).status, 404);
    assert.deepEqual((await apiCall('owner', '/v1/shares/active')).body.items, []);
  });

  it('creates a share link on the meeting page that opens without a session, or asks to sign in when the organisation requires it', async () => {
    await activate(owner);
    await owner.goto(meetingUrl);
    const section = owner.getByRole('region', { name: 'Share links', exact: true });
    await section.getByText(/^Anyone with the link can open it, without signing in \(sharing\.require_sign_in is off, decided by default\)\.$/).waitFor();
    await section.getByLabel('Link expires').selectOption('7');
    // From the keyboard: the button after the expiry choice, with a visible focus ring.
    await section.getByLabel('Link expires').focus();
    await owner.keyboard.press('Tab');
    const ring = await owner.evaluate(() => `${getComputedStyle(document.activeElement).outlineStyle} ${document.activeElement.textContent}`);
    assert.match(ring, /^(?!none)\w+ Create share link$/, `focus is visible on the button: ${ring}`);
    await owner.keyboard.press('Enter');
    const field = section.getByLabel('New share link');
    await field.waitFor();
    const link = await field.inputValue();
    assert.match(link, new RegExp(`^${server.url}/shared/shr_[\\w-]+$`), 'a web address, not the JSON API');
    await section.getByRole('button', { name: 'Copy link' }).click();
    await section.getByRole('button', { name: 'Copied' }).waitFor();
    assert.equal(String(await owner.evaluate('navigator.clipboard.readText()')), link);
    const listed = section.getByRole('region', { name: 'Share links of this summary' }).locator('tr[data-share]');
    assert.equal(await listed.count(), 1, 'the new link joins the list');
    assert.doesNotMatch((await listed.textContent())!, /never/, 'with its expiry');
    await field.scrollIntoViewIfNeeded();
    await screenshot(owner, 'share-created');

    // A new tab has its own session storage: nobody is signed in there.
    const reader = await activate(await browser.newPage());
    // The API address of the link, pasted into a browser, lands on the same page.
    await reader.goto(link.replace('/shared/', '/v1/shared/'));
    await reader.waitForURL(link);
    await reader.getByRole('heading', { name: 'Crewline Q2 planning', level: 1 }).waitFor();
    await reader.getByText(/^Shared meeting summary, written .+\. Read-only\.$/).waitFor();
    await reader.getByRole('heading', { name: /^Action items/ }).waitFor();
    assert.equal(await reader.evaluate('window.sessionStorage.length'), 0, 'read without a session');
    assert.ok((await reader.locator('.overview').textContent())!.length > 50);
    assert.ok((await reader.locator('.citation').count()) > 0, 'who said it and when');
    assert.equal(await reader.locator('a.citation, input[type=checkbox]').count(), 0, 'read-only: no links into the transcript, no task boxes');
    for (const viewport of [PHONE, DESKTOP]) {
      await reader.setViewportSize(viewport);
      await screenshot(reader, 'shared-summary');
      if (viewport === PHONE) assert.equal(await overflowsHorizontally(reader), false, 'the shared summary scrolls sideways at 390 px');
    }
    assert.deepEqual(browser.consoleErrors(reader), []);
    await reader.close();

    // With sign-in required, the link asks for it first, then opens for a member of the account.
    const put = (key: string, value: unknown, locked = false) =>
      apiCall('owner', `/v1/settings/account/current/${key}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value, locked }) });
    assert.equal((await put('sharing.require_sign_in', true)).status, 200);
    await owner.reload();
    await section.getByText(/^Only signed-in members of your organisation can open these links \(sharing\.require_sign_in is on, decided by account/).waitFor();
    const outsider = await activate(await browser.newPage());
    browser.expectFailedRequest(outsider, 401);
    browser.expectFailedRequest(outsider, 404);
    await outsider.goto(link);
    await outsider.getByText('Sign in to read this shared summary').waitFor();
    await outsider.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(outsider, 'shared-sign-in');
    await outsider.getByLabel('API token').fill(tokens.tom);
    await outsider.getByRole('button', { name: 'Sign in' }).click();
    await outsider.getByRole('heading', { name: /^Action items/ }).waitFor();
    assert.equal(new URL(outsider.url()).pathname, new URL(link).pathname, 'still on the shared link');

    // A revoked link says so.
    const id = (await listed.getAttribute('data-share'))!;
    assert.equal((await fetch(`${server.url}/v1/shares/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens.owner}` } })).status, 204);
    await outsider.reload();
    await outsider.getByRole('heading', { name: 'This link no longer opens' }).waitFor();
    await outsider.getByText(/this share link does not exist or was revoked/).waitFor();
    assert.deepEqual(browser.consoleErrors(outsider), []);
    await outsider.close();
    assert.equal((await apiCall('owner', '/v1/settings/account/current/sharing.require_sign_in', { method: 'DELETE' })).status, 200);
  });

  it('emails the summary through SMTP to whom the settings say, and names the level that turned email off', async () => {
    await activate(owner);
    await owner.goto(meetingUrl);
    const section = owner.getByRole('region', { name: 'Email', exact: true });
    await section.getByText(/^Sends the summary to the host only \(summary\.email_recipients: host_only/).waitFor();
    const before = smtp.inbox.length;
    await section.getByRole('button', { name: 'Email summary' }).click();
    await section.getByText('Sent to 1 recipient: the host only.').waitFor();
    // Summaries made by the background job are mailed too; this one is the click's.
    const ours = () => smtp.inbox.slice(before).filter((m) => m.body.includes('Subject: Summary: Crewline Q2 planning'));
    assert.equal(ours().length, 1, 'the message arrived');
    const mail = ours()[0];
    assert.deepEqual(mail.to, [LOCAL_OWNER_EMAIL]);
    assert.match(mail.body, /\r?\nAction items\r?\n- /);

    // Turned off and locked for the whole account: no button, and the notice names the level.
    const off = await apiCall('owner', '/v1/settings/account/current/summary.email_delivery', {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: false, locked: true }),
    });
    assert.equal(off.status, 200);
    await owner.reload();
    const notice = section.locator('.notice');
    await notice.waitFor();
    const text = (await notice.textContent())!;
    assert.match(text, /Emailing summaries is turned off by policy/);
    assert.match(text, /summary\.email_delivery is off: locked by account/);
    assert.match(text, /decided for the whole account \(account [^)]+\), and locked there/);
    assert.equal(await section.getByRole('button', { name: 'Email summary' }).count(), 0);
    await notice.scrollIntoViewIfNeeded();
    await screenshot(owner, 'email-policy-notice');
    // The server refuses too, naming the setting and the level, for any client.
    const refused = await apiCall('owner', `/v1/summaries/${(await apiCall('owner', `/v1/meetings/${new URL(meetingUrl).pathname.split('/').pop()}/summary`)).body.id}/email`, { method: 'POST' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.details.decidedBy.level, 'account');
    assert.equal(ours().length, 1, 'nothing more was sent');
    assert.equal((await apiCall('owner', '/v1/settings/account/current/summary.email_delivery', { method: 'DELETE' })).status, 200);
  });

  it('hides share links behind a policy notice when sharing by link is off, and the server refuses them', async () => {
    const off = await apiCall('owner', '/v1/settings/account/current/sharing.links_enabled', {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ value: false, locked: false }),
    });
    assert.equal(off.status, 200);
    await owner.reload();
    const section = owner.locator('section[aria-labelledby=shares-heading]');
    const notice = section.locator('.notice');
    await notice.waitFor();
    assert.match((await notice.textContent())!, /Sharing by link is turned off by policy/);
    assert.equal(await section.getByRole('button', { name: 'Create share link' }).count(), 0);
    const summaryId = (await apiCall('owner', `/v1/meetings/${new URL(meetingUrl).pathname.split('/').pop()}/summary`)).body.id;
    const refused = await apiCall('owner', '/v1/shares', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ outputId: summaryId }) });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.details.decidedBy.level, 'account');
    assert.equal((await apiCall('owner', '/v1/settings/account/current/sharing.links_enabled', { method: 'DELETE' })).status, 200);
    await owner.reload();
    await section.getByRole('button', { name: 'Create share link' }).waitFor();
  });

  it('restores a soft-deleted meeting, and runs the retention sweep on demand', async () => {
    await activate(owner);
    const restored = await uploadAs('owner', 'support-call.srt');
    const purged = await uploadAs('owner', 'standup.txt');
    for (const id of [restored, purged]) assert.equal((await apiCall('owner', `/v1/artifacts/${id}`, { method: 'DELETE' })).status, 200);
    // The second one's 30 days are over, as if a month had passed.
    const [account] = await store.accounts.list();
    const request = (await store.retention.getRequest(account.id, 'artifact', purged))!;
    await store.retention.putRequest({ ...request, purgeAfter: new Date(Date.now() - 60_000).toISOString() });

    await owner.goto(`${server.url}/admin/lifecycle`);
    const table = owner.getByRole('region', { name: 'Restorable content' });
    const row = table.locator(`tr[data-artifact="${restored}"]`);
    await row.getByText('Local owner <owner@localhost>').waitFor();
    assert.match((await row.textContent())!, /meeting mtg_\w+.*deleted by its owner or an admin/);
    assert.equal(await table.locator(`tr[data-artifact="${purged}"]`).count(), 0, 'past its 30 days it is not offered');
    await row.scrollIntoViewIfNeeded();
    await screenshot(owner, 'admin-restore');
    await row.getByRole('button', { name: `Restore meeting ${restored}` }).click();
    await owner.getByText(`Restored meeting ${restored}: it is back for everyone who could read it.`).waitFor();
    await owner.getByRole('region', { name: 'Deleted content' }).getByText('Nothing to restore').waitFor();
    assert.equal((await apiCall('owner', `/v1/meetings/${restored}`)).status, 200, 'the meeting is back');

    assert.ok(await store.retention.artifactAnyState(account.id, purged), 'still stored before the sweep');
    await owner.getByRole('button', { name: 'Run retention sweep now' }).click();
    await owner.getByText(/^Retention sweep done: 0 items expired under a policy; purged 1 artifact, \d+ outputs? and 0 transcripts; 0 kept by a legal hold\.$/).waitFor();
    assert.equal(await store.retention.artifactAnyState(account.id, purged), null, 'the sweep purged it');
    await owner.getByRole('button', { name: 'Run retention sweep now' }).click();
    await owner.getByText('Retention sweep done: nothing was due.').waitFor();
  });

  it('works the admin console from the keyboard, with visible focus', async () => {
    await activate(owner);
    await owner.goto(`${server.url}/admin/audit`);
    await owner.getByTestId('audit-verify').waitFor();
    await owner.keyboard.press('Tab');
    assert.equal(await owner.evaluate('document.activeElement.textContent'), 'Skip to content');
    await owner.keyboard.press('Enter');
    const seen: string[] = [];
    for (let i = 0; i < 16; i++) {
      await owner.keyboard.press('Tab');
      const ring = await owner.evaluate(() => {
        const el = document.activeElement;
        return `${getComputedStyle(el).outlineStyle} on ${el.tagName} ${String(el.getAttribute('aria-label') || el.textContent || el.id).slice(0, 40)}`;
      });
      assert.doesNotMatch(ring, /^none/, `focus is visible: ${ring}`);
      seen.push(ring);
    }
    assert.ok(seen.some((r) => /Feature policy/.test(r)), `the section links are reachable: ${seen.join(' | ')}`);
    assert.ok(seen.some((r) => /INPUT/.test(r)), 'the filters are reachable');
    // A section link opens from the keyboard.
    await owner.getByRole('link', { name: 'Feature policy' }).focus();
    await owner.keyboard.press('Enter');
    await owner.getByRole('heading', { name: 'Feature policy' }).waitFor();
  });

  it('fits a 390-pixel phone screen on every page, and saves screenshots', async () => {
    // In-app navigation, as a person moves around: each page fetches only what it shows.
    const pages: [string, (page: Page) => Promise<void>][] = [
      ['meetings', (page) => page.getByRole('link', { name: 'Meetings', exact: true }).click()],
      ['meeting', (page) => page.getByRole('link', { name: 'Crewline Q2 planning' }).click()],
      ['upload', async (page) => {
        await page.getByRole('link', { name: 'Meetings', exact: true }).click();
        await page.getByRole('link', { name: 'Upload transcript' }).click();
      }],
      ['tasks', (page) => page.getByRole('link', { name: 'Tasks', exact: true }).click()],
      ['admin', (page) => page.getByRole('link', { name: 'Admin', exact: true }).click()],
      ['admin-policy', (page) => page.getByRole('link', { name: 'Feature policy' }).click()],
      ['admin-users', (page) => page.getByRole('link', { name: 'Users and groups' }).click()],
      ['admin-lifecycle', (page) => page.getByRole('link', { name: 'Data lifecycle' }).click()],
      ['admin-audit', (page) => page.getByRole('link', { name: 'Audit log' }).click()],
    ];
    await activate(owner);
    for (const viewport of [DESKTOP, PHONE]) {
      await owner.setViewportSize(viewport);
      await owner.goto(`${server.url}/meetings`);
      for (const [name, open] of pages) {
        await open(owner);
        await owner.locator('h1').waitFor();
        await owner.waitForFunction(() => document.querySelectorAll('[role=status][aria-label^=Loading], .loading-line').length === 0);
        await screenshot(owner, name);
        if (viewport === PHONE) assert.equal(await overflowsHorizontally(owner), false, `${name} scrolls sideways at 390 px`);
      }
    }
    await owner.setViewportSize(DESKTOP);
  });

  it('logs no console errors on any page', () => {
    assert.deepEqual(browser.consoleErrors(owner), []);
    assert.deepEqual(browser.consoleErrors(tom), []);
  });
});
