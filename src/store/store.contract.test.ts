/**
 * One contract suite, run against every dialect: the same assertions must
 * hold on SQLite and on PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { auditHash, GENESIS_HASH } from '../core/audit-hash.ts';
import type { Store } from '../core/store.ts';
import type { Account, Artifact, Segment, User } from '../core/types.ts';
import { isUniqueViolation } from './db-util.ts';
import { DIALECTS, type TestStore } from './testing.ts';

const T0 = '2026-03-04T10:00:00.000Z';

const account = (id: string): Account => ({
  id,
  name: `Account ${id}`,
  homeRegion: 'EU',
  deploymentMode: 'self-hosted-plus',
  baseAiLicence: true,
  createdAt: T0,
  updatedAt: T0,
});

const user = (accountId: string, id: string, email: string): User => ({
  id,
  accountId,
  email,
  name: `User ${id}`,
  role: 'member',
  studio: false,
  status: 'active',
  aiAccess: true,
  customAddOn: false,
  locale: 'en',
  externalId: null,
  createdAt: T0,
  updatedAt: T0,
});

const artifact = (accountId: string, id: string, ownerId: string, extra: Partial<Artifact> = {}): Artifact => ({
  id,
  accountId,
  type: 'meeting',
  title: `Meeting ${id}`,
  ownerId,
  participants: [],
  access: [],
  startedAt: T0,
  endedAt: null,
  source: null,
  metadata: {},
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

const segments = (n: number, say = (i: number) => `point number ${i} about the roadmap`): Segment[] =>
  Array.from({ length: n }, (_, i) => ({ index: i, speaker: i % 2 ? 'Ann Lee' : 'Bo Chen', start: i * 2.5, end: i * 2.5 + 2.25, text: say(i), kind: 'speech' }));

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`store contract: ${dialect.name}`, { skip: skip ?? false }, () => {
    let ts: TestStore;
    let store: Store;

    before(async () => {
      ts = await dialect.create();
      store = ts.store;
      await store.accounts.create(account('acc_a'));
      await store.accounts.create(account('acc_b'));
      await store.users.create(user('acc_a', 'usr_owner', 'Owner@Example.com'));
      await store.users.create(user('acc_a', 'usr_member', 'member@example.com'));
      await store.users.create(user('acc_a', 'usr_other', 'other@example.com'));
      await store.users.create(user('acc_b', 'usr_b', 'b@example.com'));
    });

    after(async () => {
      await ts?.cleanup();
    });

    it('stores and updates accounts', async () => {
      const got = await store.accounts.get('acc_a');
      assert.equal(got?.homeRegion, 'EU');
      assert.equal(got?.baseAiLicence, true);
      await store.accounts.update('acc_a', { deploymentMode: 'self-hosted-only', updatedAt: '2026-03-05T00:00:00.000Z' });
      assert.equal((await store.accounts.get('acc_a'))?.deploymentMode, 'self-hosted-only');
      assert.equal(await store.accounts.get('acc_missing'), null);
      assert.deepEqual((await store.accounts.list()).map((a) => a.id), ['acc_a', 'acc_b']);
    });

    it('treats emails case-insensitively and unique per account', async () => {
      assert.equal((await store.users.getByEmail('acc_a', 'owner@EXAMPLE.com'))?.id, 'usr_owner');
      await assert.rejects(store.users.create(user('acc_a', 'usr_dup', 'OWNER@example.com')), (e) => isUniqueViolation(e));
      // The same address may exist in another account.
      await store.users.create(user('acc_b', 'usr_b_owner', 'owner@example.com'));
      const page = await store.users.list('acc_a', { q: 'MEMBER' });
      assert.deepEqual(page.items.map((u) => u.id), ['usr_member']);
      assert.equal(page.total, 1);
      const all = await store.users.list('acc_a', { limit: 2 });
      assert.equal(all.total, 3);
      assert.equal(all.items.length, 2);
    });

    it('matches LIKE wildcards literally in searches', async () => {
      assert.equal((await store.users.list('acc_a', { q: '%' })).total, 0);
      // As a wildcard, `_` would match "User"; literally it matches nothing.
      assert.equal((await store.users.list('acc_a', { q: 'us_r' })).total, 0);
      assert.equal((await store.users.list('acc_a', { q: 'usr_m' })).total, 1);
    });

    it('keeps group memberships', async () => {
      await store.groups.create({ id: 'grp_legal', accountId: 'acc_a', name: 'Legal', externalId: null, aiAccess: false, createdAt: T0, updatedAt: T0 });
      await store.groups.addMember('acc_a', 'grp_legal', 'usr_member');
      await store.groups.addMember('acc_a', 'grp_legal', 'usr_member');
      assert.deepEqual(await store.groups.members('acc_a', 'grp_legal'), ['usr_member']);
      const groups = await store.groups.groupsOf('acc_a', 'usr_member');
      assert.equal(groups[0].name, 'Legal');
      assert.equal(groups[0].aiAccess, false);
      assert.deepEqual(await store.groups.groupsOf('acc_b', 'usr_member'), []);
    });

    it('finds tokens by hash and revokes them', async () => {
      await store.tokens.create({
        id: 'tok_1', accountId: 'acc_a', userId: 'usr_owner', name: 'cli', hash: 'h'.repeat(64), prefix: 'cfr_abc',
        kind: 'api', createdAt: T0, expiresAt: null, lastUsedAt: null, revokedAt: null,
      });
      assert.equal((await store.tokens.findByHash('h'.repeat(64)))?.id, 'tok_1');
      await store.tokens.revoke('acc_b', 'tok_1', T0);
      assert.equal((await store.tokens.findByHash('h'.repeat(64)))?.revokedAt, null, 'another account cannot revoke it');
      await store.tokens.revoke('acc_a', 'tok_1', T0);
      assert.equal((await store.tokens.findByHash('h'.repeat(64)))?.revokedAt, T0);
    });

    it('lists only the artifacts a user may see', async () => {
      await store.artifacts.create(artifact('acc_a', 'mtg_own', 'usr_member', { startedAt: '2026-03-01T09:00:00.000Z' }));
      await store.artifacts.create(artifact('acc_a', 'mtg_group', 'usr_owner', { access: [{ type: 'group', id: 'grp_legal' }], startedAt: '2026-03-02T09:00:00.000Z' }));
      await store.artifacts.create(artifact('acc_a', 'mtg_all', 'usr_owner', { access: [{ type: 'account' }], startedAt: '2026-03-03T09:00:00.000Z' }));
      await store.artifacts.create(artifact('acc_a', 'mtg_part', 'usr_owner', { participants: [{ name: 'Member', userId: 'usr_member' }], startedAt: '2026-03-04T09:00:00.000Z' }));
      await store.artifacts.create(artifact('acc_a', 'mtg_private', 'usr_owner', { startedAt: '2026-03-05T09:00:00.000Z' }));
      await store.artifacts.create(artifact('acc_b', 'mtg_b', 'usr_b', { access: [{ type: 'account' }] }));

      const seen = await store.artifacts.list('acc_a', { visibleTo: { userId: 'usr_member', groupIds: ['grp_legal'] } });
      assert.deepEqual(seen.items.map((a) => a.id), ['mtg_part', 'mtg_all', 'mtg_group', 'mtg_own']);
      assert.equal(seen.total, 4);
      const noGroups = await store.artifacts.list('acc_a', { visibleTo: { userId: 'usr_member', groupIds: [] } });
      assert.deepEqual(noGroups.items.map((a) => a.id), ['mtg_part', 'mtg_all', 'mtg_own']);
      const page = await store.artifacts.list('acc_a', { limit: 2, offset: 1 });
      assert.deepEqual(page.items.map((a) => a.id), ['mtg_part', 'mtg_all']);
      assert.equal(page.total, 5);
      const ranged = await store.artifacts.list('acc_a', { from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T23:59:59.999Z' });
      assert.deepEqual(ranged.items.map((a) => a.id), ['mtg_all', 'mtg_group']);
      const byParticipant = await store.artifacts.list('acc_a', { participant: 'member' });
      assert.deepEqual(byParticipant.items.map((a) => a.id), ['mtg_part']);
      assert.equal(await store.artifacts.get('acc_b', 'mtg_own'), null, 'never across accounts');
    });

    it('updates access and recomputes visibility', async () => {
      await store.artifacts.update('acc_a', 'mtg_private', { access: [{ type: 'user', id: 'usr_other' }], updatedAt: T0 });
      const seen = await store.artifacts.list('acc_a', { visibleTo: { userId: 'usr_other', groupIds: [] } });
      assert.deepEqual(seen.items.map((a) => a.id), ['mtg_private', 'mtg_all']);
    });

    it('stores segments in chunks with exact times', async () => {
      const many = segments(1234);
      await store.segments.insertMany('mtg_own', many);
      assert.equal(await store.segments.count('mtg_own'), 1234);
      const back = await store.segments.list('mtg_own');
      assert.equal(back.length, 1234);
      assert.deepEqual(back[7], { ...many[7], language: null, confidence: null });
      assert.equal(back[1233].start, 1233 * 2.5);
    });

    it('round-trips original files byte for byte', async () => {
      const bytes = Buffer.from([0, 1, 2, 255, 254, 10, 13]);
      await store.files.put({ artifactId: 'mtg_own', filename: 'a.vtt', contentType: 'text/vtt', sha256: 'abc', bytes });
      const back = await store.files.get('mtg_own');
      assert.deepEqual(back?.bytes, bytes);
      assert.equal(back?.filename, 'a.vtt');
    });

    it('finds the same upload of the same owner by hash', async () => {
      const source = { filename: 'x.vtt', format: 'webvtt', sha256: 'f'.repeat(64), bytes: 10 };
      await store.artifacts.create(artifact('acc_a', 'mtg_sha', 'usr_owner', { source }));
      assert.equal((await store.artifacts.findBySha('acc_a', 'usr_owner', 'f'.repeat(64)))?.id, 'mtg_sha');
      assert.equal(await store.artifacts.findBySha('acc_a', 'usr_member', 'f'.repeat(64)), null);
      assert.equal((await store.artifacts.get('acc_a', 'mtg_sha'))?.source?.filename, 'x.vtt');
    });

    it('searches titles and transcripts with stemming, per account', async () => {
      await store.search.index('acc_a', 'mtg_own', 'Vendor selection', segments(5, (i) => (i === 3 ? 'we compared the budgets of five vendors' : 'small talk')));
      await store.search.index('acc_b', 'mtg_b', 'Budget review', segments(2, () => 'budgets everywhere'));
      const hits = await store.search.search('acc_a', 'budget');
      assert.equal(hits.length, 1);
      assert.equal(hits[0].artifactId, 'mtg_own');
      assert.equal(hits[0].segment, 3);
      assert.match(hits[0].snippet, /budget/i);
      const titleHits = await store.search.search('acc_a', 'vendor selection');
      assert.ok(titleHits.some((h) => h.segment === null));
      assert.deepEqual(await store.search.search('acc_a', 'budget', { artifactIds: ['mtg_all'] }), []);
      assert.deepEqual(await store.search.search('acc_a', '"); drop table segments; --'), [], 'query syntax is not injected');
      const listed = await store.artifacts.list('acc_a', { q: 'vendors budgets' });
      assert.deepEqual(listed.items.map((a) => a.id), ['mtg_own']);
      assert.equal((await store.artifacts.list('acc_a', { q: 'vendors nonexistentword' })).total, 0);
      assert.equal((await store.artifacts.list('acc_a', { q: `"'(` })).total, 0, 'a search with no words matches nothing');
    });

    it('stores outputs with links and enforces idempotency keys', async () => {
      const output = {
        id: 'out_1', accountId: 'acc_a', featureId: 'meeting.summary', artifactId: 'mtg_own', payload: { overview: 'x' },
        links: [{ artifactId: 'mtg_own', segment: null }, { artifactId: 'mtg_own', segment: 3 }, { artifactId: 'mtg_own', segment: 3 }],
        provider: 'builtin', model: null, createdBy: 'usr_member', idempotencyKey: 'job:1', createdAt: T0,
      };
      await store.outputs.create(output);
      const back = await store.outputs.get('acc_a', 'out_1');
      assert.deepEqual(back?.links, [{ artifactId: 'mtg_own', segment: null }, { artifactId: 'mtg_own', segment: 3 }]);
      assert.deepEqual(back?.payload, { overview: 'x' });
      await assert.rejects(store.outputs.create({ ...output, id: 'out_2' }), (e) => isUniqueViolation(e));
      assert.equal((await store.outputs.findByIdempotencyKey('acc_a', 'job:1'))?.id, 'out_1');
      await store.outputs.create({ ...output, id: 'out_3', idempotencyKey: null, createdAt: '2026-03-04T11:00:00.000Z', links: [] });
      assert.equal((await store.outputs.latest('acc_a', 'mtg_own', 'meeting.summary'))?.id, 'out_3');
      assert.equal(await store.outputs.get('acc_b', 'out_1'), null);
    });

    it('deletes an artifact with everything that hangs off it', async () => {
      await store.artifacts.delete('acc_b', 'mtg_own');
      assert.ok(await store.artifacts.get('acc_a', 'mtg_own'), 'another account cannot delete it');
      await store.artifacts.delete('acc_a', 'mtg_own');
      assert.equal(await store.artifacts.get('acc_a', 'mtg_own'), null);
      assert.equal(await store.segments.count('mtg_own'), 0);
      assert.equal(await store.files.get('mtg_own'), null);
      assert.deepEqual(await store.outputs.listForArtifact('acc_a', 'mtg_own'), []);
      assert.equal(await store.outputs.get('acc_a', 'out_1'), null);
      assert.deepEqual(await store.search.search('acc_a', 'budget'), []);
      const stillVisible = await store.artifacts.list('acc_a', { visibleTo: { userId: 'usr_member', groupIds: [] } });
      assert.ok(!stillVisible.items.some((a) => a.id === 'mtg_own'));
    });

    it('rolls back a failed transaction completely', async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.artifacts.create(artifact('acc_a', 'mtg_rollback', 'usr_owner'));
          await tx.segments.insertMany('mtg_rollback', segments(3));
          throw new Error('boom');
        }),
        /boom/,
      );
      assert.equal(await store.artifacts.get('acc_a', 'mtg_rollback'), null);
      assert.equal(await store.segments.count('mtg_rollback'), 0);
    });

    it('queues jobs idempotently and leases them', async () => {
      const base = { name: 'summarize', accountId: 'acc_a', payload: { artifactId: 'mtg_all' }, maxAttempts: 2, runAt: T0, now: T0 };
      const first = await store.jobs.enqueue({ ...base, id: 'job_1', idempotencyKey: 'summary:mtg_all' });
      const again = await store.jobs.enqueue({ ...base, id: 'job_2', idempotencyKey: 'summary:mtg_all' });
      assert.equal(first.created, true);
      assert.equal(again.created, false);
      assert.equal(again.job.id, 'job_1');
      await store.jobs.enqueue({ ...base, id: 'job_later', idempotencyKey: null, runAt: '2026-03-04T12:00:00.000Z' });

      const claimed = await store.jobs.claim({ workerId: 'w1', now: T0, leaseUntil: '2026-03-04T10:01:00.000Z' });
      assert.equal(claimed?.id, 'job_1');
      assert.equal(claimed?.attempts, 1);
      assert.equal(await store.jobs.claim({ workerId: 'w2', now: T0, leaseUntil: '2026-03-04T10:01:00.000Z' }), null, 'leased and not-yet-due jobs are not handed out');

      // The lease expires: another worker takes it over and the first may no longer complete it.
      const stolen = await store.jobs.claim({ workerId: 'w2', now: '2026-03-04T10:02:00.000Z', leaseUntil: '2026-03-04T10:03:00.000Z' });
      assert.equal(stolen?.id, 'job_1');
      assert.equal(stolen?.attempts, 2);
      assert.equal(await store.jobs.complete('job_1', 'w1', T0), false);
      assert.equal(await store.jobs.heartbeat('job_1', 'w1', T0), false);
      assert.equal(await store.jobs.heartbeat('job_1', 'w2', '2026-03-04T10:04:00.000Z'), true);
      assert.equal(await store.jobs.complete('job_1', 'w2', '2026-03-04T10:02:30.000Z'), true);
      assert.equal((await store.jobs.get('job_1'))?.status, 'done');
    });

    it('retries failed jobs until their attempts run out', async () => {
      await store.jobs.enqueue({ id: 'job_f', name: 'index', accountId: null, payload: {}, idempotencyKey: null, maxAttempts: 2, runAt: T0, now: T0 });
      const now = '2026-03-04T13:00:00.000Z';
      let job = await store.jobs.claim({ workerId: 'w', now, leaseUntil: '2026-03-04T13:01:00.000Z', names: ['index'] });
      assert.equal(job?.id, 'job_f');
      assert.equal(await store.jobs.fail('job_f', 'w', 'first failure', '2026-03-04T13:00:10.000Z', now), true);
      assert.equal((await store.jobs.get('job_f'))?.status, 'queued');
      job = await store.jobs.claim({ workerId: 'w', now: '2026-03-04T13:00:20.000Z', leaseUntil: '2026-03-04T13:01:20.000Z', names: ['index'] });
      assert.equal(job?.attempts, 2);
      await store.jobs.fail('job_f', 'w', 'second failure', '2026-03-04T13:00:30.000Z', now);
      const failed = await store.jobs.get('job_f');
      assert.equal(failed?.status, 'failed');
      assert.equal(failed?.lastError, 'second failure');
    });

    it('fails a job whose worker died on its last attempt', async () => {
      await store.jobs.enqueue({ id: 'job_d', name: 'dies', accountId: null, payload: {}, idempotencyKey: null, maxAttempts: 1, runAt: T0, now: T0 });
      await store.jobs.claim({ workerId: 'w', now: T0, leaseUntil: '2026-03-04T10:00:30.000Z', names: ['dies'] });
      assert.equal(await store.jobs.claim({ workerId: 'w2', now: '2026-03-04T10:01:00.000Z', leaseUntil: '2026-03-04T10:02:00.000Z', names: ['dies'] }), null);
      assert.equal((await store.jobs.get('job_d'))?.status, 'failed');
    });

    it('hash-chains audit events per account, also under concurrency', async () => {
      const base = { at: T0, actorType: 'user' as const, actorId: 'usr_owner', targetType: 'meeting', outcome: 'ok' as const };
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => store.audit.append({ ...base, accountId: 'acc_a', action: `test.${i}`, targetId: `mtg_${i}`, details: { i } })),
      );
      await store.audit.append({ ...base, accountId: 'acc_b', action: 'test.b', targetId: null, details: {} });
      const events = await store.audit.list('acc_a');
      assert.deepEqual(events.map((e) => e.seq), Array.from({ length: 12 }, (_, i) => i + 1));
      let prev = GENESIS_HASH;
      for (const e of events) {
        assert.equal(e.prevHash, prev);
        assert.equal(e.hash, auditHash(prev, e.seq, e.id, e));
        prev = e.hash;
      }
      const b = await store.audit.list('acc_b');
      assert.equal(b.length, 1);
      assert.equal(b[0].seq, 1);
      assert.equal((await store.audit.list('acc_a', { action: 'test.3' })).length, 1);
      assert.equal((await store.audit.list('acc_a', { afterSeq: 10 })).length, 2);
    });

    it('upserts, finds and removes settings', async () => {
      const v = { accountId: 'acc_a', scope: 'group' as const, scopeId: 'grp_legal', key: 'feature.meeting.summary', value: false, locked: true, updatedAt: T0, updatedBy: 'usr_owner' };
      await store.settings.set(v);
      await store.settings.set({ ...v, value: true, locked: false });
      await store.settings.set({ ...v, scope: 'account', scopeId: 'acc_a', value: true });
      const found = await store.settings.find('acc_a', [{ scope: 'group', scopeId: 'grp_legal' }], ['feature.meeting.summary']);
      assert.equal(found.length, 1);
      assert.equal(found[0].value, true);
      assert.equal(found[0].locked, false);
      assert.equal((await store.settings.list('acc_a')).length, 2);
      assert.deepEqual(await store.settings.find('acc_b', [{ scope: 'group', scopeId: 'grp_legal' }]), []);
      await store.settings.unset('acc_a', 'group', 'grp_legal', 'feature.meeting.summary');
      assert.equal((await store.settings.list('acc_a')).length, 1);
    });
  });
}
