/**
 * Zero data retention for meeting summaries (SPEC §8.2): the transcript,
 * in-meeting chat and shared-screen text go as soon as the summary is stored.
 * If summarising fails they stay at most 24 hours for retries; the sweep
 * removes them then. Summaries keep speaker and time in their citations, so
 * they stay readable without the transcript.
 */
import { DAY } from '../../core/clock.ts';
import { withStore, type Ctx } from '../../core/context.ts';
import type { Store } from '../../core/store.ts';
import type { Artifact } from '../../core/types.ts';
import { audit } from '../audit.ts';
import { accountSetting } from '../settings/account-setting.ts';
import { purgeDue } from './retention-sweep.ts';

export const ZDR_SETTING = 'meetings.zero_data_retention';
/** How long inputs are kept for retries when summarising fails. */
export const ZDR_RETRY_WINDOW_MS = DAY;

/** Whether a boolean account option is on. */
export async function accountFlag(store: Store, accountId: string, key: string): Promise<boolean> {
  return (await accountSetting(store, accountId, key)) === true;
}

/**
 * Called before a summary run: with zero data retention on, schedules the
 * inputs' deletion 24 hours after the meeting was stored, whatever happens to
 * the run.
 */
export async function scheduleInputDeletion(ctx: Ctx, artifact: Artifact): Promise<void> {
  if (!(await accountFlag(ctx.store, ctx.account.id, ZDR_SETTING))) return;
  const existing = await ctx.store.retention.getRequest(ctx.account.id, 'transcript', artifact.id);
  if (existing) return;
  await ctx.store.retention.putRequest({
    accountId: ctx.account.id,
    targetKind: 'transcript',
    targetId: artifact.id,
    reason: 'zdr',
    requestedAt: ctx.clock.now().toISOString(),
    requestedBy: null,
    purgeAfter: new Date(Date.parse(artifact.createdAt) + ZDR_RETRY_WINDOW_MS).toISOString(),
    status: 'pending',
    doneAt: null,
    batchId: null,
  });
}

/** Called once the summary is stored: with zero data retention on, deletes its inputs now (unless held). */
export async function deleteInputsAfterSummary(ctx: Ctx, artifactId: string, summaryId: string): Promise<void> {
  if (!(await accountFlag(ctx.store, ctx.account.id, ZDR_SETTING))) return;
  const now = ctx.clock.now().toISOString();
  await ctx.store.transaction(async (tx) => {
    const existing = await tx.retention.getRequest(ctx.account.id, 'transcript', artifactId);
    if (existing?.status === 'done') return;
    await tx.retention.putRequest({
      accountId: ctx.account.id,
      targetKind: 'transcript',
      targetId: artifactId,
      reason: 'zdr',
      requestedAt: existing?.requestedAt ?? now,
      requestedBy: null,
      purgeAfter: now,
      status: 'pending',
      doneAt: null,
      batchId: null,
    });
    await audit(withStore(ctx, tx), { action: 'zdr.inputs.delete', targetType: 'meeting', targetId: artifactId, details: { summaryId } });
  });
  await purgeDue(ctx, { only: { kind: 'transcript', id: artifactId } });
}
