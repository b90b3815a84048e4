/**
 * Legal holds (SPEC §8.3): by user, artifact or date range, each with a name
 * and a reason. Held content survives owner deletion, retention, zero data
 * retention and deactivation; releasing the hold lets the waiting deletions
 * go ahead.
 */
import { withStore, type Ctx } from '../../core/context.ts';
import { AppError, invalidInput, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { CONTROL_CHARACTERS_REFUSED, hasControlCharacters } from '../../core/text.ts';
import type { LegalHold } from '../../core/lifecycle.ts';
import { isUniqueViolation } from '../../store/db-util.ts';
import { audit } from '../audit.ts';
import { authorize } from '../authorization.ts';
import { purgeDue } from './retention-sweep.ts';
import { rangeBound } from './range-bound.ts';

export interface HoldInput {
  name: string;
  reason: string;
  userId?: string;
  artifactId?: string;
  /** ISO-8601 bounds of a date-range hold; either may be open. */
  from?: string;
  to?: string;
}

/**
 * Places a legal hold.
 *
 * @example
 * await createHold(ctx, { name: 'acme-v-smith', reason: 'litigation 2026-17', userId: 'usr_…' });
 */
export async function createHold(ctx: Ctx, input: HoldInput): Promise<LegalHold> {
  const admin = await authorize(ctx, 'holds.manage');
  const name = input.name?.trim() ?? '';
  const reason = input.reason?.trim() ?? '';
  const fields: { path: string; message: string }[] = [];
  if (!name || name.length > 200) fields.push({ path: 'name', message: 'a name of 1–200 characters is required' });
  else if (hasControlCharacters(name)) fields.push({ path: 'name', message: `a hold name ${CONTROL_CHARACTERS_REFUSED}` });
  if (!reason || reason.length > 2000) fields.push({ path: 'reason', message: 'a reason of 1–2000 characters is required' });
  const scopes = [input.userId !== undefined, input.artifactId !== undefined, input.from !== undefined || input.to !== undefined].filter(Boolean).length;
  if (scopes !== 1) fields.push({ path: 'scope', message: 'give exactly one of: userId, artifactId, or a date range (from and/or to)' });
  if (fields.length > 0) throw invalidInput(`invalid legal hold: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields);
  const from = rangeBound(input.from, 'from') ?? null;
  const to = rangeBound(input.to, 'to') ?? null;
  if (from && to && from > to) throw invalidInput('the hold range ends before it starts', [{ path: 'to', message: 'must not be before from' }]);
  if (input.userId && !(await ctx.store.users.get(ctx.account.id, input.userId))) throw notFound('user', input.userId);
  if (input.artifactId && !(await ctx.store.retention.artifactAnyState(ctx.account.id, input.artifactId))) throw notFound('artifact', input.artifactId);

  const hold: LegalHold = {
    id: newId('hold'),
    accountId: ctx.account.id,
    name,
    reason,
    userId: input.userId ?? null,
    artifactId: input.artifactId ?? null,
    from,
    to,
    createdAt: ctx.clock.now().toISOString(),
    createdBy: admin.id,
    releasedAt: null,
    releasedBy: null,
  };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.holds.create(hold);
      await audit(withStore(ctx, tx), { action: 'hold.create', targetType: 'legal_hold', targetId: hold.id, details: { name, userId: hold.userId, artifactId: hold.artifactId, from, to } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `a legal hold named "${name}" already exists`);
    throw error;
  }
  return hold;
}

export async function listHolds(ctx: Ctx, opts: { active?: boolean } = {}): Promise<LegalHold[]> {
  await authorize(ctx, 'holds.manage');
  return ctx.store.holds.list(ctx.account.id, opts);
}

/** A hold by id or by name. */
export async function findHold(ctx: Ctx, idOrName: string): Promise<LegalHold> {
  await authorize(ctx, 'holds.manage');
  const hold = (await ctx.store.holds.get(ctx.account.id, idOrName)) ?? (await ctx.store.holds.getByName(ctx.account.id, idOrName));
  if (!hold) throw notFound('legal hold', idOrName);
  return hold;
}

/** Releases a hold and carries out the deletions it was holding back. */
export async function releaseHold(ctx: Ctx, idOrName: string): Promise<{ hold: LegalHold; purged: number }> {
  const admin = await authorize(ctx, 'holds.manage');
  const hold = await findHold(ctx, idOrName);
  if (hold.releasedAt !== null) throw new AppError('conflict', `legal hold "${hold.name}" was already released on ${hold.releasedAt}`);
  const at = ctx.clock.now().toISOString();
  await ctx.store.transaction(async (tx) => {
    await tx.holds.release(ctx.account.id, hold.id, at, admin.id);
    await audit(withStore(ctx, tx), { action: 'hold.release', targetType: 'legal_hold', targetId: hold.id, details: { name: hold.name } });
  });
  const counts = await purgeDue(ctx);
  return { hold: { ...hold, releasedAt: at, releasedBy: admin.id }, purged: counts.purged.artifact + counts.purged.output + counts.purged.transcript };
}
