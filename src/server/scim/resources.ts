/**
 * Confer users and groups as SCIM resources, and back.
 *
 * User: `userName` is the email (users sign in by email, so it must look like
 * one); `displayName`, `name.formatted` and `name.givenName`/`familyName` all
 * come from the single `name`, split at the last space; `active` ↔ status;
 * licences live in the Confer extension. Group: `displayName` ↔ name, members
 * are user ids.
 *
 * Reading a resource, attributes it does not carry keep their previous value
 * (or a default for a new user): Okta's PUT sends only the attributes it
 * manages, and must not clear licences it knows nothing of. Attributes Confer
 * does not keep (password, enterprise attributes, phone numbers…) are
 * reported in `ignored` so the caller can say so in the audit log.
 */
import { createHash } from 'node:crypto';
import type { Group, User } from '../../core/types.ts';
import { ScimError } from './errors.ts';
import { isJsonObject, valueOf, type JsonObject, type JsonValue } from './json.ts';
import { CONFER_GROUP_SCHEMA, CONFER_USER_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './schemas.ts';
import { scimUrl } from './urls.ts';

/** Locale of a new user whose identity provider sends none. */
export const DEFAULT_LOCALE = 'en';

export type UserFields = Pick<User, 'email' | 'name' | 'status' | 'externalId' | 'locale' | 'aiAccess' | 'customAddOn'>;
export type GroupFields = Pick<Group, 'name' | 'externalId' | 'aiAccess'>;

export interface UserInput {
  fields: UserFields;
  /** Attribute paths sent with a value that Confer does not keep. */
  ignored: string[];
}

export interface GroupInput {
  fields: GroupFields;
  /** The complete member list when the resource carries `members`; absent means "leave memberships alone". */
  memberIds?: string[];
  ignored: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const LOCALE = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$/;

/**
 * A full name split for `name.givenName` / `name.familyName`: the last word
 * is the family name. Confer keeps one name, so this is a guess for names
 * written family-name first.
 *
 * @example
 * splitName('Mary Ann Lee') // { givenName: 'Mary Ann', familyName: 'Lee' }
 */
export function splitName(name: string): { givenName?: string; familyName?: string } {
  const words = name.trim().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return {};
  if (words.length === 1) return { givenName: words[0] };
  return { givenName: words.slice(0, -1).join(' '), familyName: words[words.length - 1] };
}

/** Changes whenever `updatedAt` does, whichever attributes a response includes. */
function version(id: string, updatedAt: string): string {
  return `W/"${createHash('sha256').update(`${id}\n${updatedAt}`).digest('hex').slice(0, 16)}"`;
}

/**
 * A user as a SCIM User resource. `groups` is listed when given.
 *
 * @example
 * userToScim(user, { baseUrl: 'https://confer.example.com/scim/v2', groups: [{ id: 'grp_1', name: 'Legal' }] }).userName
 * // user.email
 */
export function userToScim(user: User, options: { baseUrl: string; groups?: readonly Pick<Group, 'id' | 'name'>[] }): JsonObject {
  const name = user.name.trim();
  return {
    schemas: [USER_SCHEMA, CONFER_USER_SCHEMA],
    id: user.id,
    ...(user.externalId !== null ? { externalId: user.externalId } : {}),
    userName: user.email,
    ...(name ? { name: { formatted: name, ...splitName(name) }, displayName: name } : {}),
    locale: user.locale,
    active: user.status === 'active',
    emails: [{ value: user.email, type: 'work', primary: true }],
    ...(options.groups
      ? {
          groups: options.groups.map((g) => ({ value: g.id, $ref: scimUrl(options.baseUrl, 'Groups', g.id), display: g.name, type: 'direct' })),
        }
      : {}),
    [CONFER_USER_SCHEMA]: { aiAccess: user.aiAccess, customAddOn: user.customAddOn },
    meta: {
      resourceType: 'User',
      created: user.createdAt,
      lastModified: user.updatedAt,
      location: scimUrl(options.baseUrl, 'Users', user.id),
      version: version(user.id, user.updatedAt),
    },
  };
}

/**
 * A group as a SCIM Group resource. `members` is listed when given; Microsoft
 * Entra ID reads groups with `excludedAttributes=members`, so callers may
 * skip loading them then.
 *
 * @example
 * groupToScim(group, { baseUrl, members: [{ id: 'usr_1', name: 'Ann Lee' }] }).members
 * // [{ value: 'usr_1', $ref: '…/Users/usr_1', display: 'Ann Lee', type: 'User' }]
 */
export function groupToScim(group: Group, options: { baseUrl: string; members?: readonly Pick<User, 'id' | 'name'>[] }): JsonObject {
  return {
    schemas: [GROUP_SCHEMA, CONFER_GROUP_SCHEMA],
    id: group.id,
    ...(group.externalId !== null ? { externalId: group.externalId } : {}),
    displayName: group.name,
    ...(options.members
      ? { members: options.members.map((u) => ({ value: u.id, $ref: scimUrl(options.baseUrl, 'Users', u.id), display: u.name, type: 'User' })) }
      : {}),
    [CONFER_GROUP_SCHEMA]: { aiAccess: group.aiAccess },
    meta: {
      resourceType: 'Group',
      created: group.createdAt,
      lastModified: group.updatedAt,
      location: scimUrl(options.baseUrl, 'Groups', group.id),
      version: version(group.id, group.updatedAt),
    },
  };
}

const invalid = (message: string) => new ScimError('invalidValue', message);

function requireResource(resource: unknown, schema: string): JsonObject {
  if (!isJsonObject(resource)) throw new ScimError('invalidSyntax', 'the request body must be a JSON object');
  const schemas = valueOf(resource, 'schemas');
  const listed = Array.isArray(schemas) && schemas.some((s) => typeof s === 'string' && s.toLowerCase() === schema.toLowerCase());
  if (!listed) throw new ScimError('invalidSyntax', `"schemas" must list "${schema}"`);
  return resource;
}

/** A string attribute: `undefined` when absent or null, otherwise a string or an error naming it. */
function optionalString(value: JsonValue | undefined, path: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`${path} must be a string, got ${JSON.stringify(value)}`);
  return value;
}

/** Text worth using as a name: trimmed and not empty. */
function text(value: JsonValue | undefined, path: string): string | undefined {
  const string = optionalString(value, path)?.trim();
  return string ? string : undefined;
}

/** A boolean attribute; `"True"`/`"False"` strings are read as booleans, as Microsoft Entra ID sends them. */
function optionalBoolean(value: JsonValue | undefined, path: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase())) return value.toLowerCase() === 'true';
  throw invalid(`${path} must be true or false, got ${JSON.stringify(value)}`);
}

