import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCaptured } from './testing.ts';

describe('confer administration commands', () => {
  let dir: string;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'confer-admin-'));
    env = { CONFER_DATABASE_URL: join(dir, 'confer.db') };
    writeFileSync(
      join(dir, 'users.csv'),
      'email,name,groups,role,aiAccess,customAddOn\nann@acme.test,Ann Lee,Legal,member,true,false\nbo@acme.test,Bo,Legal;Sales,admin,yes,no\nbroken,X,,,,\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('imports users from CSV, with a dry run first and line-numbered errors', async () => {
    const dry = await cli('users', 'import', join(dir, 'users.csv'), '--dry-run');
    assert.equal(dry.code, 2);
    assert.match(dry.stdout, /2 would be created, 0 would be updated, 0 unchanged, 1 failed \(dry run/);
    assert.match(dry.stderr, /users\.csv:4: "broken" is not an email address/);
    assert.equal((await cli('users', 'list')).stdout.includes('ann@acme.test'), false);
    const real = await cli('users', 'import', join(dir, 'users.csv'));
    assert.match(real.stdout, /2 created/);
    const again = await cli('users', 'import', join(dir, 'users.csv'), '--json');
    assert.equal(JSON.parse(again.stdout).unchanged, 2);
    const groups = await cli('groups', 'list');
    assert.match(groups.stdout, /Legal\t2 members/);
  });

  it('sets a locked group value and explains it for a user', async () => {
    assert.equal((await cli('settings', 'set', 'group:Legal', 'feature.meeting.summary', 'off', '--lock')).code, 0);
    const refused = await cli('settings', 'set', 'user:ann@acme.test', 'feature.meeting.summary', 'on');
    assert.equal(refused.code, 5);
    assert.match(refused.stderr, /locked by group Legal/);
    const explained = await cli('settings', 'explain', 'ann@acme.test', 'meeting.summary');
    assert.equal(explained.code, 0);
    assert.match(explained.stdout, /feature\.meeting\.summary for ann@acme\.test: off: locked by group Legal/);
    const json = JSON.parse((await cli('settings', 'explain', 'ann@acme.test', 'feature.meeting.summary', '--json')).stdout);
    assert.deepEqual([json.value, json.decidedBy.level, json.decidedBy.name], [false, 'group', 'Legal']);
    assert.equal((await cli('settings', 'unset', 'group:Legal', 'feature.meeting.summary')).code, 0);
    assert.match((await cli('settings', 'explain', 'ann@acme.test', 'meeting.summary')).stdout, /on: default/);
  });

  it('shows the licences that apply to a user, including group restrictions and the account licence', async () => {
    assert.equal((await cli('groups', 'set', 'Sales', '--ai-access', 'false')).code, 0);
    const bo = JSON.parse((await cli('licences', 'show', 'bo@acme.test', '--json')).stdout);
    assert.deepEqual([bo.baseAiEffective, bo.restrictingGroups.map((g: { name: string }) => g.name)], [false, ['Sales']]);
    assert.match((await cli('licences', 'show', 'ann@acme.test')).stdout, /ann@acme\.test: base AI allowed, custom add-on no/);
    assert.equal((await cli('licences', 'account', 'off')).code, 0);
    assert.match((await cli('licences', 'show', 'ann@acme.test')).stdout, /base AI not allowed.*\n  account licence: no/);
    assert.equal((await cli('licences', 'account', 'on')).code, 0);
    assert.equal((await cli('groups', 'set', 'Sales', '--ai-access', 'true')).code, 0);
  });

  it('creates, lists and revokes API and SCIM tokens, showing the secret once', async () => {
    const created = JSON.parse((await cli('tokens', 'create', 'okta', '--scim', '--json')).stdout);
    assert.match(created.token, /^cfr_/);
    assert.equal(created.kind, 'scim');
    assert.equal(created.hash, undefined);
    const listed = await cli('tokens', 'list');
    assert.match(listed.stdout, new RegExp(`${created.id}\t${created.prefix}…\tscim\tokta\tactive`));
    assert.ok(!listed.stdout.includes(created.token));
    assert.equal((await cli('tokens', 'revoke', created.id)).code, 0);
    assert.match((await cli('tokens', 'list')).stdout, new RegExp(`${created.id}.*revoked`));
    const unknown = await cli('tokens', 'revoke', 'tok_nope');
    assert.equal(unknown.code, 4);
    const control = await cli('tokens', 'create', 'ok\u0007ta');
    assert.equal(control.code, 2);
    assert.match(control.stderr, /a token name must not contain control characters/);
  });

  it('verifies the audit chain and names the first tampered row', async () => {
    const ok = await cli('audit', 'verify');
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /audit log intact: \d+ records/);
    const db = new Database(env.CONFER_DATABASE_URL);
    const row = db.prepare("select id, seq from audit_events where action = 'settings.set' order by seq limit 1").get() as { id: string; seq: number };
    db.prepare('update audit_events set details = ? where id = ?').run('{"key":"feature.meeting.summary","value":true}', row.id);
    db.close();
    const bad = await cli('audit', 'verify');
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, new RegExp(`record ${row.seq} \\(${row.id}, settings\\.set at [^)]+\\) was changed`));
  });

  it('names a deleted row as missing and exports JSONL', async () => {
    const fresh = join(dir, 'fresh.db');
    env = { CONFER_DATABASE_URL: fresh };
    await cli('users', 'add', 'cy@acme.test');
    await cli('groups', 'create', 'Ops');
    await cli('users', 'deactivate', 'cy@acme.test');
    const out = join(dir, 'audit.jsonl');
    assert.equal((await cli('audit', 'export', '--since', '2000-01-01', '--out', out)).code, 0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(lines.some((e) => e.action === 'user.deactivate'));
    assert.deepEqual(lines.map((e) => e.seq), lines.map((_, i) => i + 1));
    const garbled = await cli('audit', 'export', '--since', 'yesterday-ish');
    assert.equal(garbled.code, 2);
    assert.match(garbled.stderr, /--since: expected an ISO-8601 date or time, got "yesterday-ish"/);
    const db = new Database(fresh);
    db.prepare("delete from audit_events where action = 'group.create'").run();
    const seq = lines.find((e) => e.action === 'group.create').seq;
    db.close();
    const bad = await cli('audit', 'verify', '--json');
    assert.notEqual(bad.code, 0);
    const result = JSON.parse(bad.stdout);
    assert.deepEqual([result.problem.kind, result.problem.seq], ['missing', seq]);
  });
});
