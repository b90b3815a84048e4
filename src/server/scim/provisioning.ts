/**
 * SCIM 2.0 provisioning (RFC 7643/7644) over the directory use cases, so
 * SCIM changes are authorised, transactional and audited like any other
 * directory change.
 *
 * DELETE of a user deprovisions it (RFC 7644 §3.6): it is deactivated
 * (sign-in, API tokens and AI use stop; its tokens are revoked), leaves its
 * groups, and is gone from SCIM (GET, lists and filters answer 404 or leave
 * it out). Nothing it owns is deleted: its content stays under the account's
 * retention policies and legal holds. A later POST with the same userName
 * brings back the same user (same id, so the same content), as a member,
 * with the attributes of the POST.
 *
 * PATCH or PUT with `active: false` only deactivates: the user stays visible.
 */
import type { Ctx } from '../../core/context.ts';
import { AppError } from '../../core/errors.ts';
import type { Group, User } from '../../core/types.ts';
import { authorize } from '../../governance/authorization.ts';
import { projectAttributes, type ProjectionParams } from './attributes.ts';
import { ScimError } from './errors.ts';
import { matchesFilter } from './filter-eval.ts';
import { parseFilter } from './filter.ts';
import { pushdownEquality } from './filter-pushdown.ts';
import type { JsonObject } from './json.ts';
import { listResponse, pageOf, parsePagination, type ListResponse } from './list-response.ts';
import { applyPatch } from './patch.ts';
import { groupFromScim, groupToScim, userFromScim, userToScim } from './resources.ts';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from './schemas.ts';
import { audit } from '../../governance/audit.ts';
import { changeMembers, createGroup, createUser, deleteGroup, inTx, setUserGroups, updateGroup, updateUser } from '../../usecases/directory.ts';

export interface ScimQuery extends ProjectionParams {
  filter?: string;
  startIndex?: string;
  count?: string;
}

/** Directory errors in SCIM terms: duplicates are `uniqueness` (409), unknown members `invalidValue` (400). */
async function scimErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ScimError || !AppError.isInstance(error)) throw error;
    if (error.code === 'conflict') throw /already exists/.test(error.message) ? new ScimError('uniqueness', error.message) : new ScimError(null, error.message, 409);
    if (error.code === 'invalid_input') throw new ScimError('invalidValue', [error.message, ...(error.fields ?? []).map((f) => `${f.path}: ${f.message}`)].join('; '));
    throw error;
  }
}

const notFound = (type: string, id: string) => new ScimError(null, `${type} ${id} was not found`, 404);

/** Whether SCIM shows the user: not deprovisioned by a SCIM DELETE. */
const provisioned = (user: User | null): user is User => user !== null && !user.deprovisionedAt;

async function requireUser(ctx: Ctx, id: string): Promise<User> {
  const user = await ctx.store.users.get(ctx.account.id, id);
  if (!provisioned(user)) throw notFound('User', id);
  return user;
}

async function requireGroup(ctx: Ctx, id: string): Promise<Group> {
  const group = await ctx.store.groups.get(ctx.account.id, id);
  if (!group) throw notFound('Group', id);
  return group;
}

async function userResource(ctx: Ctx, user: User, baseUrl: string): Promise<JsonObject> {
  const groups = await ctx.store.groups.groupsOf(ctx.account.id, user.id);
  return userToScim(user, { baseUrl, groups });
}

async function groupResource(ctx: Ctx, group: Group, baseUrl: string, withMembers = true): Promise<JsonObject> {
  if (!withMembers) return groupToScim(group, { baseUrl });
  const ids = await ctx.store.groups.members(ctx.account.id, group.id);
  const members = (await Promise.all(ids.map((id) => ctx.store.users.get(ctx.account.id, id)))).filter(provisioned);
  return groupToScim(group, { baseUrl, members });
}

const excludes = (params: ProjectionParams, name: string): boolean => {
  const list = (v: string | readonly string[] | undefined) => (typeof v === 'string' ? v.split(',') : (v ?? [])).map((s) => s.trim().toLowerCase());
  const attrs = list(params.attributes);
  if (attrs.length && attrs[0] !== '') return !attrs.includes(name);
  return list(params.excludedAttributes).includes(name);
};

// ---- Users --------------------------------------------------------------------

