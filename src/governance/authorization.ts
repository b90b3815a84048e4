import type { Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { Role, User } from '../core/types.ts';
import { audit } from './audit.ts';
import { identify } from './identity.ts';

/**
 * Everything a caller may be allowed to do outside reading their own
 * content. Content access is decided per artifact (access.ts), never by role.
 */
export const PERMISSIONS = [
  /** Upload meetings and use AI features (subject to licences and settings). */
  'content.use',
  /** Read the account's configuration: region, mode, providers, feature availability. */
  'account.read',
  /** Change the account's name, licences and options. */
  'account.manage',
  /** Change the deployment mode: only owners (SPEC §7.1). */
  'account.mode',
  /** Register, change and remove model providers. */
  'providers.manage',
  /** Users, groups, memberships, licences, provisioning (SCIM tokens, CSV). */
  'users.manage',
  /** Feature settings at account, group and user level. */
  'settings.manage',
  /** Read, verify and export the audit log. */
  'audit.read',
  /** Retention, zero data retention, redaction, sharing, disclaimers. */
  'lifecycle.manage',
  /** Legal holds and eDiscovery exports. */
  'holds.manage',
  /** The admin studio (SPEC §9). */
  'studio',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Admins hold everything except changing the deployment mode; `studio` is granted per user. */
const ADMIN: Permission[] = PERMISSIONS.filter((p) => p !== 'account.mode' && p !== 'studio');

const BY_ROLE: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set<Permission>([...ADMIN, 'account.mode']),
  admin: new Set<Permission>(ADMIN),
  member: new Set<Permission>(['content.use']),
};

/** Whether the user holds the permission, by role or (for `studio`) by grant. */
export function can(user: Pick<User, 'role' | 'studio' | 'status'>, permission: Permission): boolean {
  if (user.status !== 'active') return false;
  if (permission === 'studio') return user.studio;
  return BY_ROLE[user.role].has(permission);
}

/**
 * The one authorisation check of routes and commands: the caller is an
 * active user of the account holding the permission. A refusal is audited
 * (`access.denied`) unless the caller is inside a transaction that rolls
 * back with it.
 *
 * @example
 * const admin = await authorize(ctx, 'users.manage');
 */
export async function authorize(ctx: Ctx, permission: Permission): Promise<User> {
  const user = await identify(ctx);
  if (!can(user, permission)) {
    // Refused administrative attempts are part of the record; content use is audited per run instead.
    if (permission !== 'content.use') {
      await audit(ctx, { action: 'access.denied', outcome: 'denied', details: { permission, role: user.role } });
    }
    throw new AppError('forbidden', `${user.email} (${user.role}) may not do this: it needs the ${permission} permission`, {
      details: { permission, role: user.role },
    });
  }
  return user;
}
