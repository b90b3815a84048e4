/**
 * Effective settings (SPEC §7.2). Rule: the first locked value from the top
 * (account → groups → user) wins; otherwise the most specific value set
 * (user → group → account); otherwise the catalogue default.
 *
 * A user in several groups: among the group values, a locked value beats an
 * unlocked one; among several locked (or several unlocked) values the most
 * restrictive wins (`false` before `true`, enums by catalogue order, shorter
 * lists first); remaining ties go to the group whose name sorts first, then
 * the lower id. The order never depends on how the store returned the rows.
 *
 * Stored values that no longer fit the catalogue are skipped and listed in
 * the trail, so a catalogue change cannot break resolution.
 */
import type { Account, Group, SettingScope, SettingValue, User } from '../../core/types.ts';
import {
  requireSettingDefinition,
  restrictiveness,
  SETTING_DEFINITIONS,
  settingValueProblem,
  type SettingDefinition,
  type SettingJson,
} from './catalogue.ts';

export type AccountRef = Pick<Account, 'id' | 'name'>;
export type GroupRef = Pick<Group, 'id' | 'name'>;
export type UserRef = Pick<User, 'id' | 'email'>;

/** The user whose settings are resolved, with the account and every group they belong to. */
export interface SettingSubject {
  account: AccountRef;
  groups: readonly GroupRef[];
  user: UserRef;
}

export type SettingLevel = SettingScope | 'default';

export interface DecidedBy {
  level: SettingLevel;
  /** Account, group or user id; absent for the default. */
  id?: string;
  /** Account name, group name or user email; absent for the default. */
  name?: string;
  locked: boolean;
}

/** One value considered during resolution, and why it was or was not used. */
export interface TrailEntry extends DecidedBy {
  /** As stored; may be invalid when `used` is false. */
  value: unknown;
  used: boolean;
  reason: string;
}

export interface ResolvedSetting {
  key: string;
  value: SettingJson;
  decidedBy: DecidedBy;
  /** One line for people, e.g. `off: locked by group Legal`. */
  explanation: string;
  /** Every value considered, top level first, then the default. */
  trail: TrailEntry[];
}

interface Candidate {
  level: SettingScope;
  id: string;
  name: string;
  value: SettingJson;
  locked: boolean;
}

const LEVEL_RANK: Record<SettingScope, number> = { account: 0, group: 1, user: 2 };

/**
 * How a level is named in explanations and errors.
 *
 * @example
 * levelLabel('group', 'Legal') // 'group Legal'
 */
export function levelLabel(level: SettingScope, name: string): string {
  return `${level} ${name}`;
}

/** Orders one key's values of several groups of the same user, the winner first. */
function compareGroupValues(definition: SettingDefinition, a: Candidate, b: Candidate): number {
  if (a.locked !== b.locked) return a.locked ? -1 : 1;
  const byRestriction = restrictiveness(definition, a.value) - restrictiveness(definition, b.value);
  if (byRestriction !== 0) return byRestriction;
  return byNameThenId(a, b);
}

/**
 * Orders groups by name, then id: the tie-break wherever one of several
 * groups must be named. Compares code units, so it does not vary by locale.
 *
 * @example
 * [...groups].sort(byNameThenId)
 */
export function byNameThenId(a: { name: string; id: string }, b: { name: string; id: string }): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function valueText(value: SettingJson): string {
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') return value;
  return value.length > 0 ? value.join(', ') : 'none';
}

function usedReason(winner: Candidate): string {
  return winner.locked && winner.level !== 'user'
    ? 'used: locked, so lower levels cannot override it'
    : 'used: the most specific value set';
}

function unusedReason(definition: SettingDefinition, candidate: Candidate, winner: Candidate): string {
  const winnerLabel = levelLabel(winner.level, winner.name);
  const winnerRank = LEVEL_RANK[winner.level];
  const candidateRank = LEVEL_RANK[candidate.level];
  if (winnerRank < candidateRank) return `not used: locked by ${winnerLabel}`;
  if (winnerRank > candidateRank) return `not used: overridden by the value set for ${winnerLabel}`;
  if (winner.locked !== candidate.locked) return `not used: ${winnerLabel} locks its value`;
  if (restrictiveness(definition, winner.value) !== restrictiveness(definition, candidate.value)) {
    return `not used: ${winnerLabel} sets a more restrictive value`;
  }
  return `not used: ${winnerLabel} sets an equally restrictive value and sorts first by name, then id`;
}

