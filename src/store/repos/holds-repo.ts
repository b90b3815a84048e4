import type { HoldRepo, LegalHold } from '../../core/lifecycle.ts';
import type { Db } from '../db-util.ts';
import type { LegalHoldsTable } from '../schema.ts';

const toHold = (r: LegalHoldsTable): LegalHold => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  reason: r.reason,
  userId: r.user_id,
  artifactId: r.artifact_id,
  from: r.from_at,
  to: r.to_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
  releasedAt: r.released_at,
  releasedBy: r.released_by,
});

export class KyselyHoldRepo implements HoldRepo {
  constructor(private readonly db: Db) {}

  async create(h: LegalHold): Promise<void> {
    await this.db
      .insertInto('legal_holds')
      .values({
        id: h.id,
        account_id: h.accountId,
        name: h.name,
        reason: h.reason,
        user_id: h.userId,
        artifact_id: h.artifactId,
        from_at: h.from,
        to_at: h.to,
        created_at: h.createdAt,
        created_by: h.createdBy,
        released_at: h.releasedAt,
        released_by: h.releasedBy,
      })
      .execute();
  }

  async get(accountId: string, id: string): Promise<LegalHold | null> {
    const row = await this.db.selectFrom('legal_holds').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return row ? toHold(row) : null;
  }

  async getByName(accountId: string, name: string): Promise<LegalHold | null> {
    const row = await this.db.selectFrom('legal_holds').selectAll().where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst();
    return row ? toHold(row) : null;
  }

  async list(accountId: string, opts: { active?: boolean } = {}): Promise<LegalHold[]> {
    let query = this.db.selectFrom('legal_holds').selectAll().where('account_id', '=', accountId);
    if (opts.active === true) query = query.where('released_at', 'is', null);
    if (opts.active === false) query = query.where('released_at', 'is not', null);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(toHold);
  }

  async release(accountId: string, id: string, at: string, by: string | null): Promise<void> {
    await this.db
      .updateTable('legal_holds')
      .set({ released_at: at, released_by: by })
      .where('account_id', '=', accountId)
      .where('id', '=', id)
      .where('released_at', 'is', null)
      .execute();
  }
}
