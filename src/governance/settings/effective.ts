import type { Ctx } from '../../core/context.ts';
import type { User } from '../../core/types.ts';
import { resolveAllSettings, resolveSetting, type ResolvedSetting, type SettingSubject } from './resolve.ts';

async function subjectOf(ctx: Ctx, user: User): Promise<SettingSubject> {
  const groups = await ctx.store.groups.groupsOf(ctx.account.id, user.id);
  return { account: { id: ctx.account.id, name: ctx.account.name }, groups, user: { id: user.id, email: user.email } };
}

function scopesOf(subject: SettingSubject) {
  return [
    { scope: 'account' as const, scopeId: subject.account.id },
    ...subject.groups.map((g) => ({ scope: 'group' as const, scopeId: g.id })),
    { scope: 'user' as const, scopeId: subject.user.id },
  ];
}

/**
 * The effective value of one setting for a user, with the level that decided
 * it, read from the store at account, group and user level.
 *
 * @example
 * const { value, explanation } = await effectiveSetting(ctx, user, 'feature.meeting.summary');
 */
export async function effectiveSetting(ctx: Ctx, user: User, key: string): Promise<ResolvedSetting> {
  const subject = await subjectOf(ctx, user);
  return resolveSetting(key, subject, await ctx.store.settings.find(ctx.account.id, scopesOf(subject), [key]));
}

/** Every setting of the catalogue, resolved for a user in one read. */
export async function effectiveSettings(ctx: Ctx, user: User): Promise<ResolvedSetting[]> {
  const subject = await subjectOf(ctx, user);
  return resolveAllSettings(subject, await ctx.store.settings.find(ctx.account.id, scopesOf(subject)));
}
