import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { rowsAbout } from '../governance/lifecycle/testing.ts';
import { runCaptured } from './testing.ts';

const STANDUP = `[00:00:05] Ann Lee: Yesterday I finished the billing export.
[00:00:12] Bo Chen: I'll review the billing export by Friday, call me on 415-555-0134.
`;

describe('confer holds, retention and delete', () => {
  let dir: string;
  let env: Record<string, string>;
  const cli = (...argv: string[]) => runCaptured(argv, env);

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'confer-lifecycle-cli-'));
    env = { CONFER_DATABASE_URL: join(dir, 'confer.db') };
    writeFileSync(join(dir, 'standup.txt'), STANDUP);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('holds an artifact through deletion and lets the deletion go ahead on release', async () => {
    const { stdout } = await cli('summarize', join(dir, 'standup.txt'), '--json');
    const meetingId = JSON.parse(stdout).meetingId as string;

    const missing = await cli('holds', 'create', '--name', 'h', '--reason', 'r');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /exactly one of: userId, artifactId, or a date range/);

    const created = await cli('holds', 'create', '--name', 'case-7', '--reason', 'subpoena', '--artifact', meetingId, '--json');
    assert.equal(created.code, 0, created.stderr);
    assert.equal(JSON.parse(created.stdout).artifactId, meetingId);
    const listed = await cli('holds', 'list', '--active');
    assert.match(listed.stdout, /^case-7\tactive\tartifact /m);

    assert.equal((await cli('retention', 'set', '--artifact', 'meeting', '--days', 'forever', '--mode', 'permanent')).code, 0);
    const deleted = await cli('delete', meetingId);
    assert.match(deleted.stdout, /kept until .* or while held/);
    assert.equal(rowsAbout(env.CONFER_DATABASE_URL, meetingId).artifacts, 1);

    const released = await cli('holds', 'release', 'case-7');
    assert.equal(released.code, 0, released.stderr);
    assert.match(released.stdout, /1 pending deletion\(s\) carried out/);
    assert.equal(rowsAbout(env.CONFER_DATABASE_URL, meetingId).artifacts, 0);

    const again = await cli('holds', 'release', 'nope');
    assert.equal(again.code, 4);
    assert.match(again.stderr, /legal hold nope/);
  });

  it('redacts a file as JSON with spans, and refuses unknown types', async () => {
    const r = await cli('redact', join(dir, 'standup.txt'), '--entities', 'PHONE,NAME', '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.text, STANDUP);
    assert.match(out.redacted, /call me on \[PHONE\]/);
    assert.match(out.redacted, /\[NAME\]: Yesterday/);
    const phone = out.spans.find((s: { type: string }) => s.type === 'PHONE');
    assert.equal(STANDUP.slice(phone.start, phone.end), '415-555-0134');
    assert.equal(phone.value, '415-555-0134');
    const bad = await cli('redact', join(dir, 'standup.txt'), '--entities', 'PHONE,SHOE');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /unknown entity type\(s\) SHOE/);
  });

  it('exports a search as a bundle and verifies it', async () => {
    const { stdout } = await cli('summarize', join(dir, 'standup.txt'), '--json');
    const meetingId = JSON.parse(stdout).meetingId as string;
    const bundle = join(dir, 'bundle');
    const exported = await cli('export', '--from', '2000-01-01', '--out', bundle, '--json');
    assert.equal(exported.code, 0, exported.stderr);
    const manifest = JSON.parse(exported.stdout);
    assert.equal(manifest.counts.artifacts, 1);
    assert.ok(manifest.files.some((f: { path: string }) => f.path.startsWith(`files/${meetingId}/`)));
    const verified = await cli('export', 'verify', bundle);
    assert.equal(verified.code, 0, verified.stderr);
    assert.match(verified.stdout, /5 file\(s\) match the manifest/);
    writeFileSync(join(bundle, 'outputs.jsonl'), 'tampered\n');
    const broken = await cli('export', 'verify', bundle);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /outputs.jsonl: .*manifest/);
    const missing = await cli('export');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /say what to export/);
  });

  it('rejects bad retention values with a clear message', async () => {
    const r = await cli('retention', 'set', '--artifact', 'meeting', '--days', '0');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /days: expected a whole number of days from 1 to 4000/);
    const unknown = await cli('retention', 'delete-user-content', 'nobody@example.com');
    assert.equal(unknown.code, 4);
    assert.match(unknown.stderr, /user nobody@example.com was not found/);
    const sweep = await cli('retention', 'sweep', '--json');
    assert.equal(sweep.code, 0, sweep.stderr);
    assert.equal(JSON.parse(sweep.stdout).held, 0);
  });
});
