import type { ShareLink, ShareLinkRepo } from '../../core/lifecycle.ts';
import type { Db } from '../db-util.ts';
import type { ShareLinksTable } from '../schema.ts';

const toLink = (r: ShareLinksTable): ShareLink => ({
  id: r.id,
  accountId: r.account_id,
  outputId: r.output_id,
  tokenHash: r.token_hash,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export class KyselyShareLinkRepo implements ShareLinkRepo {
  constructor(private readonly db: Db) {}

  async create(l: ShareLink): Promise<void> {
    await this.db
      .insertInto('share_links')
      .values({
        id: l.id,
        account_id: l.accountId,
        output_id: l.outputId,
        token_hash: l.tokenHash,
        created_by: l.createdBy,
        created_at: l.createdAt,
        expires_at: l.expiresAt,
        revoked_at: l.revokedAt,
      })
      .execute();
  }

  async get(accountId: string, id: string): Promise<ShareLink | null> {
    const row = await this.db.selectFrom('share_links').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return row ? toLink(row) : null;
  }

  async findByTokenHash(tokenHash: string): Promise<ShareLink | null> {
    const row = await this.db.selectFrom('share_links').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toLink(row) : null;
  }

  async listForOutput(accountId: string, outputId: string): Promise<ShareLink[]> {
    const rows = await this.db.selectFrom('share_links').selectAll().where('account_id', '=', accountId).where('output_id', '=', outputId).orderBy('created_at').execute();
    return rows.map(toLink);
  }

  async listActive(accountId: string, now: string, limit: number): Promise<ShareLink[]> {
    const rows = await this.db
      .selectFrom('share_links')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toLink);
  }

  async revoke(accountId: string, id: string, at: string): Promise<void> {
    await this.db.updateTable('share_links').set({ revoked_at: at }).where('account_id', '=', accountId).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }
}
