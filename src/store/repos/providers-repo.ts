import type { ProviderRepo, StoredProvider } from '../../core/store.ts';
import { parseJson, type Db } from '../db-util.ts';
import type { ModelProvidersTable } from '../schema.ts';

const toProvider = (row: ModelProvidersTable): StoredProvider => ({
  accountId: row.account_id,
  name: row.name,
  registration: parseJson<Record<string, unknown>>(row.registration, {}),
  createdBy: row.created_by,
  createdAt: row.created_at,
});

export class KyselyProviderRepo implements ProviderRepo {
  constructor(private readonly db: Db) {}

  async list(accountId: string): Promise<StoredProvider[]> {
    const rows = await this.db.selectFrom('model_providers').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('name').execute();
    return rows.map(toProvider);
  }

  async get(accountId: string, name: string): Promise<StoredProvider | null> {
    const row = await this.db.selectFrom('model_providers').selectAll().where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst();
    return row ? toProvider(row) : null;
  }

  async create(p: StoredProvider): Promise<void> {
    await this.db
      .insertInto('model_providers')
      .values({ account_id: p.accountId, name: p.name, registration: JSON.stringify(p.registration), created_by: p.createdBy, created_at: p.createdAt })
      .execute();
  }

  async delete(accountId: string, name: string): Promise<boolean> {
    const result = await this.db.deleteFrom('model_providers').where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
