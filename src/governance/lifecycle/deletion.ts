/**
 * Deleting and restoring content on request: by its owner, or all of a
 * user's content when they are deactivated. Deleted content disappears from
 * every view at once; it is purged when due, unless a legal hold keeps it.
 */
import { withStore, type Ctx } from '../../core/context.ts';
import { AppError, notFound } from '../../core/errors.ts';
import type { DeletionRequest, RestorableArtifact } from '../../core/lifecycle.ts';
import { readArtifact } from '../access.ts';
import { audit } from '../audit.ts';
import { authorize, can } from '../authorization.ts';
import { identify } from '../identity.ts';
import { defaultPolicy, purgeTime } from './retention-policies.ts';
import { purgeDue, requestDeletionIn } from './retention-sweep.ts';

async function modeFor(ctx: Ctx, artifactType: string) {
  const policies = await ctx.store.retention.listPolicies(ctx.account.id);
  return (policies.find((p) => p.kind === 'artifact' && p.target === artifactType) ?? defaultPolicy(ctx.account.id, 'artifact', artifactType)).mode;
}

export interface DeleteResult {
  artifactId: string;
  /** When it will be purged; until then an admin can restore it (soft delete). */
  purgeAfter: string;
  /** True when it is gone already; false while it waits for the soft-delete window or a hold. */
  purged: boolean;
}

/**
 * Deletes an artifact for its owner (or an admin with `lifecycle.manage`):
 * hidden at once, purged now or after 30 days as the type's policy says.
 *
 * @example
 * await deleteArtifact(ctx, 'mtg_…'); // { purgeAfter, purged }
 */
export async function deleteArtifact(ctx: Ctx, id: string): Promise<DeleteResult> {
  const user = await identify(ctx);
  const artifact = await readArtifact(ctx, user, id);
  if (artifact.ownerId !== user.id && !can(user, 'lifecycle.manage')) {
    throw new AppError('forbidden', `only the owner of ${artifact.type} ${id} or an admin may delete it`);
  }
  const mode = await modeFor(ctx, artifact.type);
  const purgeAfter = purgeTime(ctx.clock.now(), mode);
  await ctx.store.transaction(async (tx) => {
    await requestDeletionIn(tx, ctx, { kind: 'artifact', id, reason: 'owner', purgeAfter });
    await audit(withStore(ctx, tx), { action: 'artifact.delete', targetType: artifact.type, targetId: id, details: { mode, purgeAfter } });
  });
  if (mode === 'permanent') await purgeDue(ctx, { only: { kind: 'artifact', id } });
  const purged = (await ctx.store.retention.artifactAnyState(ctx.account.id, id)) === null;
  return { artifactId: id, purgeAfter, purged };
}

/** Soft-deleted artifacts still inside their restore window, soonest purge first. Admins only. */
export async function listRestorableArtifacts(ctx: Ctx, limit = 200): Promise<RestorableArtifact[]> {
  await authorize(ctx, 'lifecycle.manage');
  return ctx.store.retention.restorableArtifacts(ctx.account.id, ctx.clock.now().toISOString(), limit);
}

/** Brings back a soft-deleted artifact within its 30 days. Admins only. */
export async function restoreArtifact(ctx: Ctx, id: string): Promise<void> {
  await authorize(ctx, 'lifecycle.manage');
  const request = await ctx.store.retention.getRequest(ctx.account.id, 'artifact', id);
  const artifact = await ctx.store.retention.artifactAnyState(ctx.account.id, id);
  if (!artifact || !request || request.status !== 'pending' || artifact.deletedAt === null) throw notFound('deleted artifact', id);
  if (Date.parse(request.purgeAfter) <= ctx.clock.now().getTime()) {
    throw new AppError('conflict', `artifact ${id} was deleted permanently or its 30-day restore window ended on ${request.purgeAfter}`);
  }
  await ctx.store.transaction(async (tx) => {
    await tx.retention.setHidden(ctx.account.id, 'artifact', id, null);
    await tx.retention.markRestored(ctx.account.id, 'artifact', id, ctx.clock.now().toISOString());
    await tx.search.index(ctx.account.id, id, artifact.title, await tx.segments.list(id));
    await audit(withStore(ctx, tx), { action: 'artifact.restore', targetType: artifact.type, targetId: id, details: { reason: request.reason } });
  });
}

/**
 * Deletes every artifact a user owns, as when they are deactivated and the
 * account does not keep their content. Held artifacts are hidden but kept.
 */
export async function deleteContentOfUser(ctx: Ctx, userId: string, reason: Extract<DeletionRequest['reason'], 'deactivation' | 'owner'> = 'deactivation'): Promise<{ requested: number }> {
  await authorize(ctx, 'lifecycle.manage');
  const target = await ctx.store.users.get(ctx.account.id, userId);
  if (!target) throw notFound('user', userId);
  const now = ctx.clock.now().toISOString();
  const owned: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await ctx.store.artifacts.list(ctx.account.id, { visibleTo: { userId, groupIds: [] }, limit: 200, offset });
    owned.push(...page.items.filter((a) => a.ownerId === userId).map((a) => a.id));
    if (offset + page.items.length >= page.total) break;
  }
  for (let i = 0; i < owned.length; i += 200) {
    const ids = owned.slice(i, i + 200);
    await ctx.store.transaction(async (tx) => {
      for (const id of ids) await requestDeletionIn(tx, ctx, { kind: 'artifact', id, reason, purgeAfter: now });
      await audit(withStore(ctx, tx), { action: 'user.content.delete', targetType: 'user', targetId: userId, details: { reason, count: ids.length, ids } });
    });
  }
  const requested = owned.length;
  await purgeDue(ctx);
  return { requested };
}
