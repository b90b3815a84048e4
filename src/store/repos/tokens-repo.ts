import type { ApiToken, TokenRepo } from '../../core/store.ts';
import type { Db } from '../db-util.ts';
import type { ApiTokensTable } from '../schema.ts';

const toToken = (row: ApiTokensTable): ApiToken => ({
  id: row.id,
  accountId: row.account_id,
  userId: row.user_id,
  name: row.name,
  hash: row.hash,
  prefix: row.prefix,
  kind: row.kind as ApiToken['kind'],
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

export class KyselyTokenRepo implements TokenRepo {
  constructor(private readonly db: Db) {}

  async create(t: ApiToken): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({
        id: t.id,
        account_id: t.accountId,
        user_id: t.userId,
        name: t.name,
        hash: t.hash,
        prefix: t.prefix,
        kind: t.kind,
        created_at: t.createdAt,
        expires_at: t.expiresAt,
        last_used_at: t.lastUsedAt,
        revoked_at: t.revokedAt,
      })
      .execute();
  }

  async findByHash(hash: string): Promise<ApiToken | null> {
    const row = await this.db.selectFrom('api_tokens').selectAll().where('hash', '=', hash).executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async list(accountId: string, userId?: string): Promise<ApiToken[]> {
    let query = this.db.selectFrom('api_tokens').selectAll().where('account_id', '=', accountId);
    if (userId) query = query.where('user_id', '=', userId);
    const rows = await query.orderBy('created_at').execute();
    return rows.map(toToken);
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
  }

  async revoke(accountId: string, id: string, at: string): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: at })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }
}
