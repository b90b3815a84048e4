/**
 * Users, groups, memberships and licences. Every change is authorised with
 * `users.manage` (licences at account level with `account.manage`) and
 * written in one transaction with its audit event, so a change and its
 * record commit or roll back together. The same functions serve the API,
 * the CLI, SCIM provisioning, CSV import and sign-in claim mapping.
 */
import type { Ctx } from '../core/context.ts';
import { withStore } from '../core/context.ts';
import { AppError, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Page } from '../core/store.ts';
import { ROLES, type Group, type Role, type User } from '../core/types.ts';
import { audit } from '../governance/audit.ts';
import { authorize } from '../governance/authorization.ts';
import { isUniqueViolation } from '../store/db-util.ts';
import { CONTROL_CHARACTERS_REFUSED, hasControlCharacters } from '../core/text.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface UserInput {
  email: string;
  name?: string;
  role?: Role;
  studio?: boolean;
  aiAccess?: boolean;
  customAddOn?: boolean;
  locale?: string;
  externalId?: string | null;
  status?: User['status'];
}

export type UserPatch = Partial<Omit<UserInput, 'email'>> & { email?: string };

/** Runs `fn` in one transaction with a context bound to it. */
export function inTx<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  return ctx.store.transaction((store) => fn(withStore(ctx, store)));
}

function checkUserFields(input: UserPatch): void {
  const fields = [];
  if (input.email !== undefined && !EMAIL.test(input.email.trim())) fields.push({ path: 'email', message: `"${input.email}" is not an email address` });
  if (input.role !== undefined && !ROLES.includes(input.role)) fields.push({ path: 'role', message: `role must be one of ${ROLES.join(', ')}; got "${input.role}"` });
  if (input.name !== undefined && input.name.length > 200) fields.push({ path: 'name', message: 'a name has at most 200 characters' });
  if (input.name !== undefined && hasControlCharacters(input.name)) fields.push({ path: 'name', message: `a name ${CONTROL_CHARACTERS_REFUSED}` });
  if (input.status !== undefined && input.status !== 'active' && input.status !== 'deactivated') {
    fields.push({ path: 'status', message: 'status must be active or deactivated' });
  }
  if (fields.length) throw invalidInput('invalid user', fields);
}

/** Only owners may make or unmake owners. */
function checkRoleChange(actor: User, from: Role | null, to: Role | undefined): void {
  if (to === undefined || to === from) return;
  if ((to === 'owner' || from === 'owner') && actor.role !== 'owner') {
    throw new AppError('forbidden', `only an owner may ${to === 'owner' ? 'make someone an owner' : 'change the role of an owner'}`);
  }
}

async function activeOwners(ctx: Ctx): Promise<User[]> {
  const all = await ctx.store.users.list(ctx.account.id, { limit: 100_000 });
  return all.items.filter((u) => u.role === 'owner' && u.status === 'active');
}

export async function listUsers(ctx: Ctx, opts: { q?: string; limit?: number; offset?: number } = {}): Promise<Page<User>> {
  await authorize(ctx, 'users.manage');
  return ctx.store.users.list(ctx.account.id, opts);
}

/** A user of the account by id or email. */
export async function findUser(ctx: Ctx, ref: string): Promise<User> {
  const user = ref.includes('@') ? await ctx.store.users.getByEmail(ctx.account.id, ref) : await ctx.store.users.get(ctx.account.id, ref);
  if (!user) throw notFound('user', ref);
  return user;
}

export async function getUser(ctx: Ctx, ref: string): Promise<User & { groups: Pick<Group, 'id' | 'name'>[] }> {
  await authorize(ctx, 'users.manage');
  const user = await findUser(ctx, ref);
  const groups = await ctx.store.groups.groupsOf(ctx.account.id, user.id);
  return { ...user, groups: groups.map((g) => ({ id: g.id, name: g.name })) };
}

