/**
 * The data-lifecycle repositories on every dialect: hidden rows, the deletion
 * ledger and its cursor, purges, holds, blocked patterns, share links,
 * disclaimers and consents.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DeletionRequest } from '../core/lifecycle.ts';
import type { Store } from '../core/store.ts';
import type { Artifact, Output, User } from '../core/types.ts';
import { isUniqueViolation } from './db-util.ts';
import { DIALECTS, type TestStore } from './testing.ts';

const T0 = '2026-03-04T10:00:00.000Z';
const ACC = 'acc_l';

const user = (id: string): User => ({
  id, accountId: ACC, email: `${id}@example.com`, name: id, role: 'member', studio: false, status: 'active',
  aiAccess: true, customAddOn: false, locale: 'en', externalId: null, createdAt: T0, updatedAt: T0,
});
const meeting = (id: string, extra: Partial<Artifact> = {}): Artifact => ({
  id, accountId: ACC, type: 'meeting', title: `Meeting ${id}`, ownerId: 'usr_a', participants: [], access: [],
  startedAt: T0, endedAt: null, source: { filename: `${id}.vtt`, format: 'webvtt', sha256: `sha-${id}`, bytes: 3 }, metadata: {}, createdAt: T0, updatedAt: T0, ...extra,
});
const output = (id: string, artifactId: string, featureId = 'meeting.summary'): Output => ({
  id, accountId: ACC, featureId, artifactId, links: [{ artifactId, segment: null }, { artifactId, segment: 0 }], provider: 'builtin', model: null,
  createdBy: 'usr_a', idempotencyKey: null, createdAt: T0, payload: { overview: { text: 'x', citations: [] } },
});
const request = (kind: DeletionRequest['targetKind'], id: string, purgeAfter = T0): DeletionRequest => ({
  accountId: ACC, targetKind: kind, targetId: id, reason: 'retention', requestedAt: T0, requestedBy: null, purgeAfter, status: 'pending', doneAt: null, batchId: null,
});

async function seedMeeting(store: Store, id: string, extra: Partial<Artifact> = {}) {
  const a = meeting(id, extra);
  await store.artifacts.create(a);
  const segments = [{ index: 0, speaker: 'Ann', start: 0, end: 2, text: `budget talk ${id}` }, { index: 1, speaker: 'Bo', start: 2, end: 4, text: 'chat line', kind: 'chat' as const }];
  await store.segments.insertMany(id, segments);
  await store.files.put({ artifactId: id, filename: `${id}.vtt`, contentType: 'text/vtt', sha256: 'x', bytes: Buffer.from('abc') });
  await store.search.index(ACC, id, a.title, segments);
}

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`lifecycle store contract: ${dialect.name}`, { skip: skip ?? false }, () => {
    let ts: TestStore;
    let store: Store;

    before(async () => {
      ts = await dialect.create();
      store = ts.store;
      await store.accounts.create({ id: ACC, name: 'L', homeRegion: 'EU', deploymentMode: 'self-hosted-only', baseAiLicence: true, createdAt: T0, updatedAt: T0 });
      await store.users.create(user('usr_a'));
      await store.users.create(user('usr_b'));
    });
    after(() => ts.cleanup());

    it('hides deleted artifacts and outputs from every read but the lifecycle ones', async () => {
      await seedMeeting(store, 'mtg_h');
      await store.outputs.create(output('out_h', 'mtg_h'));
      await store.retention.setHidden(ACC, 'artifact', 'mtg_h', T0);
      await store.retention.setHidden(ACC, 'output', 'out_h', T0);
      assert.equal(await store.artifacts.get(ACC, 'mtg_h'), null);
      assert.equal(await store.artifacts.findBySha(ACC, 'usr_a', 'sha-mtg_h'), null);
      assert.ok(!(await store.artifacts.list(ACC)).items.some((a) => a.id === 'mtg_h'));
      assert.equal(await store.outputs.get(ACC, 'out_h'), null);
      assert.equal((await store.retention.artifactAnyState(ACC, 'mtg_h'))?.deletedAt, T0);
      assert.equal((await store.retention.outputAnyState(ACC, 'out_h'))?.links.length, 2);
      await store.retention.setHidden(ACC, 'artifact', 'mtg_h', null);
      assert.ok(await store.artifacts.get(ACC, 'mtg_h'));
    });

    it('walks due requests in a stable order with a cursor and marks each done once', async () => {
      for (const id of ['a3', 'a1', 'a2']) await store.retention.putRequest(request('artifact', id));
      await store.retention.putRequest(request('output', 'o9', '2027-01-01T00:00:00.000Z'));
      const first = await store.retention.dueRequests(T0, { accountId: ACC, limit: 2 });
      assert.deepEqual(first.map((r) => r.request.targetId), ['a1', 'a2']);
      const rest = await store.retention.dueRequests(T0, { accountId: ACC, limit: 2, after: first[1].cursor });
      assert.deepEqual(rest.map((r) => r.request.targetId), ['a3'], 'not yet due: o9');
      assert.equal(await store.retention.markDone(ACC, 'artifact', 'a1', 'del_1', T0), true);
      assert.equal(await store.retention.markDone(ACC, 'artifact', 'a1', 'del_2', T0), false, 'never twice');
      assert.equal((await store.retention.getRequest(ACC, 'artifact', 'a1'))?.batchId, 'del_1');
      await store.retention.putRequest({ ...request('artifact', 'a1'), purgeAfter: '2030-01-01T00:00:00.000Z' });
      assert.equal((await store.retention.getRequest(ACC, 'artifact', 'a1'))?.status, 'pending', 'a new request replaces the old one');
    });

    it('purges an artifact with everything hanging off it, detaching kept outputs', async () => {
      await seedMeeting(store, 'mtg_p');
      await store.outputs.create(output('out_keep', 'mtg_p'));
      await store.outputs.create(output('out_go', 'mtg_p', 'meeting.query'));
      await store.shareLinks.create({ id: 'shr_1', accountId: ACC, outputId: 'out_go', tokenHash: 'h1', createdBy: null, createdAt: T0, expiresAt: null, revokedAt: null });
      assert.deepEqual((await store.retention.expiredArtifacts(ACC, 'meeting', '2026-03-05T00:00:00.000Z', 10)).sort(), ['mtg_h', 'mtg_p']);
      await store.retention.purgeArtifact(ACC, 'mtg_p', ['out_keep']);
      assert.equal(await store.retention.artifactAnyState(ACC, 'mtg_p'), null);
      assert.equal(await store.segments.count('mtg_p'), 0);
      assert.equal(await store.files.get('mtg_p'), null);
      assert.deepEqual(await store.search.search(ACC, 'budget', { artifactIds: ['mtg_p'] }), []);
      const kept = await store.outputs.get(ACC, 'out_keep');
      assert.deepEqual([kept?.artifactId, kept?.links], [null, []]);
      assert.equal(await store.outputs.get(ACC, 'out_go'), null);
      assert.equal(await store.shareLinks.get(ACC, 'shr_1'), null);
    });

    it('purges only the transcript for zero data retention, keeping the title searchable', async () => {
      await seedMeeting(store, 'mtg_z');
      assert.deepEqual(await store.retention.purgeTranscript(ACC, 'mtg_z'), { segments: 2 });
      assert.ok(await store.artifacts.get(ACC, 'mtg_z'));
      assert.equal(await store.files.get('mtg_z'), null);
      assert.deepEqual(await store.search.search(ACC, 'budget', { artifactIds: ['mtg_z'] }), []);
      assert.equal((await store.search.search(ACC, 'Meeting', { artifactIds: ['mtg_z'] })).length, 1);
    });

    it('finds artifacts in any state by participant and date for exports', async () => {
      await seedMeeting(store, 'mtg_e', { ownerId: 'usr_a', participants: [{ name: 'Bo', userId: 'usr_b' }], startedAt: '2026-02-10T00:00:00.000Z' });
      await store.retention.setHidden(ACC, 'artifact', 'mtg_e', T0);
      assert.deepEqual((await store.retention.findAnyState(ACC, { userId: 'usr_b' })).map((a) => a.id), ['mtg_e']);
      assert.deepEqual((await store.retention.findAnyState(ACC, { from: '2026-02-01T00:00:00.000Z', to: '2026-02-28T00:00:00.000Z' })).map((a) => a.id), ['mtg_e']);
      assert.deepEqual(await store.retention.findAnyState('acc_other', { userId: 'usr_b' }), []);
    });

    it('lists hidden artifacts still inside their restore window, soonest purge first', async () => {
      const later = '2026-04-03T10:00:00.000Z';
      const sooner = '2026-04-01T10:00:00.000Z';
      for (const id of ['mtg_r1', 'mtg_r2', 'mtg_r3', 'mtg_r4']) await store.artifacts.create(meeting(id));
      await store.retention.putRequest({ ...request('artifact', 'mtg_r1', later), reason: 'owner' });
      await store.retention.putRequest(request('artifact', 'mtg_r2', sooner));
      await store.retention.putRequest(request('artifact', 'mtg_r3', T0)); // due: no longer restorable
      await store.retention.putRequest({ ...request('artifact', 'mtg_r4', later), status: 'restored' });
      for (const id of ['mtg_r1', 'mtg_r2', 'mtg_r3']) await store.retention.setHidden(ACC, 'artifact', id, T0);
      const listed = await store.retention.restorableArtifacts(ACC, T0, 10);
      assert.deepEqual(listed.filter((a) => a.id.startsWith('mtg_r')), [
        { id: 'mtg_r2', type: 'meeting', ownerId: 'usr_a', reason: 'retention', deletedAt: T0, purgeAfter: sooner },
        { id: 'mtg_r1', type: 'meeting', ownerId: 'usr_a', reason: 'owner', deletedAt: T0, purgeAfter: later },
      ]);
      assert.deepEqual(await store.retention.restorableArtifacts('acc_other', T0, 10), []);
    });

    it('lists the share links that still open, newest first', async () => {
      const link = (id: string, createdAt: string, extra: { expiresAt?: string; revokedAt?: string } = {}) =>
        store.shareLinks.create({ id, accountId: ACC, outputId: 'out_x', tokenHash: `hash-${id}`, createdBy: 'usr_a', createdAt, expiresAt: extra.expiresAt ?? null, revokedAt: extra.revokedAt ?? null });
      await store.outputs.create(output('out_x', 'mtg_r4'));
      await link('shr_old', '2026-03-01T00:00:00.000Z');
      await link('shr_new', '2026-03-03T00:00:00.000Z', { expiresAt: '2026-05-01T00:00:00.000Z' });
      await link('shr_expired', '2026-03-02T00:00:00.000Z', { expiresAt: '2026-03-04T09:00:00.000Z' });
      await link('shr_revoked', '2026-03-02T00:00:00.000Z', { revokedAt: '2026-03-02T01:00:00.000Z' });
      assert.deepEqual((await store.shareLinks.listActive(ACC, T0, 10)).map((l) => l.id), ['shr_new', 'shr_old']);
      assert.deepEqual((await store.shareLinks.listActive(ACC, T0, 1)).map((l) => l.id), ['shr_new']);
    });

    it('stores holds, blocked patterns, share links, disclaimers and consents', async () => {
      const hold = { id: 'hold_1', accountId: ACC, name: 'h', reason: 'r', userId: 'usr_b', artifactId: null, from: null, to: null, createdAt: T0, createdBy: null, releasedAt: null, releasedBy: null };
      await store.holds.create(hold);
      await assert.rejects(store.holds.create({ ...hold, id: 'hold_2' }), (e) => isUniqueViolation(e));
      assert.equal((await store.holds.getByName(ACC, 'h'))?.id, 'hold_1');
      await store.holds.release(ACC, 'hold_1', T0, 'usr_a');
      assert.deepEqual(await store.holds.list(ACC, { active: true }), []);
      assert.equal((await store.holds.list(ACC, { active: false }))[0].releasedBy, 'usr_a');

      await store.blockedPatterns.create({ id: 'pat_1', accountId: ACC, name: 'p', pattern: '(?i)secret', createdAt: T0, createdBy: null });
      assert.equal((await store.blockedPatterns.list(ACC))[0].pattern, '(?i)secret');
      assert.equal(await store.blockedPatterns.remove(ACC, 'pat_1'), true);
      assert.equal(await store.blockedPatterns.remove(ACC, 'pat_1'), false);

      await store.outputs.create(output('out_s', 'mtg_z'));
      await store.shareLinks.create({ id: 'shr_2', accountId: ACC, outputId: 'out_s', tokenHash: 'h2', createdBy: 'usr_a', createdAt: T0, expiresAt: null, revokedAt: null });
      assert.equal((await store.shareLinks.findByTokenHash('h2'))?.id, 'shr_2');
      await store.shareLinks.revoke(ACC, 'shr_2', T0);
      assert.equal((await store.shareLinks.listForOutput(ACC, 'out_s'))[0].revokedAt, T0);

      const disclaimer = { accountId: ACC, featureGroup: 'meetings', audience: 'internal' as const, texts: { en: 'Hi', ja: 'こんにちは' }, requireConsent: true, version: 1, updatedAt: T0, updatedBy: null };
      await store.disclaimers.put(disclaimer);
      await store.disclaimers.put({ ...disclaimer, version: 2 });
      assert.deepEqual([(await store.disclaimers.get(ACC, 'meetings', 'internal'))?.version, (await store.disclaimers.list(ACC)).length], [2, 1]);
      const consent = { accountId: ACC, userId: 'usr_b', featureGroup: 'meetings', audience: 'internal' as const, version: 2, language: 'ja', acceptedAt: T0 };
      await store.disclaimers.accept(consent);
      await store.disclaimers.accept({ ...consent, acceptedAt: '2026-03-05T00:00:00.000Z' });
      assert.deepEqual(await store.disclaimers.acceptance(ACC, 'usr_b', 'meetings', 'internal', 2), consent, 'the first acceptance stands');
      assert.equal(await store.disclaimers.acceptance(ACC, 'usr_b', 'meetings', 'internal', 1), null);
    });
  });
}
