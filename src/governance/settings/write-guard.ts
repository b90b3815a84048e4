/**
 * Writes below a lock. A value stored under a lock would never take effect,
 * and an admin who sets it would believe otherwise, so such writes are
 * refused with a `conflict` naming the level that holds the lock. Removing a
 * value below a lock is always allowed: it changes nothing that is in effect.
 * Groups are flat, so only the account sits above a group; the account and
 * each of the user's groups sit above a user.
 */
import { AppError } from '../../core/errors.ts';
import type { SettingValue } from '../../core/types.ts';
import { requireSettingDefinition, settingValueProblem } from './catalogue.ts';
import { byNameThenId, levelLabel, type AccountRef, type GroupRef, type UserRef } from './resolve.ts';

/** Where a value is about to be written, with what sits above it. */
export type SettingTarget =
  | { scope: 'account'; account: AccountRef }
  | { scope: 'group'; account: AccountRef; group: GroupRef }
  | { scope: 'user'; account: AccountRef; groups: readonly GroupRef[]; user: UserRef };

export interface LockHolder {
  level: 'account' | 'group';
  id: string;
  name: string;
}

function targetLabel(target: SettingTarget): string {
  switch (target.scope) {
    case 'account':
      return levelLabel('account', target.account.name);
    case 'group':
      return levelLabel('group', target.group.name);
    case 'user':
      return levelLabel('user', target.user.email);
  }
}

/**
 * The highest level above `target` that locks `key`, or `null` when a write
 * there would take effect. Locked values that no longer fit the catalogue are
 * skipped, as resolution skips them. Among several locking groups the one
 * whose name sorts first is named.
 *
 * @example
 * lockAbove('feature.meeting.summary', { scope: 'user', account, groups: [legal], user }, stored)
 * // { level: 'group', id: 'grp_…', name: 'Legal' }
 */
export function lockAbove(key: string, target: SettingTarget, stored: readonly SettingValue[]): LockHolder | null {
  const definition = requireSettingDefinition(key);
  const locks = (scope: 'account' | 'group', scopeId: string): boolean =>
    stored.some(
      (v) =>
        v.key === key &&
        v.accountId === target.account.id &&
        v.scope === scope &&
        v.scopeId === scopeId &&
        v.locked &&
        settingValueProblem(definition, v.value) === null,
    );

  if (target.scope === 'account') return null;
  if (locks('account', target.account.id)) {
    return { level: 'account', id: target.account.id, name: target.account.name };
  }
  if (target.scope === 'group') return null;
  const group = [...target.groups].sort(byNameThenId).find((g) => locks('group', g.id));
  return group ? { level: 'group', id: group.id, name: group.name } : null;
}

/**
 * Refuses a write that a lock above would make ineffective: throws a
 * `conflict` AppError (HTTP 409) naming the locking level, with
 * `details.lockedBy`.
 *
 * @example
 * assertNotLockedAbove('feature.meeting.summary', { scope: 'group', account, group: sales }, stored)
 * // throws: setting "feature.meeting.summary" is locked by account Acme; unlock it there before setting it for group Sales
 */
export function assertNotLockedAbove(key: string, target: SettingTarget, stored: readonly SettingValue[]): void {
  const holder = lockAbove(key, target, stored);
  if (holder === null) return;
  throw new AppError(
    'conflict',
    `setting "${key}" is locked by ${levelLabel(holder.level, holder.name)}; unlock it there before setting it for ${targetLabel(target)}`,
    { details: { key, lockedBy: holder } },
  );
}