export async function scimListUsers(ctx: Ctx, baseUrl: string, q: ScimQuery): Promise<ListResponse<JsonObject>> {
  await authorize(ctx, 'users.manage');
  const pagination = parsePagination(q);
  const filter = q.filter ? parseFilter(q.filter) : null;
  let candidates: User[];
  const push = filter ? pushdownEquality(filter, USER_RESOURCE_TYPE, ['userName', 'id']) : null;
  if (push) {
    const found = push.equality.attribute === 'userName' ? await ctx.store.users.getByEmail(ctx.account.id, push.equality.value) : await ctx.store.users.get(ctx.account.id, push.equality.value);
    candidates = provisioned(found) ? [found] : [];
  } else {
    candidates = (await ctx.store.users.list(ctx.account.id, { limit: 1_000_000 })).items
      .filter(provisioned)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }
  const residual = push ? push.residual : filter;
  // One query per group rather than per user.
  const groupsByUser = new Map<string, Group[]>();
  if (!push) {
    for (const group of await ctx.store.groups.list(ctx.account.id)) {
      for (const id of await ctx.store.groups.members(ctx.account.id, group.id)) groupsByUser.set(id, [...(groupsByUser.get(id) ?? []), group]);
    }
  }
  const matching: JsonObject[] = [];
  for (const user of candidates) {
    const resource = push ? await userResource(ctx, user, baseUrl) : userToScim(user, { baseUrl, groups: groupsByUser.get(user.id) ?? [] });
    if (!residual || matchesFilter(resource, residual, USER_RESOURCE_TYPE)) matching.push(resource);
  }
  const page = pageOf(matching, pagination).map((r) => projectAttributes(r, USER_RESOURCE_TYPE, q));
  return listResponse(page, matching.length, pagination);
}

export async function scimGetUser(ctx: Ctx, baseUrl: string, id: string, params: ProjectionParams = {}): Promise<JsonObject> {
  await authorize(ctx, 'users.manage');
  return projectAttributes(await userResource(ctx, await requireUser(ctx, id), baseUrl), USER_RESOURCE_TYPE, params);
}

export async function scimCreateUser(ctx: Ctx, baseUrl: string, body: unknown): Promise<JsonObject> {
  await authorize(ctx, 'users.manage');
  const { fields, ignored } = userFromScim(body);
  const details = ignored.length ? { ignoredAttributes: ignored } : {};
  return inTx(ctx, async (tx) => {
    const previous = await tx.store.users.getByEmail(ctx.account.id, fields.email);
    if (previous?.deprovisionedAt) return userResource(tx, await reprovision(tx, previous, fields, details), baseUrl);
    return userResource(tx, await scimErrors(() => createUser(tx, { ...fields, role: 'member' }, details)), baseUrl);
  });
}

/**
 * A userName SCIM deleted comes back: the same user (id and content), as a
 * member without studio access, with the POST's attributes and status.
 */
async function reprovision(ctx: Ctx, user: User, fields: ReturnType<typeof userFromScim>['fields'], details: Record<string, unknown>): Promise<User> {
  const updated = await scimErrors(() => updateUser(ctx, user.id, { ...fields, role: 'member', studio: false }, { scim: 'POST', ...details }));
  const at = ctx.clock.now().toISOString();
  await ctx.store.users.update(ctx.account.id, user.id, { deprovisionedAt: null, updatedAt: at });
  await audit(ctx, { action: 'user.reprovision', targetType: 'user', targetId: user.id, details: { deprovisionedAt: user.deprovisionedAt, status: updated.status } });
  return { ...updated, deprovisionedAt: null, updatedAt: at };
}

async function replaceUserFields(ctx: Ctx, user: User, body: unknown): Promise<User> {
  const { fields, ignored } = userFromScim(body, user);
  return scimErrors(() => updateUser(ctx, user.id, fields, ignored.length ? { ignoredAttributes: ignored } : {}));
}

export async function scimReplaceUser(ctx: Ctx, baseUrl: string, id: string, body: unknown): Promise<JsonObject> {
  await authorize(ctx, 'users.manage');
  return inTx(ctx, async (tx) => userResource(tx, await replaceUserFields(tx, await requireUser(tx, id), body), baseUrl));
}

export async function scimPatchUser(ctx: Ctx, baseUrl: string, id: string, body: unknown): Promise<JsonObject> {
  await authorize(ctx, 'users.manage');
  return inTx(ctx, async (tx) => {
    const user = await requireUser(tx, id);
    const { resource } = applyPatch(await userResource(tx, user, baseUrl), body, USER_RESOURCE_TYPE);
    return userResource(tx, await replaceUserFields(tx, user, resource), baseUrl);
  });
}

/** Deprovisioning: the user is deactivated, leaves its groups and SCIM, and is never erased (see the module comment). */
export async function scimDeleteUser(ctx: Ctx, id: string): Promise<void> {
  await authorize(ctx, 'users.manage');
  await inTx(ctx, async (tx) => {
    const user = await requireUser(tx, id);
    if (user.status !== 'deactivated') await scimErrors(() => updateUser(tx, user.id, { status: 'deactivated' }, { scim: 'DELETE' }));
    await setUserGroups(tx, user.id, [], { scim: 'DELETE' });
    const at = tx.clock.now().toISOString();
    const tokens = (await tx.store.tokens.list(ctx.account.id, user.id)).filter((t) => t.revokedAt === null);
    for (const token of tokens) await tx.store.tokens.revoke(ctx.account.id, token.id, at);
    await tx.store.users.update(ctx.account.id, user.id, { deprovisionedAt: at, updatedAt: at });
    await audit(tx, { action: 'user.deprovision', targetType: 'user', targetId: user.id, details: { scim: 'DELETE', tokensRevoked: tokens.length } });
  });
}

