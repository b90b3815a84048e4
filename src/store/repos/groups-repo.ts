import type { GroupRepo } from '../../core/store.ts';
import type { Group } from '../../core/types.ts';
import { fromBool, toBool, type Db } from '../db-util.ts';
import type { GroupsTable } from '../schema.ts';

const toGroup = (row: GroupsTable): Group => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  externalId: row.external_id,
  aiAccess: toBool(row.ai_access),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class KyselyGroupRepo implements GroupRepo {
  constructor(private readonly db: Db) {}

  async create(g: Group): Promise<void> {
    await this.db
      .insertInto('groups')
      .values({
        id: g.id,
        account_id: g.accountId,
        name: g.name,
        external_id: g.externalId,
        ai_access: fromBool(g.aiAccess),
        created_at: g.createdAt,
        updated_at: g.updatedAt,
      })
      .execute();
  }

  async get(accountId: string, id: string): Promise<Group | null> {
    const row = await this.db
      .selectFrom('groups')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toGroup(row) : null;
  }

  async list(accountId: string): Promise<Group[]> {
    const rows = await this.db.selectFrom('groups').selectAll().where('account_id', '=', accountId).orderBy('name').execute();
    return rows.map(toGroup);
  }

  async update(accountId: string, id: string, patch: Partial<Omit<Group, 'id' | 'accountId' | 'createdAt'>>): Promise<void> {
    const values: Partial<GroupsTable> = {};
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.externalId !== undefined) values.external_id = patch.externalId;
    if (patch.aiAccess !== undefined) values.ai_access = fromBool(patch.aiAccess);
    if (patch.updatedAt !== undefined) values.updated_at = patch.updatedAt;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('groups').set(values).where('account_id', '=', accountId).where('id', '=', id).execute();
  }

  async delete(accountId: string, id: string): Promise<void> {
    await this.db.deleteFrom('memberships').where('account_id', '=', accountId).where('group_id', '=', id).execute();
    await this.db.deleteFrom('groups').where('account_id', '=', accountId).where('id', '=', id).execute();
  }

  async addMember(accountId: string, groupId: string, userId: string): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({ account_id: accountId, group_id: groupId, user_id: userId, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
      .execute();
  }

  async removeMember(accountId: string, groupId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('memberships')
      .where('account_id', '=', accountId)
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .execute();
  }

  async members(accountId: string, groupId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select('user_id')
      .where('account_id', '=', accountId)
      .where('group_id', '=', groupId)
      .orderBy('user_id')
      .execute();
    return rows.map((r) => r.user_id);
  }

  async groupsOf(accountId: string, userId: string): Promise<Group[]> {
    const rows = await this.db
      .selectFrom('groups')
      .innerJoin('memberships', 'memberships.group_id', 'groups.id')
      .selectAll('groups')
      .where('memberships.account_id', '=', accountId)
      .where('memberships.user_id', '=', userId)
      .orderBy('groups.name')
      .execute();
    return rows.map(toGroup);
  }
}
