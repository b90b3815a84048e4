import type { AccountRepo } from '../../core/store.ts';
import type { Account, DeploymentMode } from '../../core/types.ts';
import { fromBool, toBool, type Db } from '../db-util.ts';
import type { AccountsTable } from '../schema.ts';

const toAccount = (row: AccountsTable): Account => ({
  id: row.id,
  name: row.name,
  homeRegion: row.home_region,
  deploymentMode: row.deployment_mode as DeploymentMode,
  baseAiLicence: toBool(row.base_ai_licence),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class KyselyAccountRepo implements AccountRepo {
  constructor(private readonly db: Db) {}

  async create(a: Account): Promise<void> {
    await this.db
      .insertInto('accounts')
      .values({
        id: a.id,
        name: a.name,
        home_region: a.homeRegion,
        deployment_mode: a.deploymentMode,
        base_ai_licence: fromBool(a.baseAiLicence),
        created_at: a.createdAt,
        updated_at: a.updatedAt,
      })
      .execute();
  }

  async get(id: string): Promise<Account | null> {
    const row = await this.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async list(): Promise<Account[]> {
    const rows = await this.db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toAccount);
  }

  async update(id: string, patch: Partial<Omit<Account, 'id' | 'createdAt'>>): Promise<void> {
    const values: Partial<AccountsTable> = {};
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.homeRegion !== undefined) values.home_region = patch.homeRegion;
    if (patch.deploymentMode !== undefined) values.deployment_mode = patch.deploymentMode;
    if (patch.baseAiLicence !== undefined) values.base_ai_licence = fromBool(patch.baseAiLicence);
    if (patch.updatedAt !== undefined) values.updated_at = patch.updatedAt;
    if (Object.keys(values).length === 0) return;
    await this.db.updateTable('accounts').set(values).where('id', '=', id).execute();
  }
}
