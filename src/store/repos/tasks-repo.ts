import { sql } from 'kysely';
import type { Page, TaskFilter, TaskPatch, TaskRepo } from '../../core/store.ts';
import type { Task, TaskStatus } from '../../core/types.ts';
import { containsText, toCount, type Db } from '../db-util.ts';
import type { TasksTable } from '../schema.ts';
import { readableBy } from './grants.ts';

const toTask = (row: TasksTable): Task => ({
  id: row.id,
  accountId: row.account_id,
  meetingId: row.meeting_id,
  segment: row.segment,
  start: row.start_s === null ? null : Number(row.start_s),
  speaker: row.speaker,
  title: row.title,
  assigneeUserId: row.assignee_user_id,
  assigneeName: row.assignee_name,
  due: row.due,
  status: row.status as TaskStatus,
  sourceOutputId: row.source_output_id,
  sourceKey: row.source_key,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class KyselyTaskRepo implements TaskRepo {
  constructor(private readonly db: Db) {}

  async create(t: Task): Promise<boolean> {
    const result = await this.db
      .insertInto('tasks')
      .values({
        id: t.id,
        account_id: t.accountId,
        meeting_id: t.meetingId,
        segment: t.segment,
        start_s: t.start,
        speaker: t.speaker,
        title: t.title,
        assignee_user_id: t.assigneeUserId,
        assignee_name: t.assigneeName,
        due: t.due,
        status: t.status,
        source_output_id: t.sourceOutputId,
        source_key: t.sourceKey,
        created_by: t.createdBy,
        created_at: t.createdAt,
        updated_at: t.updatedAt,
      })
      .onConflict((oc) => oc.columns(['account_id', 'source_key']).doNothing())
      .executeTakeFirst();
    return toCount(result.numInsertedOrUpdatedRows) > 0;
  }

  async get(accountId: string, id: string): Promise<Task | null> {
    const row = await this.db.selectFrom('tasks').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return row ? toTask(row) : null;
  }

  async findBySourceKeys(accountId: string, keys: string[]): Promise<Task[]> {
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom('tasks')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('source_key', 'in', keys)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toTask);
  }

  async list(accountId: string, filter: TaskFilter = {}): Promise<Page<Task>> {
    const limit = filter.limit ?? 50;
    const offset = filter.offset ?? 0;
    let query = this.db.selectFrom('tasks as t').where('t.account_id', '=', accountId);
    if (filter.visibleTo) {
      const { userId } = filter.visibleTo;
      query = query.where((eb) => eb.or([eb('t.assignee_user_id', '=', userId), readableBy('t.meeting_id', filter.visibleTo!)]));
    }
    if (filter.status) query = query.where('t.status', '=', filter.status);
    if (filter.assigneeUserId) query = query.where('t.assignee_user_id', '=', filter.assigneeUserId);
    if (filter.meetingId) query = query.where('t.meeting_id', '=', filter.meetingId);
    if (filter.dueFrom) query = query.where('t.due', '>=', filter.dueFrom);
    if (filter.dueTo) query = query.where('t.due', '<=', filter.dueTo);
    if (filter.q) query = query.where(containsText('t.title', filter.q));
    const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll('t')
      .orderBy(sql`case when t.status = 'open' then 0 else 1 end`)
      .orderBy(sql`case when t.due is null then 1 else 0 end`)
      .orderBy('t.due')
      .orderBy('t.created_at', 'desc')
      .orderBy('t.id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
    return { items: rows.map(toTask), total: toCount(total.n as string | number), limit, offset };
  }

  async update(accountId: string, id: string, patch: TaskPatch): Promise<void> {
    const values: Partial<TasksTable> = {};
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.assigneeUserId !== undefined) values.assignee_user_id = patch.assigneeUserId;
    if (patch.assigneeName !== undefined) values.assignee_name = patch.assigneeName;
    if (patch.due !== undefined) values.due = patch.due;
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.updatedAt !== undefined) values.updated_at = patch.updatedAt;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('tasks').set(values).where('account_id', '=', accountId).where('id', '=', id).execute();
  }
}
