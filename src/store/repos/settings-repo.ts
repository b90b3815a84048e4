import type { SettingsRepo } from '../../core/store.ts';
import type { SettingScope, SettingValue } from '../../core/types.ts';
import { fromBool, parseJson, toBool, type Db } from '../db-util.ts';
import type { SettingsTable } from '../schema.ts';

const toValue = (row: SettingsTable): SettingValue => ({
  accountId: row.account_id,
  scope: row.scope as SettingScope,
  scopeId: row.scope_id,
  key: row.key,
  value: parseJson<unknown>(row.value, null),
  locked: toBool(row.locked),
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
});

export class KyselySettingsRepo implements SettingsRepo {
  constructor(private readonly db: Db) {}

  async set(v: SettingValue): Promise<void> {
    const row = {
      account_id: v.accountId,
      scope: v.scope,
      scope_id: v.scopeId,
      key: v.key,
      value: JSON.stringify(v.value),
      locked: fromBool(v.locked),
      updated_at: v.updatedAt,
      updated_by: v.updatedBy,
    };
    await this.db
      .insertInto('settings')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['account_id', 'scope', 'scope_id', 'key']).doUpdateSet({
          value: row.value,
          locked: row.locked,
          updated_at: row.updated_at,
          updated_by: row.updated_by,
        }),
      )
      .execute();
  }

  async unset(accountId: string, scope: SettingScope, scopeId: string, key: string): Promise<void> {
    await this.db
      .deleteFrom('settings')
      .where('account_id', '=', accountId)
      .where('scope', '=', scope)
      .where('scope_id', '=', scopeId)
      .where('key', '=', key)
      .execute();
  }

  async find(accountId: string, scopes: { scope: SettingScope; scopeId: string }[], keys?: string[]): Promise<SettingValue[]> {
    if (scopes.length === 0 || (keys && keys.length === 0)) return [];
    let query = this.db
      .selectFrom('settings')
      .selectAll()
      .where('account_id', '=', accountId)
      .where((eb) => eb.or(scopes.map((s) => eb.and([eb('scope', '=', s.scope), eb('scope_id', '=', s.scopeId)]))));
    if (keys) query = query.where('key', 'in', keys);
    const rows = await query.orderBy('key').orderBy('scope').orderBy('scope_id').execute();
    return rows.map(toValue);
  }

  async list(accountId: string): Promise<SettingValue[]> {
    const rows = await this.db
      .selectFrom('settings')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('key')
      .orderBy('scope')
      .orderBy('scope_id')
      .execute();
    return rows.map(toValue);
  }
}
