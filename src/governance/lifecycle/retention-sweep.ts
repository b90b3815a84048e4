/**
 * The retention sweep (SPEC §8.1): marks what policies have expired, then
 * carries out every due deletion in batches. Each batch is one transaction
 * with its own audit record, so a sweep killed midway loses at most the batch
 * in flight, which the next run redoes: every item is deleted exactly once,
 * and nothing under a legal hold is deleted at all.
 */
import { DAY } from '../../core/clock.ts';
import { withStore, type Ctx } from '../../core/context.ts';
import { newId } from '../../core/ids.ts';
import type { Clock } from '../../core/clock.ts';
import type { JobQueue } from '../../core/job-queue.ts';
import type { Logger } from '../../core/logger.ts';
import type { DeletionRequest, DeletionTargetKind } from '../../core/lifecycle.ts';
import type { Store } from '../../core/store.ts';
import { audit } from '../audit.ts';
import { HoldSet } from './hold-coverage.ts';
import { outputPolicyKeeps, purgeTime } from './retention-policies.ts';
import { systemContext } from './system-context.ts';

export const JOB_RETENTION_SWEEP = 'retention.sweep';
export const DEFAULT_BATCH_SIZE = 100;
/** How often the scheduled sweep runs. */
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface SweepOptions {
  batchSize?: number;
  /** Purge only this item (when it is due and not held), as right after an owner's permanent deletion. */
  only?: { kind: DeletionTargetKind; id: string };
  /** Called before each item is purged, inside the batch's transaction (tests use it to crash a sweep midway). */
  beforePurge?: (request: DeletionRequest) => void | Promise<void>;
}

export interface SweepCounts {
  expired: number;
  purged: Record<DeletionTargetKind, number>;
  /** Due deletions left pending because a legal hold covers them. */
  held: number;
  batches: number;
}

const emptyCounts = (): SweepCounts => ({ expired: 0, purged: { artifact: 0, output: 0, transcript: 0 }, held: 0, batches: 0 });

/**
 * Marks every item whose retention period has ended: hidden at once, purged
 * now (permanent) or after the 30-day soft-delete window.
 */
export async function expireByPolicy(ctx: Ctx, opts: SweepOptions = {}): Promise<number> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = ctx.clock.now();
  let expired = 0;
  for (const policy of await ctx.store.retention.listPolicies(ctx.account.id)) {
    if (policy.days === null) continue;
    const before = new Date(now.getTime() - policy.days * DAY).toISOString();
    for (;;) {
      const ids =
        policy.kind === 'artifact'
          ? await ctx.store.retention.expiredArtifacts(ctx.account.id, policy.target, before, batchSize)
          : await ctx.store.retention.expiredOutputs(ctx.account.id, policy.target, before, batchSize);
      if (ids.length === 0) break;
      await ctx.store.transaction(async (tx) => {
        for (const id of ids) {
          await requestDeletionIn(tx, ctx, { kind: policy.kind, id, reason: 'retention', purgeAfter: purgeTime(now, policy.mode) });
        }
        await audit(withStore(ctx, tx), {
          action: 'retention.expire',
          targetType: `${policy.kind}_type`,
          targetId: policy.target,
          details: { count: ids.length, ids, days: policy.days, mode: policy.mode },
        });
      });
      expired += ids.length;
      if (ids.length < batchSize) break;
    }
  }
  return expired;
}

/** Records a deletion and hides the item from everyone at once; the purge follows when due. */
export async function requestDeletionIn(
  tx: Store,
  ctx: Ctx,
  req: { kind: DeletionTargetKind; id: string; reason: DeletionRequest['reason']; purgeAfter: string },
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await tx.retention.putRequest({
    accountId: ctx.account.id,
    targetKind: req.kind,
    targetId: req.id,
    reason: req.reason,
    requestedAt: now,
    requestedBy: ctx.actor.userId,
    purgeAfter: req.purgeAfter,
    status: 'pending',
    doneAt: null,
    batchId: null,
  });
  if (req.kind === 'artifact') {
    await tx.retention.setHidden(ctx.account.id, 'artifact', req.id, now);
    // Hidden content must not turn up in search either; the index is rebuilt on restore.
    await tx.search.remove(req.id);
  } else if (req.kind === 'output') {
    await tx.retention.setHidden(ctx.account.id, 'output', req.id, now);
  }
}

/**
 * Carries out the account's due deletions in batches, skipping (and leaving
 * pending) whatever a legal hold covers. Returns what it did.
 */