/** One key, with its stored values already narrowed to that key. */
function resolveDefinition(
  definition: SettingDefinition,
  subject: SettingSubject,
  values: readonly SettingValue[],
): ResolvedSetting {
  const ignored: TrailEntry[] = [];
  const toCandidate = (stored: SettingValue, name: string): Candidate | null => {
    const problem = settingValueProblem(definition, stored.value);
    const base = { level: stored.scope, id: stored.scopeId, name, locked: stored.locked };
    if (problem === null) return { ...base, value: stored.value as SettingJson };
    ignored.push({ ...base, value: stored.value, used: false, reason: `ignored: the stored value no longer fits (${problem})` });
    return null;
  };
  const find = (scope: SettingScope, scopeId: string): SettingValue | undefined =>
    values.find((v) => v.accountId === subject.account.id && v.scope === scope && v.scopeId === scopeId);

  const accountValue = find('account', subject.account.id);
  const account = accountValue ? toCandidate(accountValue, subject.account.name) : null;
  const groups: Candidate[] = [];
  for (const group of subject.groups) {
    const stored = find('group', group.id);
    const candidate = stored ? toCandidate(stored, group.name) : null;
    if (candidate) groups.push(candidate);
  }
  groups.sort((a, b) => compareGroupValues(definition, a, b));
  const userValue = find('user', subject.user.id);
  const user = userValue ? toCandidate(userValue, subject.user.email) : null;

  const topDown = [account, ...groups, user].filter((c): c is Candidate => c !== null);
  const winner = topDown.find((c) => c.locked) ?? user ?? groups[0] ?? account;
  const defaultEntry = (used: boolean): TrailEntry => ({
    level: 'default',
    locked: false,
    value: definition.default,
    used,
    reason: used ? 'used: no level sets a value' : 'not used: a level sets a value',
  });

  if (winner === null) {
    return {
      key: definition.key,
      value: definition.default,
      decidedBy: { level: 'default', locked: false },
      explanation: `${valueText(definition.default)}: default`,
      trail: [...ignored, defaultEntry(true)],
    };
  }
  const trail: TrailEntry[] = topDown.map((c) => ({
    level: c.level,
    id: c.id,
    name: c.name,
    locked: c.locked,
    value: c.value,
    used: c === winner,
    reason: c === winner ? usedReason(c) : unusedReason(definition, c, winner),
  }));
  const how = winner.locked && winner.level !== 'user' ? 'locked by' : 'set for';
  return {
    key: definition.key,
    value: winner.value,
    decidedBy: { level: winner.level, id: winner.id, name: winner.name, locked: winner.locked },
    explanation: `${valueText(winner.value)}: ${how} ${levelLabel(winner.level, winner.name)}`,
    trail: [...trail, ...ignored, defaultEntry(false)],
  };
}

/**
 * The effective value of one setting for a user, with the level that decided
 * it and every value considered. `stored` may hold values of other keys,
 * scopes and accounts; only the subject's own are read.
 *
 * @example
 * resolveSetting('feature.meeting.summary', { account, groups: [legal], user }, stored).explanation
 * // 'off: locked by group Legal'
 */
export function resolveSetting(key: string, subject: SettingSubject, stored: readonly SettingValue[]): ResolvedSetting {
  const definition = requireSettingDefinition(key);
  return resolveDefinition(definition, subject, stored.filter((v) => v.key === key));
}

/**
 * Every setting of the catalogue resolved for one user, in catalogue order.
 * Reads `stored` once, so the settings page costs one pass over the values.
 *
 * @example
 * resolveAllSettings({ account, groups, user }, await store.settings.find(accountId, scopes))
 *   .filter((s) => s.key.startsWith('feature.') && s.value === false)
 */
export function resolveAllSettings(subject: SettingSubject, stored: readonly SettingValue[]): ResolvedSetting[] {
  const byKey = new Map<string, SettingValue[]>();
  for (const value of stored) {
    const list = byKey.get(value.key);
    if (list) list.push(value);
    else byKey.set(value.key, [value]);
  }
  return SETTING_DEFINITIONS.map((definition) => resolveDefinition(definition, subject, byKey.get(definition.key) ?? []));
}
