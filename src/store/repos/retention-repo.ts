import { sql } from 'kysely';
import type { DeletionReason, DeletionRequest, DeletionTargetKind, RestorableArtifact, RetentionKind, RetentionPolicy, RetentionRepo } from '../../core/lifecycle.ts';
import type { Artifact, Output } from '../../core/types.ts';
import { containsText, type Db } from '../db-util.ts';
import type { DeletionRequestsTable, RetentionPoliciesTable } from '../schema.ts';
import { KyselyArtifactRepo, toArtifact } from './artifacts-repo.ts';
import { KyselyOutputRepo } from './outputs-repo.ts';
import { KyselySearchRepo } from './search-repo.ts';

const toPolicy = (r: RetentionPoliciesTable): RetentionPolicy => ({
  accountId: r.account_id,
  kind: r.kind as RetentionKind,
  target: r.target,
  days: r.days === null ? null : Number(r.days),
  mode: r.mode as RetentionPolicy['mode'],
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const toRequest = (r: DeletionRequestsTable): DeletionRequest => ({
  accountId: r.account_id,
  targetKind: r.target_kind as DeletionTargetKind,
  targetId: r.target_id,
  reason: r.reason as DeletionRequest['reason'],
  requestedAt: r.requested_at,
  requestedBy: r.requested_by,
  purgeAfter: r.purge_after,
  status: r.status as DeletionRequest['status'],
  doneAt: r.done_at,
  batchId: r.batch_id,
});

/** The sweep's stable order: account, kind, id — joined so one string compares as the tuple does. */
const ORDER_KEY = sql<string>`account_id || '|' || target_kind || '|' || target_id`;

export class KyselyRetentionRepo implements RetentionRepo {
  constructor(
    private readonly db: Db,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async setPolicy(p: RetentionPolicy): Promise<void> {
    const values = { days: p.days, mode: p.mode, updated_at: p.updatedAt, updated_by: p.updatedBy };
    await this.db
      .insertInto('retention_policies')
      .values({ account_id: p.accountId, kind: p.kind, target: p.target, ...values })
      .onConflict((oc) => oc.columns(['account_id', 'kind', 'target']).doUpdateSet(values))
      .execute();
  }

  async removePolicy(accountId: string, kind: RetentionKind, target: string): Promise<void> {
    await this.db.deleteFrom('retention_policies').where('account_id', '=', accountId).where('kind', '=', kind).where('target', '=', target).execute();
  }

  async listPolicies(accountId: string): Promise<RetentionPolicy[]> {
    const rows = await this.db.selectFrom('retention_policies').selectAll().where('account_id', '=', accountId).orderBy('kind').orderBy('target').execute();
    return rows.map(toPolicy);
  }

  async putRequest(r: DeletionRequest): Promise<void> {
    const values = {
      reason: r.reason,
      requested_at: r.requestedAt,
      requested_by: r.requestedBy,
      purge_after: r.purgeAfter,
      status: r.status,
      done_at: r.doneAt,
      batch_id: r.batchId,
    };
    await this.db
      .insertInto('deletion_requests')
      .values({ account_id: r.accountId, target_kind: r.targetKind, target_id: r.targetId, ...values })
      .onConflict((oc) => oc.columns(['account_id', 'target_kind', 'target_id']).doUpdateSet(values))
      .execute();
  }

  async getRequest(accountId: string, kind: DeletionTargetKind, targetId: string): Promise<DeletionRequest | null> {
    const row = await this.db
      .selectFrom('deletion_requests')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('target_kind', '=', kind)
      .where('target_id', '=', targetId)
      .executeTakeFirst();
    return row ? toRequest(row) : null;
  }

  async dueRequests(now: string, opts: { accountId?: string; target?: { kind: DeletionTargetKind; id: string }; after?: string; limit: number }) {
    let query = this.db
      .selectFrom('deletion_requests')
      .selectAll()
      .select(ORDER_KEY.as('cursor'))
      .where('status', '=', 'pending')
      .where('purge_after', '<=', now);
    if (opts.accountId) query = query.where('account_id', '=', opts.accountId);
    if (opts.target) query = query.where('target_kind', '=', opts.target.kind).where('target_id', '=', opts.target.id);
    if (opts.after !== undefined) query = query.where(ORDER_KEY, '>', opts.after);
    const rows = await query.orderBy(ORDER_KEY).limit(opts.limit).execute();
    return rows.map((r) => ({ request: toRequest(r), cursor: r.cursor }));
  }

  async markDone(accountId: string, kind: DeletionTargetKind, targetId: string, batchId: string, at: string): Promise<boolean> {
    const result = await this.db
      .updateTable('deletion_requests')
      .set({ status: 'done', done_at: at, batch_id: batchId })
      .where('account_id', '=', accountId)
      .where('target_kind', '=', kind)
      .where('target_id', '=', targetId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async markRestored(accountId: string, kind: DeletionTargetKind, targetId: string, at: string): Promise<void> {
    await this.db
      .updateTable('deletion_requests')
      .set({ status: 'restored', done_at: at })
      .where('account_id', '=', accountId)
      .where('target_kind', '=', kind)
      .where('target_id', '=', targetId)
      .where('status', '=', 'pending')
      .execute();
  }

  async restorableArtifacts(accountId: string, now: string, limit: number): Promise<RestorableArtifact[]> {
    const rows = await this.db
      .selectFrom('deletion_requests as d')
      .innerJoin('artifacts as a', (j) => j.onRef('a.account_id', '=', 'd.account_id').onRef('a.id', '=', 'd.target_id'))
      .select(['a.id', 'a.type', 'a.owner_id', 'a.deleted_at', 'd.reason', 'd.purge_after'])
      .where('d.account_id', '=', accountId)
      .where('d.target_kind', '=', 'artifact')
      .where('d.status', '=', 'pending')
      .where('d.purge_after', '>', now)
      .where('a.deleted_at', 'is not', null)
      .orderBy('d.purge_after')
      .orderBy('a.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, type: r.type, ownerId: r.owner_id, reason: r.reason as DeletionReason, deletedAt: r.deleted_at!, purgeAfter: r.purge_after }));
  }

  async setHidden(accountId: string, kind: 'artifact' | 'output', id: string, deletedAt: string | null): Promise<void> {
    const table = kind === 'artifact' ? 'artifacts' : 'outputs';
    await this.db.updateTable(table).set({ deleted_at: deletedAt }).where('account_id', '=', accountId).where('id', '=', id).execute();
  }

  async artifactAnyState(accountId: string, id: string): Promise<(Artifact & { deletedAt: string | null }) | null> {
    const row = await this.db.selectFrom('artifacts').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return row ? { ...toArtifact(row), deletedAt: row.deleted_at ?? null } : null;
  }

  async outputAnyState(accountId: string, id: string): Promise<(Output & { deletedAt: string | null }) | null> {
    const row = await this.db.selectFrom('outputs').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
    return row ? { ...(await new KyselyOutputRepo(this.db).hydrate(row)), deletedAt: row.deleted_at ?? null } : null;
  }

  async findAnyState(accountId: string, scope: { userId?: string; artifactId?: string; from?: string; to?: string }) {
    let query = this.db.selectFrom('artifacts as a').selectAll('a').where('a.account_id', '=', accountId);
    if (scope.artifactId) query = query.where('a.id', '=', scope.artifactId);
    if (scope.userId) {
      const userId = scope.userId;
      // Owner or participant, as legal holds by user count them.
      query = query.where((eb) => eb.or([eb('a.owner_id', '=', userId), containsText('a.participants', JSON.stringify({ userId }).slice(1, -1))]));
    }
    const when = sql<string>`coalesce(a.started_at, a.created_at)`;
    if (scope.from) query = query.where(when, '>=', scope.from);
    if (scope.to) query = query.where(when, '<=', scope.to);
    const rows = await query.orderBy(when).orderBy('a.id').execute();
    return rows.map((row) => ({ ...toArtifact(row), deletedAt: row.deleted_at ?? null }));
  }

  async looseOutputsOf(accountId: string, userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('outputs')
      .select('id')
      .where('account_id', '=', accountId)
      .where('created_by', '=', userId)
      .where('artifact_id', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async outputsOfArtifact(accountId: string, artifactId: string) {
    const rows = await this.db
      .selectFrom('outputs')
      .select(['id', 'feature_id', 'created_at', 'created_by'])
      .where('account_id', '=', accountId)
      .where('artifact_id', '=', artifactId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, featureId: r.feature_id, createdAt: r.created_at, createdBy: r.created_by }));
  }

  async expiredArtifacts(accountId: string, type: string, before: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('artifacts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('type', '=', type)
      .where('deleted_at', 'is', null)
      .where('created_at', '<', before)
      .where('id', 'not in', this.requested(accountId, 'artifact'))
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  async expiredOutputs(accountId: string, featureId: string, before: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('outputs')
      .select('id')
      .where('account_id', '=', accountId)
      .where('feature_id', '=', featureId)
      .where('deleted_at', 'is', null)
      .where('created_at', '<', before)
      .where('id', 'not in', this.requested(accountId, 'output'))
      .orderBy('created_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  }

  private requested(accountId: string, kind: DeletionTargetKind) {
    return this.db
      .selectFrom('deletion_requests')
      .select('target_id')
      .where('account_id', '=', accountId)
      .where('target_kind', '=', kind)
      // A restored item was brought back on purpose: the policy does not take it again.
      .where('status', 'in', ['pending', 'restored']);
  }

  async purgeArtifact(accountId: string, id: string, keepOutputIds: string[]): Promise<void> {
    if (keepOutputIds.length > 0) {
      // Kept outputs stand alone from now on: no pointer to the artifact that is going.
      await this.db.updateTable('outputs').set({ artifact_id: null }).where('account_id', '=', accountId).where('id', 'in', keepOutputIds).execute();
    }
    const going = this.db.selectFrom('outputs').select('id').where('account_id', '=', accountId).where('artifact_id', '=', id);
    await this.db.deleteFrom('share_links').where('output_id', 'in', going).execute();
    await this.db
      .updateTable('deletion_requests')
      .set({ status: 'done' })
      .where('account_id', '=', accountId)
      .where('status', '=', 'pending')
      .where((eb) =>
        eb.or([
          eb.and([eb('target_kind', '=', 'output'), eb('target_id', 'in', going)]),
          eb.and([eb('target_kind', '=', 'transcript'), eb('target_id', '=', id)]),
        ]),
      )
      .execute();
    await new KyselyArtifactRepo(this.db, this.dialect).delete(accountId, id);
  }

  async purgeOutput(accountId: string, id: string): Promise<void> {
    await this.db.deleteFrom('share_links').where('account_id', '=', accountId).where('output_id', '=', id).execute();
    await this.db.deleteFrom('output_links').where('output_id', '=', id).execute();
    await this.db.deleteFrom('outputs').where('account_id', '=', accountId).where('id', '=', id).execute();
  }

  async purgeTranscript(accountId: string, artifactId: string): Promise<{ segments: number }> {
    const artifact = await this.db.selectFrom('artifacts').select(['id', 'title']).where('account_id', '=', accountId).where('id', '=', artifactId).executeTakeFirst();
    if (!artifact) return { segments: 0 };
    const result = await this.db.deleteFrom('segments').where('artifact_id', '=', artifactId).executeTakeFirst();
    await this.db.deleteFrom('artifact_files').where('artifact_id', '=', artifactId).execute();
    // The title stays searchable; the transcript's entries go with it.
    await new KyselySearchRepo(this.db, this.dialect).index(accountId, artifactId, artifact.title, []);
    return { segments: Number(result.numDeletedRows) };
  }
}
