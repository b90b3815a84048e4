import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { DAY, ManualClock } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import type { MeetingSummary } from '../core/outputs.ts';
import { createSmtpMailer } from '../delivery/smtp-mailer.ts';
import { startTestSmtp, type ReceivedMail, type TestSmtpServer } from '../delivery/smtp-test-server.ts';
import { runFeature } from '../features/run-feature.ts';
import { createShareLink, openShareLink, revokeShareLink } from '../governance/lifecycle/share-links.ts';
import { deleteArtifact } from '../governance/lifecycle/deletion.ts';
import { storeMeeting } from '../governance/lifecycle/testing.ts';
import { emailSummary } from './summary-email.ts';

const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));

describe('sharing summaries', () => {
  let world: TestWorld;
  let clock: ManualClock;
  let smtp: TestSmtpServer;
  let smtpUrl: string;
  let inbox: ReceivedMail[];
  let meetingId: string;
  let summaryId: string;

  const setAccount = async (key: string, value: unknown) =>
    world.services.store.settings.set({ accountId: world.account.id, scope: 'account', scopeId: world.account.id, key, value, locked: false, updatedAt: clock.now().toISOString(), updatedBy: null });

  before(async () => {
    clock = new ManualClock('2026-03-04T15:00:00.000Z');
    world = await createTestWorld({ clock });
    smtp = await startTestSmtp();
    smtpUrl = smtp.url;
    inbox = smtp.inbox;
    const ctx = await world.ctx(world.owner);
    meetingId = await storeMeeting(ctx, 'Shared launch sync');
    summaryId = (await runFeature<MeetingSummary>(ctx, 'meeting.summary', { artifactId: meetingId })).id;
  });
  after(async () => {
    await smtp.close();
    await world.close();
  });

  it('emails the summary over SMTP to the host, or to every invitee, as the settings say', async () => {
    const ctx = await world.ctx(world.owner);
    const mailer = createSmtpMailer(smtpUrl);
    try {
      const first = await emailSummary(ctx, summaryId, { mailer, from: 'confer@acme.test', publicUrl: 'https://confer.acme.test' });
      assert.equal(first.recipients, 1);
      assert.equal(first.scope, 'host_only');
      assert.deepEqual(inbox.at(-1)!.to, ['owner@acme.test']);
      assert.equal(inbox.at(-1)!.from, 'confer@acme.test');
      assert.match(inbox.at(-1)!.body, /Subject: Summary: Shared launch sync/);
      assert.match(inbox.at(-1)!.body, /\((Priya Nair|Tom Becker), 00:\d\d\)/, 'cited speaker and time');
      assert.match(inbox.at(-1)!.body, new RegExp(`https://confer.acme.test/meetings/${meetingId}`));

      const artifact = (await ctx.store.artifacts.get(ctx.account.id, meetingId))!;
      await ctx.store.artifacts.update(ctx.account.id, meetingId, {
        participants: artifact.participants.map((p, i) => ({ ...p, email: i === 0 ? 'priya@partner.test' : undefined })),
      });
      await setAccount('summary.email_recipients', 'all_invitees');
      const all = await emailSummary(ctx, summaryId, { mailer, from: 'confer@acme.test' });
      assert.equal(all.recipients, 2);
      assert.equal(all.scope, 'all_invitees');
      assert.deepEqual(inbox.at(-1)!.to.sort(), ['owner@acme.test', 'priya@partner.test']);

      const count = inbox.length;
      await setAccount('summary.email_delivery', false);
      await assert.rejects(emailSummary(ctx, summaryId, { mailer, from: 'confer@acme.test' }), (e) => {
        assert.equal(codeOf(e), 'feature_disabled');
        assert.deepEqual((e as AppError).details, { feature: 'summary.email_delivery', decidedBy: { level: 'account', id: ctx.account.id, name: ctx.account.name, locked: false } });
        return true;
      });
      assert.equal(inbox.length, count, 'nothing sent when email delivery is disabled');
      await setAccount('summary.email_delivery', true);
      const events = await ctx.store.audit.list(ctx.account.id, { action: 'summary.email' });
      assert.deepEqual(events.map((e) => e.outcome), ['ok', 'ok', 'denied']);
      assert.doesNotMatch(JSON.stringify(events.map((e) => e.details)), /owner@acme\.test|priya@partner/, 'no addresses in the audit log');
    } finally {
      mailer.close();
    }
  });

  it('share links open until revoked or expired, require sign-in when the account says so, and every open is audited', async () => {
    const ctx = await world.ctx(world.owner);
    const stranger = (await world.addAccount('Share Other')).owner;
    const link = await createShareLink(ctx, summaryId, { expiresAt: new Date(clock.now().getTime() + 7 * DAY).toISOString() });
    assert.ok(link.token?.startsWith('shr_'));
    const opened = await openShareLink(world.services, link.token!, null);
    assert.equal(opened.output.id, summaryId);
    assert.equal(opened.title, 'Shared launch sync');

    await setAccount('sharing.require_sign_in', true);
    await assert.rejects(openShareLink(world.services, link.token!, null), (e) => codeOf(e) === 'unauthenticated');
    const member = await world.addUser();
    assert.equal((await openShareLink(world.services, link.token!, member)).output.id, summaryId);
    await assert.rejects(openShareLink(world.services, link.token!, stranger), (e) => codeOf(e) === 'forbidden');
    await setAccount('sharing.require_sign_in', false);

    clock.advance(8 * DAY);
    await assert.rejects(openShareLink(world.services, link.token!, null), (e) => codeOf(e) === 'not_found' && /expired/.test((e as Error).message));

    const second = await createShareLink(ctx, summaryId);
    await revokeShareLink(ctx, second.id);
    await assert.rejects(openShareLink(world.services, second.token!, null), (e) => codeOf(e) === 'not_found');
    await assert.rejects(openShareLink(world.services, 'shr_guess', null), (e) => codeOf(e) === 'not_found');

    const third = await createShareLink(ctx, summaryId);
    await deleteArtifact(ctx, meetingId);
    await assert.rejects(openShareLink(world.services, third.token!, null), (e) => /deleted/.test((e as Error).message), 'a deleted meeting is not shared');

    const opens = await ctx.store.audit.list(ctx.account.id, { action: 'share.open' });
    assert.deepEqual(
      opens.map((e) => [e.outcome, e.details.reason ?? 'ok']),
      [['ok', 'ok'], ['denied', 'sign_in_required'], ['ok', 'ok'], ['denied', 'other_account'], ['denied', 'expired'], ['denied', 'revoked'], ['denied', 'deleted']],
    );
    assert.equal((await ctx.store.audit.list(ctx.account.id, { action: 'share.create' })).length, 3);
    assert.equal((await ctx.store.audit.list(ctx.account.id, { action: 'share.revoke' })).length, 1);
  });

  it('with sharing by link turned off, no link can be made and the links already made stop opening', async () => {
    const ctx = await world.ctx(world.owner);
    const meeting = await storeMeeting(ctx, 'Board prep');
    const summary = (await runFeature<MeetingSummary>(ctx, 'meeting.summary', { artifactId: meeting })).id;
    const link = await createShareLink(ctx, summary);
    await setAccount('sharing.links_enabled', false);
    await assert.rejects(createShareLink(ctx, summary), (e) =>
      codeOf(e) === 'feature_disabled' && /sharing summaries by link is turned off/.test((e as Error).message) &&
      (e as AppError).details?.decidedBy !== undefined);
    await assert.rejects(openShareLink(world.services, link.token!, null), (e) => codeOf(e) === 'not_found' && /turned sharing by link off/.test((e as Error).message));
    await setAccount('sharing.links_enabled', true);
    assert.equal((await openShareLink(world.services, link.token!, null)).output.id, summary);
    const opens = await ctx.store.audit.list(ctx.account.id, { action: 'share.open' });
    assert.equal(opens.filter((e) => e.outcome === 'denied' && e.details.reason === 'links_disabled').length, 1);
    const creates = await ctx.store.audit.list(ctx.account.id, { action: 'share.create' });
    assert.deepEqual(creates.filter((e) => e.outcome === 'denied').map((e) => e.details.reason), ['links_disabled']);
  });
});
