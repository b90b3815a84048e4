/**
 * Feature settings at account, group and user level (SPEC §7.2): writing and
 * removing values and locks, listing them, and explaining the value in
 * effect for a user. Resolution and the multi-group rule live in
 * governance/settings/resolve.ts.
 */
import type { Ctx } from '../core/context.ts';
import { AppError, invalidInput } from '../core/errors.ts';
import type { SettingScope, SettingValue, User } from '../core/types.ts';
import { audit } from '../governance/audit.ts';
import { authorize, can } from '../governance/authorization.ts';
import { identify } from '../governance/identity.ts';
import { requireSettingDefinition, SETTING_DEFINITIONS, settingDefinition, validateSettingValue, type SettingDefinition } from '../governance/settings/catalogue.ts';
import { effectiveSetting, effectiveSettings } from '../governance/settings/effective.ts';
import type { ResolvedSetting } from '../governance/settings/resolve.ts';
import { assertNotLockedAbove, type SettingTarget } from '../governance/settings/write-guard.ts';
import { findGroup, findUser, inTx } from './directory.ts';

export const SETTING_SCOPES: readonly SettingScope[] = ['account', 'group', 'user'];

function requireKey(key: string): void {
  if (!settingDefinition(key)) {
    throw invalidInput(`unknown setting "${key}"`, [
      { path: 'key', message: `expected one of ${SETTING_DEFINITIONS.map((d) => d.key).join(', ')}` },
    ]);
  }
}

function requireScope(scope: string): SettingScope {
  if (!SETTING_SCOPES.includes(scope as SettingScope)) {
    throw invalidInput(`unknown level "${scope}"`, [{ path: 'level', message: 'expected account, group or user' }]);
  }
  return scope as SettingScope;
}

/** The stored level a write goes to, with what sits above it. `ref` is an id, a group name or a user email. */
async function targetOf(ctx: Ctx, scope: SettingScope, ref: string): Promise<{ target: SettingTarget; scopeId: string }> {
  const account = { id: ctx.account.id, name: ctx.account.name };
  if (scope === 'account') {
    if (ref !== ctx.account.id && ref !== 'current') throw new AppError('not_found', `account ${ref} was not found`);
    return { target: { scope, account }, scopeId: ctx.account.id };
  }
  if (scope === 'group') {
    const group = await findGroup(ctx, ref);
    return { target: { scope, account, group }, scopeId: group.id };
  }
  const user = await findUser(ctx, ref);
  const groups = await ctx.store.groups.groupsOf(ctx.account.id, user.id);
  return { target: { scope, account, groups, user }, scopeId: user.id };
}

export interface SetSettingRequest {
  scope: string;
  /** Account id (or `current`), group id or name, user id or email. */
  ref: string;
  key: string;
  value: unknown;
  locked?: boolean;
}

/**
 * Stores a value (and lock) at one level. A write below a lock is refused
 * with `conflict` naming the locking level, since it could never take effect.
 */
export async function setSetting(ctx: Ctx, req: SetSettingRequest): Promise<SettingValue> {
  await authorize(ctx, 'settings.manage');
  const scope = requireScope(req.scope);
  requireKey(req.key);
  const value = validateSettingValue(req.key, req.value);
  return inTx(ctx, async (tx) => {
    const { target, scopeId } = await targetOf(tx, scope, req.ref);
    const scopes: { scope: SettingScope; scopeId: string }[] = [{ scope: 'account', scopeId: ctx.account.id }];
    if (target.scope === 'group') scopes.push({ scope: 'group', scopeId });
    if (target.scope === 'user') for (const g of target.groups) scopes.push({ scope: 'group', scopeId: g.id });
    const stored = await tx.store.settings.find(ctx.account.id, scopes, [req.key]);
    assertNotLockedAbove(req.key, target, stored);
    const previous = (await tx.store.settings.find(ctx.account.id, [{ scope, scopeId }], [req.key]))[0] ?? null;
    const record: SettingValue = {
      accountId: ctx.account.id,
      scope,
      scopeId,
      key: req.key,
      value,
      locked: req.locked ?? false,
      updatedAt: ctx.clock.now().toISOString(),
      updatedBy: ctx.actor.userId,
    };
    await tx.store.settings.set(record);
    await audit(tx, {
      action: 'settings.set',
      targetType: scope,
      targetId: scopeId,
      details: { key: req.key, value, locked: record.locked, previous: previous ? { value: previous.value, locked: previous.locked } : null },
    });
    return record;
  });
}

/** Removes the value (and lock) stored at one level; the level then inherits. */
export async function unsetSetting(ctx: Ctx, req: Omit<SetSettingRequest, 'value' | 'locked'>): Promise<{ removed: boolean }> {
  await authorize(ctx, 'settings.manage');
  const scope = requireScope(req.scope);
  requireKey(req.key);
  return inTx(ctx, async (tx) => {
    const { scopeId } = await targetOf(tx, scope, req.ref);
    const previous = (await tx.store.settings.find(ctx.account.id, [{ scope, scopeId }], [req.key]))[0] ?? null;
    if (!previous) return { removed: false };
    await tx.store.settings.unset(ctx.account.id, scope, scopeId, req.key);
    await audit(tx, {
      action: 'settings.unset',
      targetType: scope,
      targetId: scopeId,
      details: { key: req.key, previous: { value: previous.value, locked: previous.locked } },
    });
    return { removed: true };
  });
}

/** Every value stored in the account, optionally at one level. */
export async function listSettings(ctx: Ctx, filter: { scope?: string; ref?: string } = {}): Promise<SettingValue[]> {
  await authorize(ctx, 'settings.manage');
  const all = await ctx.store.settings.list(ctx.account.id);
  if (!filter.scope) return all;
  const scope = requireScope(filter.scope);
  const scopeId = filter.ref ? (await targetOf(ctx, scope, filter.ref)).scopeId : undefined;
  return all.filter((s) => s.scope === scope && (scopeId === undefined || s.scopeId === scopeId));
}

/**
 * The effective settings of a user (every key, or one), each with the level
 * that decided it and the trail of values considered. Users may read their
 * own; reading someone else's needs `settings.manage`.
 */
export async function explainSettings(ctx: Ctx, userRef: string | undefined, key?: string): Promise<{ user: Pick<User, 'id' | 'email'>; settings: ResolvedSetting[] }> {
  const caller = await identify(ctx);
  const user = userRef && userRef !== 'me' ? await findUser(ctx, userRef) : caller;
  if (user.id !== caller.id) await authorize(ctx, 'settings.manage');
  if (key !== undefined) {
    requireKey(key);
    requireSettingDefinition(key);
    return { user: { id: user.id, email: user.email }, settings: [await effectiveSetting(ctx, user, key)] };
  }
  return { user: { id: user.id, email: user.email }, settings: await effectiveSettings(ctx, user) };
}

/** Every setting an admin can store: key, type, default, allowed values and what it does. */
export async function describeSettings(ctx: Ctx): Promise<readonly SettingDefinition[]> {
  await authorize(ctx, 'settings.manage');
  return SETTING_DEFINITIONS;
}
