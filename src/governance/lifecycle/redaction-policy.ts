/**
 * The account's redaction policy (SPEC §8.4): which entity types to redact,
 * which built-in blocked patterns to apply, and the custom blocked patterns
 * admins saved in Java regex syntax (validated when saved). Applies to
 * outputs created after a change; stored outputs are never rewritten.
 */
import { withStore, type Ctx } from '../../core/context.ts';
import { AppError, invalidInput, notFound } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { BlockedPatternRecord } from '../../core/lifecycle.ts';
import type { Store } from '../../core/store.ts';
import { isUniqueViolation } from '../../store/db-util.ts';
import { audit } from '../audit.ts';
import { authorize } from '../authorization.ts';
import { BUILTIN_BLOCKED_PATTERNS, compileBlockedPattern, isPiiEntityType, Redactor, type BlockedPattern, type PiiEntityType, type PiiSpan } from '../redaction/index.ts';
import { accountSetting } from '../settings/account-setting.ts';
import { requireSettingDefinition, settingValueProblem } from '../settings/catalogue.ts';

export const REDACTION_ENTITIES_SETTING = 'redaction.entities';
export const REDACTION_BUILTINS_SETTING = 'redaction.builtin_patterns';
export type BuiltinPatternName = keyof typeof BUILTIN_BLOCKED_PATTERNS;

async function accountList(store: Store, accountId: string, key: string): Promise<string[]> {
  return [...((await accountSetting(store, accountId, key)) as readonly string[])];
}

export interface RedactionPolicy {
  entities: PiiEntityType[];
  builtins: BuiltinPatternName[];
  patterns: BlockedPatternRecord[];
}

export async function readRedactionPolicy(store: Store, accountId: string): Promise<RedactionPolicy> {
  return {
    entities: (await accountList(store, accountId, REDACTION_ENTITIES_SETTING)).filter(isPiiEntityType),
    builtins: (await accountList(store, accountId, REDACTION_BUILTINS_SETTING)).filter((n): n is BuiltinPatternName => n in BUILTIN_BLOCKED_PATTERNS),
    patterns: await store.blockedPatterns.list(accountId),
  };
}

/** A redactor for the policy, or null when the policy redacts nothing. */
export function redactorFor(policy: RedactionPolicy, participants: readonly string[]): Redactor | null {
  if (policy.entities.length === 0 && policy.builtins.length === 0 && policy.patterns.length === 0) return null;
  const blockedPatterns: BlockedPattern[] = [
    ...policy.builtins.map((name) => BUILTIN_BLOCKED_PATTERNS[name]),
    // Saved patterns were probed when saved; compiling again re-checks them against today's translator.
    ...policy.patterns.map((p) => compileBlockedPattern(p.pattern)),
  ];
  return new Redactor({ entities: policy.entities, participants, blockedPatterns });
}

/**
 * Sets which entity types and built-in patterns the account redacts from new outputs.
 *
 * @example
 * await setRedactionTypes(ctx, { entities: ['NAME', 'PHONE'], builtins: ['CREDIT_CARD'] });
 */
export async function setRedactionTypes(ctx: Ctx, input: { entities: string[]; builtins?: string[] }): Promise<RedactionPolicy> {
  const admin = await authorize(ctx, 'lifecycle.manage');
  const values: [string, unknown][] = [[REDACTION_ENTITIES_SETTING, [...new Set(input.entities)]]];
  if (input.builtins) values.push([REDACTION_BUILTINS_SETTING, [...new Set(input.builtins)]]);
  for (const [key, value] of values) {
    const problem = settingValueProblem(requireSettingDefinition(key), value);
    if (problem) throw invalidInput(`invalid ${key}: ${problem}`, [{ path: key === REDACTION_ENTITIES_SETTING ? 'entities' : 'builtins', message: problem }]);
  }
  const now = ctx.clock.now().toISOString();
  await ctx.store.transaction(async (tx) => {
    for (const [key, value] of values) {
      await tx.settings.set({ accountId: ctx.account.id, scope: 'account', scopeId: ctx.account.id, key, value, locked: false, updatedAt: now, updatedBy: admin.id });
    }
    await audit(withStore(ctx, tx), { action: 'redaction.types.set', targetType: 'account', targetId: ctx.account.id, details: Object.fromEntries(values) });
  });
  return readRedactionPolicy(ctx.store, ctx.account.id);
}

/** Saves a custom blocked pattern after validating it; the error says what cannot be translated or why it is unsafe. */
export async function saveBlockedPattern(ctx: Ctx, input: { name: string; pattern: string }): Promise<BlockedPatternRecord> {
  const admin = await authorize(ctx, 'lifecycle.manage');
  const name = input.name?.trim() ?? '';
  if (!name || name.length > 100) throw invalidInput('a pattern name of 1–100 characters is required', [{ path: 'name', message: 'required, at most 100 characters' }]);
  try {
    compileBlockedPattern(input.pattern ?? '');
  } catch (error) {
    if (AppError.isInstance(error)) throw invalidInput(error.message, [{ path: 'pattern', message: error.message }]);
    throw error;
  }
  const record: BlockedPatternRecord = { id: newId('pat'), accountId: ctx.account.id, name, pattern: input.pattern, createdAt: ctx.clock.now().toISOString(), createdBy: admin.id };
  try {
    await ctx.store.transaction(async (tx) => {
      await tx.blockedPatterns.create(record);
      await audit(withStore(ctx, tx), { action: 'redaction.pattern.create', targetType: 'blocked_pattern', targetId: record.id, details: { name } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', `a blocked pattern named "${name}" already exists`);
    throw error;
  }
  return record;
}

export async function listBlockedPatterns(ctx: Ctx): Promise<BlockedPatternRecord[]> {
  await authorize(ctx, 'lifecycle.manage');
  return ctx.store.blockedPatterns.list(ctx.account.id);
}

export async function removeBlockedPattern(ctx: Ctx, id: string): Promise<void> {
  await authorize(ctx, 'lifecycle.manage');
  await ctx.store.transaction(async (tx) => {
    if (!(await tx.blockedPatterns.remove(ctx.account.id, id))) throw notFound('blocked pattern', id);
    await audit(withStore(ctx, tx), { action: 'redaction.pattern.remove', targetType: 'blocked_pattern', targetId: id });
  });
}

/** Tries a pattern (saved or not) on a sample text without saving anything. */
export async function testBlockedPattern(ctx: Ctx, input: { pattern: string; text: string }): Promise<{ redacted: string; spans: PiiSpan[] }> {
  await authorize(ctx, 'lifecycle.manage');
  let compiled: BlockedPattern;
  try {
    compiled = compileBlockedPattern(input.pattern ?? '');
  } catch (error) {
    if (AppError.isInstance(error)) throw invalidInput(error.message, [{ path: 'pattern', message: error.message }]);
    throw error;
  }
  const { text, spans } = new Redactor({ entities: [], blockedPatterns: [compiled] }).redact(input.text ?? '');
  return { redacted: text, spans };
}
