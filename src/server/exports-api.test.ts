import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { ManualClock } from '../core/clock.ts';
import { storeMeeting } from '../governance/lifecycle/testing.ts';
import { issueToken } from '../governance/tokens.ts';
import { createApp } from './app.ts';
import { apiCaller } from './__fixtures__/api-caller.ts';

describe('eDiscovery exports API', () => {
  let world: TestWorld;
  let clock: ManualClock;
  let app: ReturnType<typeof createApp>;
  let memberToken: string;
  let foreignToken: string;
  let exportDir: string;

  const call = apiCaller((path, init) => app.request(path, init), () => world.ownerToken);
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

  before(async () => {
    clock = new ManualClock('2026-03-04T15:00:00.000Z');
    world = await createTestWorld({ clock });
    app = createApp(world.services);
    exportDir = world.services.config.exportDir;
    const member = await world.addUser();
    memberToken = (await issueToken(world.services.store, clock, { accountId: world.account.id, userId: member.id, name: 't' })).token;
    foreignToken = (await world.addAccount('Other')).token;
  });
  after(() => world.close());

  it('exports what a hold covers, lists it newest first, serves its manifest and files, and verifies it', async () => {
    const ctx = await world.ctx(world.owner);
    const meetingId = await storeMeeting(ctx, 'Exported meeting');
    assert.equal((await call('/v1/holds', { method: 'POST', body: { name: 'case-1', reason: 'subpoena', artifactId: meetingId } })).status, 201);

    const first = await call('/v1/exports', { method: 'POST', body: { from: '2000-01-01' } });
    assert.equal(first.status, 201);
    clock.advance(60_000);
    const created = await call('/v1/exports', { method: 'POST', body: { hold: 'case-1' } });
    assert.equal(created.status, 201);
    const summary = await created.json();
    assert.match(summary.id, /^exp_/);
    assert.equal(summary.createdAt, '2026-03-04T15:01:00.000Z');
    assert.equal(summary.scope.hold, 'case-1');
    assert.equal(summary.counts.artifacts, 1);
    assert.ok(existsSync(join(exportDir, summary.id, 'manifest.json')), 'one sub-directory per export id');

    const list = await (await call('/v1/exports')).json();
    assert.deepEqual(list.items.map((e: { id: string }) => e.id), [summary.id, (await first.json()).id]);
    assert.equal(list.items[0].files, summary.files);

    const manifest = await (await call(`/v1/exports/${summary.id}/manifest`)).json();
    assert.equal(manifest.format, 'confer-ediscovery/1');
    assert.equal(manifest.files.length, summary.files);
    assert.equal(summary.bytes, manifest.files.reduce((s: number, f: { bytes: number }) => s + f.bytes, 0));
    for (const entry of manifest.files) {
      const res = await call(`/v1/exports/${summary.id}/files/${encodeURIComponent(entry.path)}`);
      assert.equal(res.status, 200, entry.path);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="/);
      assert.equal(sha256(await res.bytes()), entry.sha256, entry.path);
    }
    assert.ok(manifest.files.some((f: { path: string }) => f.path.startsWith('files/')), 'the original file is in the bundle');
    assert.equal((await call(`/v1/exports/${summary.id}/files/manifest.json`)).status, 200);

    const verified = await (await call(`/v1/exports/${summary.id}/verify`)).json();
    assert.deepEqual([verified.ok, verified.checked, verified.problems], [true, manifest.files.length, []]);
    appendFileSync(join(exportDir, summary.id, 'outputs.jsonl'), '{"tampered":true}\n');
    const tampered = await (await call(`/v1/exports/${summary.id}/verify`)).json();
    assert.equal(tampered.ok, false);
    assert.match(tampered.problems[0], /^outputs\.jsonl: /);

    const events = await world.services.store.audit.list(world.account.id, { limit: 500 });
    const exported = events.find((e) => e.action === 'ediscovery.export' && e.details.exportId === summary.id);
    assert.ok(exported, 'the export is audited with its id');
    assert.equal(exported.details.via, 'api');
    assert.ok(events.some((e) => e.action === 'ediscovery.download' && e.targetId === summary.id && e.details.path === 'manifest.json'));
  });

  it('refuses a bad scope with field errors and leaves no directory behind', async () => {
    const before = readdirSync(exportDir).length;
    const both = await call('/v1/exports', { method: 'POST', body: { hold: 'case-1', from: '2026-01-01' } });
    assert.equal(both.status, 400);
    const bothError = (await both.json()).error;
    assert.match(bothError.message, /give either hold or userId\/from\/to, not both/);
    assert.equal(bothError.fields[0].path, 'hold');
    const none = await call('/v1/exports', { method: 'POST', body: {} });
    assert.equal(none.status, 400);
    assert.match((await none.json()).error.message, /say what to export: hold, or userId, from and\/or to/);
    const date = await call('/v1/exports', { method: 'POST', body: { from: 'last week' } });
    assert.equal(date.status, 400);
    const dateError = (await date.json()).error;
    assert.match(dateError.message, /from "last week" is not an ISO-8601 date/);
    assert.equal(dateError.fields[0].path, 'from');
    const unknownField = await call('/v1/exports', { method: 'POST', body: { out: '/tmp/x' } });
    assert.equal(unknownField.status, 400);
    assert.equal((await call('/v1/exports', { method: 'POST', body: { hold: 'no-such-hold' } })).status, 404);
    assert.equal((await call('/v1/exports', { method: 'POST', body: { userId: 'usr_missing' } })).status, 404);
    assert.equal(readdirSync(exportDir).length, before);
  });

  it('serves only files the manifest lists, never outside the bundle or through a symbolic link', async () => {
    const { id } = await (await call('/v1/exports', { method: 'POST', body: { from: '2000-01-01' } })).json();
    const bundle = join(exportDir, id);
    writeFileSync(join(exportDir, 'secret.txt'), 'outside');
    writeFileSync(join(bundle, 'unlisted.txt'), 'not in the manifest');
    const attempts = [
      '..%2Fsecret.txt',
      '..%2F..%2Fetc%2Fpasswd',
      'files%2F..%2F..%2Fsecret.txt',
      '%2Fetc%2Fpasswd',
      '.%2Fartifacts.jsonl',
      'files%2F%2Fx',
      'artifacts.jsonl%00',
      '..%5Csecret.txt',
    ];
    for (const path of attempts) {
      const res = await call(`/v1/exports/${id}/files/${path}`);
      assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
    }
    assert.equal((await call(`/v1/exports/${id}/files/..`)).status, 404, 'a dot segment never reaches the bundle');
    assert.equal((await call(`/v1/exports/${id}/files/unlisted.txt`)).status, 404);
    assert.equal((await call(`/v1/exports/${encodeURIComponent('../' + id)}/manifest`)).status, 404);
    assert.equal((await call(`/v1/exports/${encodeURIComponent('..')}/files/secret.txt`)).status, 404);

    // A listed file swapped for a link to somewhere else is refused, as is a linked bundle directory.
    const manifest = await (await call(`/v1/exports/${id}/manifest`)).json();
    assert.ok(manifest.files.some((f: { path: string }) => f.path === 'segments.jsonl'));
    rmSync(join(bundle, 'segments.jsonl'));
    symlinkSync(join(exportDir, 'secret.txt'), join(bundle, 'segments.jsonl'));
    assert.equal((await call(`/v1/exports/${id}/files/segments.jsonl`)).status, 404);
    const linked = 'exp_' + '0'.repeat(26);
    symlinkSync(bundle, join(exportDir, linked));
    assert.equal((await call(`/v1/exports/${linked}/manifest`)).status, 404);
  });

  it("keeps each account's exports to itself; members may not export", async () => {
    const { id } = await (await call('/v1/exports', { method: 'POST', body: { from: '2000-01-01' } })).json();
    for (const path of [`/v1/exports/${id}/manifest`, `/v1/exports/${id}/verify`, `/v1/exports/${id}/files/audit.jsonl`, `/v1/exports/${id}/files/manifest.json`]) {
      const res = await call(path, { token: foreignToken });
      assert.equal(res.status, 404, path);
      assert.match((await res.json()).error.message, new RegExp(`export ${id}`));
      assert.equal((await call(path, { token: memberToken })).status, 403, path);
    }
    const foreignExport = await call('/v1/exports', { method: 'POST', body: { from: '2000-01-01' }, token: foreignToken });
    assert.equal(foreignExport.status, 201);
    const foreignId = (await foreignExport.json()).id;
    const foreignList = await (await call('/v1/exports', { token: foreignToken })).json();
    assert.deepEqual(foreignList.items.map((e: { id: string }) => e.id), [foreignId]);
    const ownList = await (await call('/v1/exports')).json();
    assert.ok(ownList.items.length > 1);
    assert.ok(!ownList.items.some((e: { id: string }) => e.id === foreignId));
    assert.equal((await call(`/v1/exports/${foreignId}/manifest`)).status, 404);
    assert.equal((await call('/v1/exports', { token: memberToken })).status, 403);
    assert.equal((await call('/v1/exports', { method: 'POST', body: { from: '2000-01-01' }, token: memberToken })).status, 403);
    assert.equal((await call('/v1/exports/exp_unknown/manifest')).status, 404);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = await (await call('/v1/openapi.json')).json();
    for (const path of ['/v1/exports', '/v1/exports/{id}/manifest', '/v1/exports/{id}/verify', '/v1/exports/{id}/files/{path}']) assert.ok(doc.paths[path], path);
    assert.ok(doc.components.schemas.ExportInput);
    assert.ok(doc.components.schemas.ExportManifest);
  });
});
