/**
 * Tasks and the action-item filter of meetings, on every dialect: who sees a
 * task, how capture stays idempotent, and how lists are ordered.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Store } from '../core/store.ts';
import type { Artifact, Output, Task, User } from '../core/types.ts';
import { DIALECTS, type TestStore } from './testing.ts';

const T0 = '2026-03-04T10:00:00.000Z';

const user = (id: string): User => ({
  id, accountId: 'acc_t', email: `${id}@example.com`, name: id, role: 'member', studio: false, status: 'active',
  aiAccess: true, customAddOn: false, locale: 'en', externalId: null, createdAt: T0, updatedAt: T0,
});

const meeting = (id: string, ownerId: string, extra: Partial<Artifact> = {}): Artifact => ({
  id, accountId: 'acc_t', type: 'meeting', title: `Meeting ${id}`, ownerId, participants: [], access: [],
  startedAt: T0, endedAt: null, source: null, metadata: {}, createdAt: T0, updatedAt: T0, ...extra,
});

const task = (id: string, meetingId: string, extra: Partial<Task> = {}): Task => ({
  id, accountId: 'acc_t', meetingId, segment: 3, start: 12.5, speaker: 'Ann', title: `Task ${id}`,
  assigneeUserId: null, assigneeName: null, due: null, status: 'open', sourceOutputId: null,
  sourceKey: `key-${id}`, createdBy: null, createdAt: T0, updatedAt: T0, ...extra,
});

const summary = (id: string, artifactId: string, actionItems: number, createdAt: string): Output => ({
  id, accountId: 'acc_t', featureId: 'meeting.summary', artifactId, links: [], provider: 'builtin', model: null,
  createdBy: null, idempotencyKey: null, createdAt,
  payload: { overview: { text: '', citations: [] }, actionItems: Array.from({ length: actionItems }, () => ({ text: 'do it', citations: [] })) },
});

for (const dialect of DIALECTS) {
  const skip = await dialect.skip();
  describe(`tasks store contract: ${dialect.name}`, { skip: skip ?? false }, () => {
    let ts: TestStore;
    let store: Store;
    const ids = (tasks: Task[]) => tasks.map((t) => t.id);

    before(async () => {
      ts = await dialect.create();
      store = ts.store;
      await store.accounts.create({ id: 'acc_t', name: 'T', homeRegion: 'EU', deploymentMode: 'self-hosted-only', baseAiLicence: true, createdAt: T0, updatedAt: T0 });
      for (const id of ['usr_ann', 'usr_bo', 'usr_cy']) await store.users.create(user(id));
      await store.groups.create({ id: 'grp_ops', accountId: 'acc_t', name: 'Ops', externalId: null, aiAccess: true, createdAt: T0, updatedAt: T0 });
      await store.groups.addMember('acc_t', 'grp_ops', 'usr_cy');
      await store.artifacts.create(meeting('mtg_ann', 'usr_ann'));
      await store.artifacts.create(meeting('mtg_ops', 'usr_bo', { access: [{ type: 'group', id: 'grp_ops' }] }));
    });
    after(async () => {
      await ts?.cleanup();
    });

    it('inserts a source key once', async () => {
      assert.equal(await store.tasks.create(task('tsk_1', 'mtg_ann', { sourceKey: 'mtg_ann:3:abc', due: '2026-03-06' })), true);
      assert.equal(await store.tasks.create(task('tsk_1b', 'mtg_ann', { sourceKey: 'mtg_ann:3:abc' })), false);
      const found = await store.tasks.findBySourceKeys('acc_t', ['mtg_ann:3:abc', 'missing']);
      assert.deepEqual(ids(found), ['tsk_1']);
      const got = await store.tasks.get('acc_t', 'tsk_1');
      assert.equal(got?.start, 12.5);
      assert.equal(got?.due, '2026-03-06');
      assert.equal(await store.tasks.get('acc_other', 'tsk_1'), null);
    });

    it('shows a task to its assignee and to readers of its meeting only', async () => {
      await store.tasks.create(task('tsk_2', 'mtg_ann', { assigneeUserId: 'usr_bo' }));
      await store.tasks.create(task('tsk_3', 'mtg_ops'));
      const visible = async (userId: string, groupIds: string[] = []) =>
        ids((await store.tasks.list('acc_t', { visibleTo: { userId, groupIds } })).items).sort();
      assert.deepEqual(await visible('usr_ann'), ['tsk_1', 'tsk_2']);
      assert.deepEqual(await visible('usr_bo'), ['tsk_2', 'tsk_3']);
      assert.deepEqual(await visible('usr_cy', ['grp_ops']), ['tsk_3']);
      assert.deepEqual(await visible('usr_cy'), []);
    });

    it('filters and orders: open before done, then by due date, undated last', async () => {
      await store.tasks.create(task('tsk_4', 'mtg_ann', { due: '2026-03-05' }));
      await store.tasks.create(task('tsk_5', 'mtg_ann', { due: '2026-03-01', status: 'done', title: 'Send the NOTES' }));
      const all = await store.tasks.list('acc_t', { meetingId: 'mtg_ann' });
      assert.deepEqual(ids(all.items), ['tsk_4', 'tsk_1', 'tsk_2', 'tsk_5']);
      assert.equal(all.total, 4);
      assert.deepEqual(ids((await store.tasks.list('acc_t', { status: 'done' })).items), ['tsk_5']);
      assert.deepEqual(ids((await store.tasks.list('acc_t', { assigneeUserId: 'usr_bo' })).items), ['tsk_2']);
      assert.deepEqual(ids((await store.tasks.list('acc_t', { dueFrom: '2026-03-02', dueTo: '2026-03-05' })).items), ['tsk_4']);
      assert.deepEqual(ids((await store.tasks.list('acc_t', { q: 'notes' })).items), ['tsk_5']);
      const page = await store.tasks.list('acc_t', { meetingId: 'mtg_ann', limit: 2, offset: 2 });
      assert.deepEqual(ids(page.items), ['tsk_2', 'tsk_5']);
    });

    it('updates the fields a person may change', async () => {
      await store.tasks.update('acc_t', 'tsk_1', { status: 'done', assigneeUserId: 'usr_cy', assigneeName: null, due: null, updatedAt: '2026-03-05T00:00:00.000Z' });
      const got = await store.tasks.get('acc_t', 'tsk_1');
      assert.equal(got?.status, 'done');
      assert.equal(got?.assigneeUserId, 'usr_cy');
      assert.equal(got?.due, null);
      assert.equal(got?.updatedAt, '2026-03-05T00:00:00.000Z');
      assert.equal(got?.title, 'Task tsk_1');
    });

    it('filters meetings by the action items of their latest summary', async () => {
      await store.artifacts.create(meeting('mtg_none', 'usr_ann'));
      await store.outputs.create(summary('out_1', 'mtg_ann', 0, '2026-03-04T10:00:00.000Z'));
      await store.outputs.create(summary('out_2', 'mtg_ann', 2, '2026-03-04T11:00:00.000Z'));
      await store.outputs.create(summary('out_3', 'mtg_ops', 1, '2026-03-04T10:00:00.000Z'));
      await store.outputs.create(summary('out_4', 'mtg_ops', 0, '2026-03-04T11:00:00.000Z'));
      const meetings = async (hasActionItems: boolean) =>
        (await store.artifacts.list('acc_t', { type: 'meeting', hasActionItems })).items.map((a) => a.id).sort();
      assert.deepEqual(await meetings(true), ['mtg_ann']);
      assert.deepEqual(await meetings(false), ['mtg_none', 'mtg_ops']);
    });
  });
}