export async function createUser(ctx: Ctx, input: UserInput, details: Record<string, unknown> = {}): Promise<User> {
  const actor = await authorize(ctx, 'users.manage');
  checkUserFields(input);
  checkRoleChange(actor, null, input.role);
  const now = ctx.clock.now().toISOString();
  const user: User = {
    id: newId('usr'),
    accountId: ctx.account.id,
    email: input.email.trim().toLowerCase(),
    name: input.name?.trim() || input.email.trim(),
    role: input.role ?? 'member',
    studio: input.studio ?? false,
    status: input.status ?? 'active',
    aiAccess: input.aiAccess ?? true,
    customAddOn: input.customAddOn ?? false,
    locale: input.locale ?? 'en',
    externalId: input.externalId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  return inTx(ctx, async (tx) => {
    if (await tx.store.users.getByEmail(ctx.account.id, user.email)) throw new AppError('conflict', `a user with email ${user.email} already exists`);
    try {
      await tx.store.users.create(user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `a user with email ${user.email} already exists`);
      throw error;
    }
    await audit(tx, {
      action: 'user.create',
      targetType: 'user',
      targetId: user.id,
      details: { role: user.role, aiAccess: user.aiAccess, customAddOn: user.customAddOn, status: user.status, ...details },
    });
    return user;
  });
}

/** Changes a user; returns the user as stored. Audits the changed fields (names of fields and new values, never content). */
export async function updateUser(ctx: Ctx, ref: string, patch: UserPatch, details: Record<string, unknown> = {}): Promise<User> {
  const actor = await authorize(ctx, 'users.manage');
  checkUserFields(patch);
  return inTx(ctx, async (tx) => {
    const user = await findUser(tx, ref);
    checkRoleChange(actor, user.role, patch.role);
    const changes: Partial<User> = {};
    for (const key of ['name', 'role', 'studio', 'aiAccess', 'customAddOn', 'locale', 'externalId', 'status'] as const) {
      if (patch[key] !== undefined && patch[key] !== user[key]) (changes as Record<string, unknown>)[key] = patch[key];
    }
    if (patch.email !== undefined && patch.email.trim().toLowerCase() !== user.email) {
      const email = patch.email.trim().toLowerCase();
      const other = await tx.store.users.getByEmail(ctx.account.id, email);
      if (other && other.id !== user.id) throw new AppError('conflict', `a user with email ${email} already exists`);
      changes.email = email;
    }
    if (Object.keys(changes).length === 0) return user;
    const losesOwner = user.role === 'owner' && user.status === 'active' && ((changes.role && changes.role !== 'owner') || changes.status === 'deactivated');
    if (losesOwner && (await activeOwners(tx)).length <= 1) {
      throw new AppError('conflict', `${user.email} is the last active owner; make someone else an owner first`);
    }
    const updatedAt = ctx.clock.now().toISOString();
    // Reactivating a user SCIM deleted makes them a provisioned user again.
    const reprovisioned = changes.status === 'active' && user.deprovisionedAt ? { deprovisionedAt: null } : {};
    await tx.store.users.update(ctx.account.id, user.id, { ...changes, ...reprovisioned, updatedAt });
    const action = changes.status === 'deactivated' ? 'user.deactivate' : changes.status === 'active' ? 'user.reactivate' : 'user.update';
    await audit(tx, { action, targetType: 'user', targetId: user.id, details: { changes, ...details } });
    return { ...user, ...changes, ...reprovisioned, updatedAt };
  });
}

/**
 * Blocks sign-in, API tokens and AI use; keeps every artifact, output and
 * task the user owns. Reversible with `reactivateUser`.
 */
export function deactivateUser(ctx: Ctx, ref: string, details: Record<string, unknown> = {}): Promise<User> {
  return updateUser(ctx, ref, { status: 'deactivated' }, details);
}

export function reactivateUser(ctx: Ctx, ref: string, details: Record<string, unknown> = {}): Promise<User> {
  return updateUser(ctx, ref, { status: 'active' }, details);
}

// ---- groups -----------------------------------------------------------------

export interface GroupInput {
  name: string;
  aiAccess?: boolean;
  externalId?: string | null;
}

function checkGroupName(name: string | undefined): void {
  if (name !== undefined && (!name.trim() || name.length > 200)) {
    throw invalidInput('invalid group', [{ path: 'name', message: 'a group name is required, at most 200 characters' }]);
  }
  if (name !== undefined && hasControlCharacters(name)) throw invalidInput('invalid group', [{ path: 'name', message: `a group name ${CONTROL_CHARACTERS_REFUSED}` }]);
}

export async function listGroups(ctx: Ctx): Promise<(Group & { memberCount: number })[]> {
  await authorize(ctx, 'users.manage');
  const groups = await ctx.store.groups.list(ctx.account.id);
  return Promise.all(groups.map(async (g) => ({ ...g, memberCount: (await ctx.store.groups.members(ctx.account.id, g.id)).length })));
}

/** A group of the account by id or name (names compare case-insensitively). */
export async function findGroup(ctx: Ctx, ref: string): Promise<Group> {
  const byId = await ctx.store.groups.get(ctx.account.id, ref);
  if (byId) return byId;
  const byName = (await ctx.store.groups.list(ctx.account.id)).filter((g) => g.name.toLowerCase() === ref.trim().toLowerCase());
  if (byName.length > 1) throw new AppError('conflict', `${byName.length} groups are named "${ref}"; use the group id`);
  if (!byName[0]) throw notFound('group', ref);
  return byName[0];
}

export async function getGroup(ctx: Ctx, ref: string): Promise<Group & { members: Pick<User, 'id' | 'email' | 'name'>[] }> {
  await authorize(ctx, 'users.manage');
  const group = await findGroup(ctx, ref);
  const ids = await ctx.store.groups.members(ctx.account.id, group.id);
  const members = (await Promise.all(ids.map((id) => ctx.store.users.get(ctx.account.id, id)))).filter((u): u is User => u !== null);
  return { ...group, members: members.map((u) => ({ id: u.id, email: u.email, name: u.name })) };
}

export async function createGroup(ctx: Ctx, input: GroupInput, details: Record<string, unknown> = {}): Promise<Group> {
  await authorize(ctx, 'users.manage');
  checkGroupName(input.name);
  const now = ctx.clock.now().toISOString();
  const group: Group = {
    id: newId('grp'),
    accountId: ctx.account.id,
    name: input.name.trim(),
    externalId: input.externalId ?? null,
    aiAccess: input.aiAccess ?? true,
    createdAt: now,
    updatedAt: now,
  };
  return inTx(ctx, async (tx) => {
    const clash = (await tx.store.groups.list(ctx.account.id)).find((g) => g.name.toLowerCase() === group.name.toLowerCase());
    if (clash) throw new AppError('conflict', `a group named "${clash.name}" already exists (${clash.id})`);
    try {
      await tx.store.groups.create(group);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `a group named "${group.name}" already exists`);
      throw error;
    }
    await audit(tx, { action: 'group.create', targetType: 'group', targetId: group.id, details: { name: group.name, aiAccess: group.aiAccess, ...details } });
    return group;
  });
}