function optionalObject(value: JsonValue | undefined, path: string): JsonObject | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isJsonObject(value)) throw invalid(`${path} must be an object, got ${JSON.stringify(value)}`);
  return value;
}

function externalIdOf(resource: JsonObject, previous: string | null | undefined): string | null {
  const value = valueOf(resource, 'externalId');
  if (value === null) return null;
  return optionalString(value, 'externalId') ?? previous ?? null;
}

function hasContent(value: JsonValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isJsonObject(value)) return Object.values(value).some(hasContent);
  return true;
}

/** Paths of attributes sent with content that Confer does not keep. */
function ignoredPaths(resource: JsonObject, kept: ReadonlyMap<string, ReadonlySet<string> | null>): string[] {
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(resource)) {
    if (!hasContent(value)) continue;
    const lower = key.toLowerCase();
    if (!kept.has(lower)) {
      if (lower.startsWith('urn:') && isJsonObject(value)) {
        for (const [name, item] of Object.entries(value)) if (hasContent(item)) ignored.push(`${key}:${name}`);
      } else {
        ignored.push(key);
      }
      continue;
    }
    const subs = kept.get(lower);
    if (subs && isJsonObject(value)) {
      for (const [name, item] of Object.entries(value)) if (!subs.has(name.toLowerCase()) && hasContent(item)) ignored.push(`${key}.${name}`);
    }
  }
  return ignored;
}

/** Top-level attributes a User keeps; for complex ones, the sub-attributes it keeps. `groups` is server-managed. */
const USER_KEPT = new Map<string, ReadonlySet<string> | null>([
  ['schemas', null],
  ['id', null],
  ['meta', null],
  ['externalid', null],
  ['username', null],
  ['name', new Set(['formatted', 'givenname', 'familyname'])],
  ['displayname', null],
  ['locale', null],
  ['active', null],
  ['emails', null],
  ['groups', null],
  [CONFER_USER_SCHEMA.toLowerCase(), new Set(['aiaccess', 'customaddon'])],
]);

const GROUP_KEPT = new Map<string, ReadonlySet<string> | null>([
  ['schemas', null],
  ['id', null],
  ['meta', null],
  ['externalid', null],
  ['displayname', null],
  ['members', null],
  [CONFER_GROUP_SCHEMA.toLowerCase(), new Set(['aiaccess'])],
]);

/** The name to keep: what changed among displayName, name.formatted and given + family name. */
function nameOf(resource: JsonObject, email: string, previous: User | undefined): string {
  const display = text(valueOf(resource, 'displayName'), 'displayName');
  const name = optionalObject(valueOf(resource, 'name'), 'name') ?? {};
  const formatted = text(valueOf(name, 'formatted'), 'name.formatted');
  const givenName = text(valueOf(name, 'givenName'), 'name.givenName');
  const familyName = text(valueOf(name, 'familyName'), 'name.familyName');
  const joined = [givenName, familyName].filter((part) => part !== undefined).join(' ') || undefined;
  if (!previous) return display ?? formatted ?? joined ?? email;
  if (display !== undefined && display !== previous.name) return display;
  if (formatted !== undefined && formatted !== previous.name) return formatted;
  const split = splitName(previous.name);
  if (joined !== undefined && (givenName !== split.givenName || familyName !== split.familyName)) return joined;
  return previous.name;
}

