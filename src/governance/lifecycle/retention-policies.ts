import type { Ctx } from '../../core/context.ts';
import { DAY } from '../../core/clock.ts';
import { invalidInput, type FieldError } from '../../core/errors.ts';
import { FEATURE_SPECS } from '../../core/features.ts';
import type { DeletionMode, RetentionKind, RetentionPolicy } from '../../core/lifecycle.ts';
import { ARTIFACT_TYPES } from '../../core/types.ts';
import { audit } from '../audit.ts';
import { authorize } from '../authorization.ts';

export const MAX_RETENTION_DAYS = 4000;
/** How long a soft-deleted item stays restorable. */
export const SOFT_DELETE_DAYS = 30;

export interface RetentionPolicyInput {
  kind: RetentionKind;
  /** An artifact type (`meeting`, `call`…) or an output's feature id (`meeting.summary`…). */
  target: string;
  /** 1–4,000, or null to keep forever. */
  days: number | null;
  mode: DeletionMode;
}

/** The policy that applies when none is set: keep forever, soft delete when deleted. */
export function defaultPolicy(accountId: string, kind: RetentionKind, target: string): RetentionPolicy {
  return { accountId, kind, target, days: null, mode: 'soft', updatedAt: '', updatedBy: null };
}

/** What is wrong with a policy's kind and target: a policy may name only an artifact type or a feature. */
function targetErrors(kind: RetentionKind, target: string): FieldError[] {
  const fields: FieldError[] = [];
  if (kind !== 'artifact' && kind !== 'output') fields.push({ path: 'kind', message: 'expected "artifact" or "output"' });
  const targets: readonly string[] = kind === 'artifact' ? ARTIFACT_TYPES : FEATURE_SPECS.map((f) => f.id);
  if (!targets.includes(target)) {
    fields.push({ path: 'target', message: `"${target}" is not ${kind === 'artifact' ? 'an artifact type' : 'a feature id'}; expected one of ${targets.join(', ')}` });
  }
  return fields;
}

const rejectPolicy = (fields: FieldError[]) => invalidInput(`invalid retention policy: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, fields);

export function validatePolicyInput(input: RetentionPolicyInput): void {
  const fields = targetErrors(input.kind, input.target);
  if (input.days !== null && (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_RETENTION_DAYS)) {
    fields.push({ path: 'days', message: `expected a whole number of days from 1 to ${MAX_RETENTION_DAYS}, or null to keep forever` });
  }
  if (input.mode !== 'soft' && input.mode !== 'permanent') fields.push({ path: 'mode', message: 'expected "soft" (restorable for 30 days) or "permanent"' });
  if (fields.length > 0) throw rejectPolicy(fields);
}

/**
 * Sets the retention policy of one artifact type or output type, audited.
 *
 * @example
 * await setRetentionPolicy(ctx, { kind: 'artifact', target: 'meeting', days: 90, mode: 'soft' });
 */
export async function setRetentionPolicy(ctx: Ctx, input: RetentionPolicyInput): Promise<RetentionPolicy> {
  const admin = await authorize(ctx, 'lifecycle.manage');
  validatePolicyInput(input);
  const policy: RetentionPolicy = { accountId: ctx.account.id, ...input, updatedAt: ctx.clock.now().toISOString(), updatedBy: admin.id };
  await ctx.store.transaction(async (tx) => {
    await tx.retention.setPolicy(policy);
    await audit({ ...ctx, store: tx }, { action: 'retention.policy.set', targetType: `${input.kind}_type`, targetId: input.target, details: { days: input.days, mode: input.mode } });
  });
  return policy;
}

/** Removes a policy, so the target is kept forever again. */
export async function removeRetentionPolicy(ctx: Ctx, kind: RetentionKind, target: string): Promise<void> {
  await authorize(ctx, 'lifecycle.manage');
  const fields = targetErrors(kind, target);
  if (fields.length > 0) throw rejectPolicy(fields);
  await ctx.store.transaction(async (tx) => {
    await tx.retention.removePolicy(ctx.account.id, kind, target);
    await audit({ ...ctx, store: tx }, { action: 'retention.policy.remove', targetType: `${kind}_type`, targetId: target });
  });
}

export async function listRetentionPolicies(ctx: Ctx): Promise<RetentionPolicy[]> {
  await authorize(ctx, 'lifecycle.manage');
  return ctx.store.retention.listPolicies(ctx.account.id);
}

/** When something deleted now under `mode` is purged. */
export function purgeTime(now: Date, mode: DeletionMode): string {
  return new Date(now.getTime() + (mode === 'soft' ? SOFT_DELETE_DAYS * DAY : 0)).toISOString();
}

/** Whether an output's own policy keeps it past its artifact's deletion: an explicit policy not yet expired. */
export function outputPolicyKeeps(policies: RetentionPolicy[], output: { featureId: string; createdAt: string }, now: Date): boolean {
  const own = policies.find((p) => p.kind === 'output' && p.target === output.featureId);
  if (!own) return false;
  return own.days === null || Date.parse(output.createdAt) + own.days * DAY > now.getTime();
}