export async function updateGroup(ctx: Ctx, ref: string, patch: Partial<GroupInput>, details: Record<string, unknown> = {}): Promise<Group> {
  await authorize(ctx, 'users.manage');
  checkGroupName(patch.name);
  return inTx(ctx, async (tx) => {
    const group = await findGroup(tx, ref);
    const changes: Partial<Group> = {};
    if (patch.name !== undefined && patch.name.trim() !== group.name) {
      const name = patch.name.trim();
      const clash = (await tx.store.groups.list(ctx.account.id)).find((g) => g.id !== group.id && g.name.toLowerCase() === name.toLowerCase());
      if (clash) throw new AppError('conflict', `a group named "${clash.name}" already exists (${clash.id})`);
      changes.name = name;
    }
    if (patch.aiAccess !== undefined && patch.aiAccess !== group.aiAccess) changes.aiAccess = patch.aiAccess;
    if (patch.externalId !== undefined && patch.externalId !== group.externalId) changes.externalId = patch.externalId;
    if (Object.keys(changes).length === 0) return group;
    const updatedAt = ctx.clock.now().toISOString();
    await tx.store.groups.update(ctx.account.id, group.id, { ...changes, updatedAt });
    await audit(tx, { action: 'group.update', targetType: 'group', targetId: group.id, details: { changes, ...details } });
    return { ...group, ...changes, updatedAt };
  });
}

/** Removes the group, its memberships and its settings; users are kept. */
export async function deleteGroup(ctx: Ctx, ref: string, details: Record<string, unknown> = {}): Promise<void> {
  await authorize(ctx, 'users.manage');
  await inTx(ctx, async (tx) => {
    const group = await findGroup(tx, ref);
    const settings = await tx.store.settings.find(ctx.account.id, [{ scope: 'group', scopeId: group.id }]);
    for (const s of settings) await tx.store.settings.unset(ctx.account.id, 'group', group.id, s.key);
    await tx.store.groups.delete(ctx.account.id, group.id);
    await audit(tx, { action: 'group.delete', targetType: 'group', targetId: group.id, details: { name: group.name, settingsRemoved: settings.length, ...details } });
  });
}