function checkEmails(resource: JsonObject, email: string): boolean {
  const emails = valueOf(resource, 'emails');
  if (emails === undefined || emails === null) return false;
  if (!Array.isArray(emails) || !emails.every((e) => isJsonObject(e) && typeof valueOf(e, 'value') === 'string')) {
    throw invalid('emails must be a list of objects with a string "value"');
  }
  // Only the userName is kept as the address; say so when another one was sent.
  return emails.some((e) => (valueOf(e as JsonObject, 'value') as string).toLowerCase() !== email.toLowerCase());
}

/**
 * The user fields a SCIM User resource (POST or PUT body, or a patched
 * resource) sets, with `previous` the stored user when there is one. Throws a
 * `ScimError` (400) with scimType `invalidSyntax` or `invalidValue` naming
 * the attribute. Uniqueness of the email is for the store to check.
 *
 * @example
 * userFromScim({ schemas: [USER_SCHEMA], userName: 'ann@example.com', name: { givenName: 'Ann', familyName: 'Lee' } }).fields
 * // { email: 'ann@example.com', name: 'Ann Lee', status: 'active', externalId: null, locale: 'en', aiAccess: true, customAddOn: false }
 */
export function userFromScim(body: unknown, previous?: User): UserInput {
  const resource = requireResource(body, USER_SCHEMA);
  const email = text(valueOf(resource, 'userName'), 'userName');
  if (email === undefined) throw invalid("userName is required: the user's email address");
  if (!EMAIL.test(email)) {
    throw invalid(`userName must be the user's email address, as users sign in by email; got ${JSON.stringify(email)} (map userName to the email or user principal name)`);
  }
  const active = optionalBoolean(valueOf(resource, 'active'), 'active');
  const locale = text(valueOf(resource, 'locale'), 'locale');
  if (locale !== undefined && !LOCALE.test(locale)) throw invalid(`locale must be a language tag such as "en-US", got ${JSON.stringify(locale)}`);
  const licences = optionalObject(valueOf(resource, CONFER_USER_SCHEMA), CONFER_USER_SCHEMA) ?? {};
  const aiAccess = optionalBoolean(valueOf(licences, 'aiAccess'), `${CONFER_USER_SCHEMA}:aiAccess`);
  const customAddOn = optionalBoolean(valueOf(licences, 'customAddOn'), `${CONFER_USER_SCHEMA}:customAddOn`);
  const otherEmails = checkEmails(resource, email);

  const ignored = ignoredPaths(resource, USER_KEPT);
  if (otherEmails) ignored.push('emails');
  return {
    fields: {
      email,
      name: nameOf(resource, email, previous),
      status: active === undefined ? (previous?.status ?? 'active') : active ? 'active' : 'deactivated',
      externalId: externalIdOf(resource, previous?.externalId),
      locale: locale?.replaceAll('_', '-') ?? previous?.locale ?? DEFAULT_LOCALE,
      aiAccess: aiAccess ?? previous?.aiAccess ?? true,
      customAddOn: customAddOn ?? previous?.customAddOn ?? false,
    },
    ignored,
  };
}

function memberIdsOf(resource: JsonObject): string[] | undefined {
  const members = valueOf(resource, 'members');
  if (members === undefined || members === null) return undefined;
  if (!Array.isArray(members)) throw invalid('members must be a list');
  const ids = members.map((member) => {
    const id = isJsonObject(member) ? valueOf(member, 'value') : undefined;
    if (typeof id !== 'string' || id === '') throw invalid('each member needs a "value" with the id of a user');
    const type = valueOf(member as JsonObject, 'type');
    if (typeof type === 'string' && type.toLowerCase() !== 'user') {
      throw invalid(`member ${id} is a ${type}: groups can only contain users`);
    }
    return id;
  });
  return [...new Set(ids)];
}

/**
 * The group fields a SCIM Group resource sets, with `previous` the stored
 * group when there is one. Throws a `ScimError` (400) with scimType
 * `invalidSyntax` or `invalidValue` naming the attribute.
 *
 * @example
 * groupFromScim({ schemas: [GROUP_SCHEMA], displayName: 'Legal', members: [{ value: 'usr_1' }] })
 * // { fields: { name: 'Legal', externalId: null, aiAccess: true }, memberIds: ['usr_1'], ignored: [] }
 */
export function groupFromScim(body: unknown, previous?: Group): GroupInput {
  const resource = requireResource(body, GROUP_SCHEMA);
  const name = text(valueOf(resource, 'displayName'), 'displayName');
  if (name === undefined) throw invalid("displayName is required: the group's name");
  const licences = optionalObject(valueOf(resource, CONFER_GROUP_SCHEMA), CONFER_GROUP_SCHEMA) ?? {};
  const aiAccess = optionalBoolean(valueOf(licences, 'aiAccess'), `${CONFER_GROUP_SCHEMA}:aiAccess`);
  const memberIds = memberIdsOf(resource);
  return {
    fields: { name, externalId: externalIdOf(resource, previous?.externalId), aiAccess: aiAccess ?? previous?.aiAccess ?? true },
    ...(memberIds ? { memberIds } : {}),
    ignored: ignoredPaths(resource, GROUP_KEPT),
  };
}