export async function purgeDue(ctx: Ctx, opts: SweepOptions = {}): Promise<SweepCounts> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  const counts = emptyCounts();
  let cursor: string | undefined;
  for (;;) {
    const now = ctx.clock.now();
    const due = await ctx.store.retention.dueRequests(now.toISOString(), { accountId: ctx.account.id, target: opts.only, after: cursor, limit: batchSize });
    if (due.length === 0) break;
    cursor = due[due.length - 1].cursor;
    const batchId = newId('del');
    const batch = await ctx.store.transaction(async (tx) => {
      const holds = await HoldSet.load(tx, ctx.account.id);
      const policies = await tx.retention.listPolicies(ctx.account.id);
      const done: { kind: DeletionTargetKind; id: string }[] = [];
      const kept: string[] = [];
      let held = 0;
      for (const { request } of due) {
        if (await isHeld(holds, request)) {
          held++;
          continue;
        }
        if (!(await tx.retention.markDone(ctx.account.id, request.targetKind, request.targetId, batchId, now.toISOString()))) continue;
        await opts.beforePurge?.(request);
        if (request.targetKind === 'artifact') {
          const keep: string[] = [];
          for (const output of await tx.retention.outputsOfArtifact(ctx.account.id, request.targetId)) {
            if (outputPolicyKeeps(policies, output, now) || (await holds.isOutputHeld(output.id))) keep.push(output.id);
          }
          await tx.retention.purgeArtifact(ctx.account.id, request.targetId, keep);
          kept.push(...keep);
        } else if (request.targetKind === 'output') {
          await tx.retention.purgeOutput(ctx.account.id, request.targetId);
        } else {
          await tx.retention.purgeTranscript(ctx.account.id, request.targetId);
        }
        done.push({ kind: request.targetKind, id: request.targetId });
      }
      if (done.length > 0 || held > 0) {
        const byKind = (k: DeletionTargetKind) => done.filter((d) => d.kind === k).map((d) => d.id);
        await audit(withStore(ctx, tx), {
          action: 'retention.purge',
          targetType: 'deletion_batch',
          targetId: batchId,
          details: {
            counts: { artifacts: byKind('artifact').length, outputs: byKind('output').length, transcripts: byKind('transcript').length, held },
            artifactIds: byKind('artifact'),
            outputIds: byKind('output'),
            transcriptIds: byKind('transcript'),
            keptOutputIds: kept,
          },
        });
      }
      return { done, held };
    });
    for (const d of batch.done) counts.purged[d.kind]++;
    counts.held += batch.held;
    if (batch.done.length > 0 || batch.held > 0) counts.batches++;
    if (due.length < batchSize) break;
  }
  return counts;
}

async function isHeld(holds: HoldSet, request: DeletionRequest): Promise<boolean> {
  if (request.targetKind === 'output') return holds.isOutputHeld(request.targetId);
  return holds.isArtifactHeld(request.targetId);
}

export interface SweepHandles {
  store: Store;
  queue: JobQueue;
  clock: Clock;
  logger: Logger;
}

/**
 * One full sweep: for each account (or the one given), expire by policy, then
 * purge what is due.
 *
 * @example
 * const counts = await runRetentionSweep(services, { batchSize: 200 });
 */
export async function runRetentionSweep(handles: SweepHandles, opts: SweepOptions & { accountId?: string } = {}): Promise<SweepCounts> {
  const total = emptyCounts();
  const accounts = opts.accountId ? [await handles.store.accounts.get(opts.accountId)].filter((a) => a !== null) : await handles.store.accounts.list();
  for (const account of accounts) {
    const ctx = systemContext(handles, account);
    total.expired += await expireByPolicy(ctx, opts);
    const counts = await purgeDue(ctx, opts);
    for (const kind of Object.keys(counts.purged) as DeletionTargetKind[]) total.purged[kind] += counts.purged[kind];
    total.held += counts.held;
    total.batches += counts.batches;
  }
  return total;
}

/** Queues the next scheduled sweep; the slot in its key makes scheduling it twice harmless. */
export async function scheduleSweep(queue: JobQueue, clock: Clock, accountId: string | null = null): Promise<void> {
  const slot = Math.floor(clock.now().getTime() / SWEEP_INTERVAL_MS) + 1;
  const runAt = new Date(slot * SWEEP_INTERVAL_MS);
  await queue.enqueue(JOB_RETENTION_SWEEP, accountId ? { accountId } : {}, {
    accountId,
    idempotencyKey: `${JOB_RETENTION_SWEEP}:${accountId ?? 'all'}:${runAt.toISOString()}`,
    runAt,
  });
}