/** Adds and removes members; unknown user ids are refused before anything changes. */
export async function changeMembers(
  ctx: Ctx,
  groupRef: string,
  change: { add?: string[]; remove?: string[] },
  details: Record<string, unknown> = {},
): Promise<{ added: string[]; removed: string[] }> {
  await authorize(ctx, 'users.manage');
  return inTx(ctx, async (tx) => {
    const group = await findGroup(tx, groupRef);
    const current = new Set(await tx.store.groups.members(ctx.account.id, group.id));
    const resolve = async (refs: string[]) => Promise.all(refs.map(async (r) => (await findUser(tx, r)).id));
    const add = [...new Set(await resolve(change.add ?? []))].filter((id) => !current.has(id));
    const remove = [...new Set(await resolve(change.remove ?? []))].filter((id) => current.has(id));
    for (const id of add) await tx.store.groups.addMember(ctx.account.id, group.id, id);
    for (const id of remove) await tx.store.groups.removeMember(ctx.account.id, group.id, id);
    if (add.length || remove.length) {
      await audit(tx, { action: 'group.members', targetType: 'group', targetId: group.id, details: { added: add, removed: remove, ...details } });
    }
    return { added: add, removed: remove };
  });
}

/** Makes the user's groups exactly `groupIds` (used by CSV import and sign-in claim mapping). */
export async function setUserGroups(ctx: Ctx, userId: string, groupIds: string[], details: Record<string, unknown> = {}): Promise<{ added: string[]; removed: string[] }> {
  await authorize(ctx, 'users.manage');
  return inTx(ctx, async (tx) => {
    const current = (await tx.store.groups.groupsOf(ctx.account.id, userId)).map((g) => g.id);
    const added = groupIds.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !groupIds.includes(id));
    for (const id of added) await tx.store.groups.addMember(ctx.account.id, id, userId);
    for (const id of removed) await tx.store.groups.removeMember(ctx.account.id, id, userId);
    if (added.length || removed.length) {
      await audit(tx, { action: 'user.groups', targetType: 'user', targetId: userId, details: { added, removed, ...details } });
    }
    return { added, removed };
  });
}

/** The account's paid base AI licence (owners and admins with `account.manage`). */
export async function setAccountLicence(ctx: Ctx, baseAiLicence: boolean): Promise<void> {
  await authorize(ctx, 'account.manage');
  await inTx(ctx, async (tx) => {
    await tx.store.accounts.update(ctx.account.id, { baseAiLicence, updatedAt: ctx.clock.now().toISOString() });
    await audit(tx, { action: 'account.licence', targetType: 'account', targetId: ctx.account.id, details: { baseAiLicence } });
  });
}

export interface LicenceView {
  user: Pick<User, 'id' | 'email'>;
  account: { baseAiLicence: boolean };
  aiAccess: boolean;
  customAddOn: boolean;
  /** Groups of the user that withhold base AI access. */
  restrictingGroups: Pick<Group, 'id' | 'name'>[];
  /** Whether base AI features may run for the user, all three conditions together. */
  baseAiEffective: boolean;
}

/** The licences that apply to a user, as every AI run checks them. */
export async function licencesOf(ctx: Ctx, ref: string): Promise<LicenceView> {
  await authorize(ctx, 'users.manage');
  const user = await findUser(ctx, ref);
  const account = await ctx.store.accounts.get(ctx.account.id);
  const restricting = (await ctx.store.groups.groupsOf(ctx.account.id, user.id)).filter((g) => !g.aiAccess);
  const base = Boolean(account?.baseAiLicence);
  return {
    user: { id: user.id, email: user.email },
    account: { baseAiLicence: base },
    aiAccess: user.aiAccess,
    customAddOn: user.customAddOn,
    restrictingGroups: restricting.map((g) => ({ id: g.id, name: g.name })),
    baseAiEffective: base && user.aiAccess && restricting.length === 0 && user.status === 'active',
  };
}
