import type { EnqueueRequest, JobRepo } from '../../core/store.ts';
import type { Job, JobStatus } from '../../core/types.ts';
import { inTransaction, isUniqueViolation, parseJson, type Db } from '../db-util.ts';
import type { JobsTable } from '../schema.ts';

const toJob = (row: JobsTable): Job => ({
  id: row.id,
  name: row.name,
  accountId: row.account_id,
  payload: parseJson<Record<string, unknown>>(row.payload, {}),
  idempotencyKey: row.idempotency_key,
  status: row.status as JobStatus,
  attempts: Number(row.attempts),
  maxAttempts: Number(row.max_attempts),
  runAt: row.run_at,
  leaseOwner: row.lease_owner,
  leaseExpiresAt: row.lease_expires_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class KyselyJobRepo implements JobRepo {
  constructor(
    private readonly db: Db,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async enqueue(req: EnqueueRequest): Promise<{ job: Job; created: boolean }> {
    if (req.idempotencyKey) {
      const existing = await this.getByKey(req.idempotencyKey);
      if (existing) return { job: existing, created: false };
    }
    try {
      await this.db
        .insertInto('jobs')
        .values({
          id: req.id,
          name: req.name,
          account_id: req.accountId,
          payload: JSON.stringify(req.payload),
          idempotency_key: req.idempotencyKey,
          status: 'queued',
          attempts: 0,
          max_attempts: req.maxAttempts,
          run_at: req.runAt,
          lease_owner: null,
          lease_expires_at: null,
          last_error: null,
          created_at: req.now,
          updated_at: req.now,
        })
        .execute();
    } catch (error) {
      // Another process enqueued the same key between our read and insert.
      if (req.idempotencyKey && isUniqueViolation(error) && !this.db.isTransaction) {
        const existing = await this.getByKey(req.idempotencyKey);
        if (existing) return { job: existing, created: false };
      }
      throw error;
    }
    return { job: (await this.get(req.id))!, created: true };
  }

  async claim(opts: { workerId: string; now: string; leaseUntil: string; names?: string[] }): Promise<Job | null> {
    return inTransaction(this.db, async (trx) => {
      // A job whose worker died on its last allowed attempt is failed, not retried forever.
      await trx
        .updateTable('jobs')
        .set({ status: 'failed', last_error: 'lease expired on the last attempt', lease_owner: null, updated_at: opts.now })
        .where('status', '=', 'running')
        .where('lease_expires_at', '<', opts.now)
        .whereRef('attempts', '>=', 'max_attempts')
        .execute();
      let pick = trx
        .selectFrom('jobs')
        .select('id')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', opts.now)]),
            eb.and([eb('status', '=', 'running'), eb('lease_expires_at', '<', opts.now)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(1);
      if (opts.names && opts.names.length > 0) pick = pick.where('name', 'in', opts.names);
      if (this.dialect === 'postgres') pick = pick.forUpdate().skipLocked();
      const row = await pick.executeTakeFirst();
      if (!row) return null;
      await trx
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          lease_owner: opts.workerId,
          lease_expires_at: opts.leaseUntil,
          attempts: eb('attempts', '+', 1),
          updated_at: opts.now,
        }))
        .where('id', '=', row.id)
        .execute();
      const claimed = await trx.selectFrom('jobs').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      return toJob(claimed);
    });
  }

  async heartbeat(id: string, workerId: string, leaseUntil: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ lease_expires_at: leaseUntil })
      .where('id', '=', id)
      .where('lease_owner', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async complete(id: string, workerId: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ status: 'done', lease_owner: null, lease_expires_at: null, last_error: null, updated_at: now })
      .where('id', '=', id)
      .where('lease_owner', '=', workerId)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async fail(id: string, workerId: string, error: string, retryAt: string | null, now: string): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const job = await trx.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!job || job.lease_owner !== workerId || job.status !== 'running') return false;
      const retry = retryAt !== null && Number(job.attempts) < Number(job.max_attempts);
      await trx
        .updateTable('jobs')
        .set({
          status: retry ? 'queued' : 'failed',
          run_at: retry ? retryAt! : job.run_at,
          lease_owner: null,
          lease_expires_at: null,
          last_error: error.slice(0, 2000),
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      return true;
    });
  }

  async get(id: string): Promise<Job | null> {
    const row = await this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async list(filter: { status?: JobStatus; name?: string; accountId?: string; limit?: number } = {}): Promise<Job[]> {
    let query = this.db.selectFrom('jobs').selectAll();
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.name) query = query.where('name', '=', filter.name);
    if (filter.accountId) query = query.where('account_id', '=', filter.accountId);
    const rows = await query.orderBy('created_at').orderBy('id').limit(filter.limit ?? 1000).execute();
    return rows.map(toJob);
  }

  async getByKey(key: string): Promise<Job | null> {
    const row = await this.db.selectFrom('jobs').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    return row ? toJob(row) : null;
  }
}
