import type { Page, UserRepo } from '../../core/store.ts';
import type { Role, User, UserStatus } from '../../core/types.ts';
import { containsText, fromBool, toBool, toCount, type Db } from '../db-util.ts';
import type { UsersTable } from '../schema.ts';

const toUser = (row: UsersTable): User => ({
  id: row.id,
  accountId: row.account_id,
  email: row.email,
  name: row.name,
  role: row.role as Role,
  studio: toBool(row.studio),
  status: row.status as UserStatus,
  aiAccess: toBool(row.ai_access),
  customAddOn: toBool(row.custom_addon),
  locale: row.locale,
  externalId: row.external_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deprovisionedAt: row.deprovisioned_at ?? null,
});

/** Emails compare case-insensitively; they are stored lower-cased. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export class KyselyUserRepo implements UserRepo {
  constructor(private readonly db: Db) {}

  async create(u: User): Promise<void> {
    await this.db
      .insertInto('users')
      .values({
        id: u.id,
        account_id: u.accountId,
        email: normaliseEmail(u.email),
        name: u.name,
        role: u.role,
        studio: fromBool(u.studio),
        status: u.status,
        ai_access: fromBool(u.aiAccess),
        custom_addon: fromBool(u.customAddOn),
        locale: u.locale,
        external_id: u.externalId,
        created_at: u.createdAt,
        updated_at: u.updatedAt,
        deprovisioned_at: u.deprovisionedAt ?? null,
      })
      .execute();
  }

  async get(accountId: string, id: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async getByEmail(accountId: string, email: string): Promise<User | null> {
    const row = await this.db
      .selectFrom('users')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('email', '=', normaliseEmail(email))
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async list(accountId: string, opts: { limit?: number; offset?: number; q?: string } = {}): Promise<Page<User>> {
    const limit = opts.limit ?? 50;
    const offset = opts.offset ?? 0;
    let query = this.db.selectFrom('users').where('account_id', '=', accountId);
    if (opts.q) {
      const q = opts.q;
      query = query.where((eb) => eb.or([containsText('name', q), containsText('email', q)]));
    }
    const total = await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const rows = await query.selectAll().orderBy('name').orderBy('id').limit(limit).offset(offset).execute();
    return { items: rows.map(toUser), total: toCount(total.n as string | number), limit, offset };
  }

  async update(accountId: string, id: string, patch: Partial<Omit<User, 'id' | 'accountId' | 'createdAt'>>): Promise<void> {
    const values: Partial<UsersTable> = {};
    if (patch.email !== undefined) values.email = normaliseEmail(patch.email);
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.role !== undefined) values.role = patch.role;
    if (patch.studio !== undefined) values.studio = fromBool(patch.studio);
    if (patch.status !== undefined) values.status = patch.status;
    if (patch.aiAccess !== undefined) values.ai_access = fromBool(patch.aiAccess);
    if (patch.customAddOn !== undefined) values.custom_addon = fromBool(patch.customAddOn);
    if (patch.locale !== undefined) values.locale = patch.locale;
    if (patch.externalId !== undefined) values.external_id = patch.externalId;
    if (patch.updatedAt !== undefined) values.updated_at = patch.updatedAt;
    if (patch.deprovisionedAt !== undefined) values.deprovisioned_at = patch.deprovisionedAt;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('users').set(values).where('account_id', '=', accountId).where('id', '=', id).execute();
  }
}