// ---- Groups -------------------------------------------------------------------

export async function scimListGroups(ctx: Ctx, baseUrl: string, q: ScimQuery): Promise<ListResponse<JsonObject>> {
  await authorize(ctx, 'users.manage');
  const pagination = parsePagination(q);
  const filter = q.filter ? parseFilter(q.filter) : null;
  const withMembers = !excludes(q, 'members');
  const all = (await ctx.store.groups.list(ctx.account.id)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const matching: JsonObject[] = [];
  for (const group of all) {
    // Members are needed to evaluate a filter on them even when not returned.
    const resource = await groupResource(ctx, group, baseUrl, withMembers || Boolean(filter && /members/i.test(q.filter ?? '')));
    if (!filter || matchesFilter(resource, filter, GROUP_RESOURCE_TYPE)) matching.push(resource);
  }
  const page = pageOf(matching, pagination).map((r) => projectAttributes(r, GROUP_RESOURCE_TYPE, q));
  return listResponse(page, matching.length, pagination);
}

export async function scimGetGroup(ctx: Ctx, baseUrl: string, id: string, params: ProjectionParams = {}): Promise<JsonObject> {
  await authorize(ctx, 'users.manage');
  const group = await requireGroup(ctx, id);
  return projectAttributes(await groupResource(ctx, group, baseUrl, !excludes(params, 'members')), GROUP_RESOURCE_TYPE, params);
}

async function setMembers(ctx: Ctx, group: Group, memberIds: string[]): Promise<void> {
  const current = await ctx.store.groups.members(ctx.account.id, group.id);
  await applyMembers(ctx, group, { added: memberIds.filter((m) => !current.includes(m)), removed: current.filter((m) => !memberIds.includes(m)) });
}

async function applyMembers(ctx: Ctx, group: Group, change: { added: string[]; removed: string[] }): Promise<void> {
  if (!change.added.length && !change.removed.length) return;
  for (const id of change.added) {
    if (!provisioned(await ctx.store.users.get(ctx.account.id, id))) throw new ScimError('invalidValue', `member ${id} is not a user of this account`);
  }
  await changeMembers(ctx, group.id, { add: change.added, remove: change.removed });
}

export async function scimCreateGroup(ctx: Ctx, baseUrl: string, body: unknown): Promise<JsonObject> {
  await authorize(ctx, 'users.manage');
  const { fields, memberIds, ignored } = groupFromScim(body);
  return inTx(ctx, async (tx) => {
    const group = await scimErrors(() => createGroup(tx, fields, ignored.length ? { ignoredAttributes: ignored } : {}));
    if (memberIds) await setMembers(tx, group, memberIds);
    return groupResource(tx, group, baseUrl);
  });
}

export async function scimReplaceGroup(ctx: Ctx, baseUrl: string, id: string, body: unknown): Promise<JsonObject> {
  await authorize(ctx, 'users.manage');
  return inTx(ctx, async (tx) => {
    const group = await requireGroup(tx, id);
    const { fields, memberIds } = groupFromScim(body, group);
    const updated = await scimErrors(() => updateGroup(tx, group.id, fields));
    if (memberIds) await setMembers(tx, updated, memberIds);
    return groupResource(tx, updated, baseUrl);
  });
}

/** Returns the group when the caller will show it; Okta and Entra ID only need the status. */
export async function scimPatchGroup(ctx: Ctx, baseUrl: string, id: string, body: unknown): Promise<JsonObject> {
  await authorize(ctx, 'users.manage');
  return inTx(ctx, async (tx) => {
    const group = await requireGroup(tx, id);
    const { resource, members } = applyPatch(await groupResource(tx, group, baseUrl), body, GROUP_RESOURCE_TYPE);
    const { fields } = groupFromScim(resource, group);
    const updated = await scimErrors(() => updateGroup(tx, group.id, fields));
    await applyMembers(tx, updated, members);
    return groupResource(tx, updated, baseUrl);
  });
}

/** Removes the group and its memberships and settings; its members and their content stay. */
export async function scimDeleteGroup(ctx: Ctx, id: string): Promise<void> {
  await authorize(ctx, 'users.manage');
  await inTx(ctx, async (tx) => {
    const group = await requireGroup(tx, id);
    await deleteGroup(tx, group.id, { scim: 'DELETE' });
  });
}
