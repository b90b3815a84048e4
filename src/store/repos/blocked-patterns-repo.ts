import type { BlockedPatternRecord, BlockedPatternRepo } from '../../core/lifecycle.ts';
import type { Db } from '../db-util.ts';

export class KyselyBlockedPatternRepo implements BlockedPatternRepo {
  constructor(private readonly db: Db) {}

  async create(p: BlockedPatternRecord): Promise<void> {
    await this.db
      .insertInto('blocked_patterns')
      .values({ id: p.id, account_id: p.accountId, name: p.name, pattern: p.pattern, created_at: p.createdAt, created_by: p.createdBy })
      .execute();
  }

  async list(accountId: string): Promise<BlockedPatternRecord[]> {
    const rows = await this.db.selectFrom('blocked_patterns').selectAll().where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, accountId: r.account_id, name: r.name, pattern: r.pattern, createdAt: r.created_at, createdBy: r.created_by }));
  }

  async remove(accountId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('blocked_patterns').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
