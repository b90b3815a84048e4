import { auditHash, GENESIS_HASH } from '../../core/audit-hash.ts';
import { newId } from '../../core/ids.ts';
import type { AuditFilter, AuditRepo } from '../../core/store.ts';
import type { AuditEvent, AuditEventInput, AuditOutcome } from '../../core/types.ts';
import { inTransaction, parseJson, type Db } from '../db-util.ts';
import type { AuditEventsTable } from '../schema.ts';

const toEvent = (row: AuditEventsTable): AuditEvent => ({
  id: row.id,
  accountId: row.account_id,
  seq: Number(row.seq),
  at: row.at,
  actorType: row.actor_type as AuditEvent['actorType'],
  actorId: row.actor_id,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  outcome: row.outcome as AuditOutcome,
  details: parseJson<Record<string, unknown>>(row.details, {}),
  prevHash: row.prev_hash,
  hash: row.hash,
});

/**
 * Append-only, hash-chained per account. The chain head row is locked for the
 * duration of the append (FOR UPDATE on PostgreSQL; SQLite transactions are
 * opened IMMEDIATE), so concurrent writers get consecutive sequence numbers.
 */
export class KyselyAuditRepo implements AuditRepo {
  constructor(
    private readonly db: Db,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async append(event: AuditEventInput): Promise<AuditEvent> {
    return inTransaction(this.db, async (trx) => {
      await trx
        .insertInto('audit_heads')
        .values({ account_id: event.accountId, seq: 0, hash: GENESIS_HASH })
        .onConflict((oc) => oc.column('account_id').doNothing())
        .execute();
      let headQuery = trx.selectFrom('audit_heads').selectAll().where('account_id', '=', event.accountId);
      if (this.dialect === 'postgres') headQuery = headQuery.forUpdate();
      const head = await headQuery.executeTakeFirstOrThrow();
      const seq = Number(head.seq) + 1;
      const id = newId('aud');
      const hash = auditHash(head.hash, seq, id, event);
      await trx
        .insertInto('audit_events')
        .values({
          id,
          account_id: event.accountId,
          seq,
          at: event.at,
          actor_type: event.actorType,
          actor_id: event.actorId,
          action: event.action,
          target_type: event.targetType,
          target_id: event.targetId,
          outcome: event.outcome,
          details: JSON.stringify(event.details),
          prev_hash: head.hash,
          hash,
        })
        .execute();
      await trx.updateTable('audit_heads').set({ seq, hash }).where('account_id', '=', event.accountId).execute();
      return { ...event, id, seq, prevHash: head.hash, hash };
    });
  }

  async list(accountId: string, filter: AuditFilter = {}): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('audit_events').selectAll().where('account_id', '=', accountId);
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.targetType) query = query.where('target_type', '=', filter.targetType);
    if (filter.targetId) query = query.where('target_id', '=', filter.targetId);
    if (filter.from) query = query.where('at', '>=', filter.from);
    if (filter.to) query = query.where('at', '<=', filter.to);
    if (filter.afterSeq !== undefined) query = query.where('seq', '>', filter.afterSeq);
    const rows = await query.orderBy('seq').limit(filter.limit ?? 1000).execute();
    return rows.map(toEvent);
  }

  async head(accountId: string): Promise<{ seq: number; hash: string } | null> {
    const row = await this.db.selectFrom('audit_heads').selectAll().where('account_id', '=', accountId).executeTakeFirst();
    return row ? { seq: Number(row.seq), hash: row.hash } : null;
  }
}
