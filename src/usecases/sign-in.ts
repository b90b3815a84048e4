/**
 * Signing in through an external identity provider, independent of the
 * protocol: the OIDC adapter (and a SAML one later) turns a verified
 * response into an `ExternalIdentity`; this module maps it onto the
 * directory and opens a session.
 *
 * Claim mapping runs at every sign-in: the user's groups become exactly the
 * groups named in the groups claim (missing groups are created), and the
 * licence claims, when configured and present, set the licences. A first
 * sign-in finds the user by email (so users created by SCIM or CSV sign in
 * as themselves) and links the provider's issuer and subject to them; later
 * sign-ins follow that link, so a changed email at the provider updates the
 * user instead of creating another. A deactivated user is refused and the
 * refusal audited.
 */
import type { Clock } from '../core/clock.ts';
import type { Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { JobQueue } from '../core/job-queue.ts';
import type { Logger } from '../core/logger.ts';
import type { ApiToken, Store } from '../core/store.ts';
import type { Account, Group, User } from '../core/types.ts';
import { audit } from '../governance/audit.ts';
import { authenticateToken, issueToken } from '../governance/tokens.ts';

export interface ExternalIdentity {
  /** `oidc` today; `saml` can produce the same shape. */
  protocol: 'oidc' | 'saml';
  issuer: string;
  subject: string;
  email: string;
  emailVerified?: boolean;
  name?: string;
  /** Group names from the groups claim; undefined when the claim is absent (memberships are then left alone). */
  groups?: string[];
  aiAccess?: boolean;
  customAddOn?: boolean;
}

export interface SignInOptions {
  createUsers: boolean;
  sessionHours: number;
}

export interface SignInServices {
  store: Store;
  clock: Clock;
  queue: JobQueue;
  logger: Logger;
}

/** Why a sign-in was refused, as `details.refusal` of the error: a stable id the web app explains. */
export type SignInRefusal = 'email' | 'deactivated' | 'not_provisioned';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

function systemCtx(services: SignInServices, account: Account, via: 'web' | 'api'): Ctx {
  return {
    store: services.store,
    queue: services.queue,
    clock: services.clock,
    logger: services.logger,
    account,
    actor: { type: 'system', userId: null, via },
    user: null,
    requestId: newId('req'),
  };
}

async function groupIdsByName(ctx: Ctx, names: string[]): Promise<{ ids: string[]; created: string[] }> {
  const all: Group[] = await ctx.store.groups.list(ctx.account.id);
  const ids: string[] = [];
  const created: string[] = [];
  for (const raw of [...new Set(names.map((n) => n.trim()).filter(Boolean))]) {
    let group = all.find((g) => g.name.toLowerCase() === raw.toLowerCase() || g.externalId === raw);
    if (!group) {
      const now = ctx.clock.now().toISOString();
      group = { id: newId('grp'), accountId: ctx.account.id, name: raw, externalId: null, aiAccess: true, createdAt: now, updatedAt: now };
      await ctx.store.groups.create(group);
      await audit(ctx, { action: 'group.create', targetType: 'group', targetId: group.id, details: { name: raw, source: 'sign-in claims' } });
      all.push(group);
      created.push(raw);
    }
    ids.push(group.id);
  }
  return { ids, created };
}

/**
 * Maps a verified identity onto the account's directory and opens a session.
 * Returns the session token (for the cookie) and the user.
 */
export async function signIn(
  services: SignInServices,
  account: Account,
  identity: ExternalIdentity,
  opts: SignInOptions,
): Promise<{ user: User; session: string; expiresAt: Date }> {
  const email = identity.email.trim().toLowerCase();
  const ctx = systemCtx(services, account, 'web');
  const denied = async (refusal: SignInRefusal, reason: string, userId: string | null) => {
    await audit(ctx, { action: 'auth.sign_in', targetType: 'user', targetId: userId, outcome: 'denied', details: { protocol: identity.protocol, issuer: identity.issuer, email, reason } });
    return new AppError('forbidden', reason, { details: { refusal } });
  };
  if (!EMAIL.test(email)) throw await denied('email', 'the identity provider sent no usable email address', null);
  if (identity.emailVerified === false) throw await denied('email', `the identity provider has not verified ${email}`, null);

  // The provider's subject identifies the person even after an email change; the email links a first sign-in.
  const link = await services.store.identities.find(account.id, identity.issuer, identity.subject);
  const linked = link ? await services.store.users.get(account.id, link.userId) : null;
  const existing = linked ?? (await services.store.users.getByEmail(account.id, email));
  if (existing && existing.status !== 'active') throw await denied('deactivated', `user ${email} is deactivated`, existing.id);
  if (!existing && !opts.createUsers) throw await denied('not_provisioned', `${email} has no Confer account; ask an administrator to provision it`, null);

  const expiresAt = new Date(services.clock.now().getTime() + opts.sessionHours * 3_600_000);
  return services.store.transaction(async (store) => {
    const tx: Ctx = { ...ctx, store, queue: ctx.queue.withStore(store) };
    const now = services.clock.now().toISOString();
    let user: User;
    const changes: Record<string, unknown> = {};
    if (!existing) {
      user = {
        id: newId('usr'),
        accountId: account.id,
        email,
        name: identity.name?.trim() || email,
        role: 'member',
        studio: false,
        status: 'active',
        aiAccess: identity.aiAccess ?? true,
        customAddOn: identity.customAddOn ?? false,
        locale: 'en',
        externalId: null,
        createdAt: now,
        updatedAt: now,
      };
      await store.users.create(user);
      await audit(tx, { action: 'user.create', targetType: 'user', targetId: user.id, details: { source: 'sign-in', protocol: identity.protocol, aiAccess: user.aiAccess, customAddOn: user.customAddOn } });
    } else {
      user = existing;
      if (identity.aiAccess !== undefined && identity.aiAccess !== user.aiAccess) changes.aiAccess = identity.aiAccess;
      if (identity.customAddOn !== undefined && identity.customAddOn !== user.customAddOn) changes.customAddOn = identity.customAddOn;
      if (identity.name?.trim() && identity.name.trim() !== user.name) changes.name = identity.name.trim();
      if (email !== user.email) {
        const holder = await store.users.getByEmail(account.id, email);
        if (holder && holder.id !== user.id) {
          throw new AppError('conflict', `${email} now belongs to another user; the identity provider's account for ${user.email} cannot take it`);
        }
        changes.email = email;
      }
      if (Object.keys(changes).length) {
        await store.users.update(account.id, user.id, { ...changes, updatedAt: now });
        user = { ...user, ...changes, updatedAt: now };
        await audit(tx, { action: 'user.update', targetType: 'user', targetId: user.id, details: { changes, source: 'sign-in claims' } });
      }
    }
    let groups: { added: string[]; removed: string[]; created: string[] } | null = null;
    if (identity.groups) {
      const { ids, created } = await groupIdsByName(tx, identity.groups);
      const current = (await store.groups.groupsOf(account.id, user.id)).map((g) => g.id);
      const added = ids.filter((id) => !current.includes(id));
      const removed = current.filter((id) => !ids.includes(id));
      for (const id of added) await store.groups.addMember(account.id, id, user.id);
      for (const id of removed) await store.groups.removeMember(account.id, id, user.id);
      if (added.length || removed.length) {
        await audit(tx, { action: 'user.groups', targetType: 'user', targetId: user.id, details: { added, removed, source: 'sign-in claims' } });
      }
      groups = { added, removed, created };
    }
    await store.identities.upsert({
      accountId: account.id,
      issuer: identity.issuer,
      subject: identity.subject,
      protocol: identity.protocol,
      userId: user.id,
      createdAt: link?.createdAt ?? now,
      lastSignInAt: now,
    });
    const { token, record } = await issueToken(store, services.clock, { accountId: account.id, userId: user.id, name: `${identity.protocol} session`, kind: 'session', expiresAt });
    await audit(
      { ...tx, actor: { type: 'user', userId: user.id, via: 'web', tokenId: record.id } },
      {
        action: 'auth.sign_in',
        targetType: 'user',
        targetId: user.id,
        details: { protocol: identity.protocol, issuer: identity.issuer, subject: identity.subject, sessionId: record.id, ...(groups ? { groups } : {}), ...(Object.keys(changes).length ? { licences: changes } : {}) },
      },
    );
    return { user, session: token, expiresAt };
  });
}

/** Ends a session: the token is revoked and the sign-out audited. Unknown or expired sessions end quietly. */
export async function signOut(services: SignInServices, session: string): Promise<void> {
  let found: { account: Account; user: User; token: ApiToken };
  try {
    found = await authenticateToken(services.store, services.clock, session, ['session']);
  } catch {
    return;
  }
  const ctx: Ctx = { ...systemCtx(services, found.account, 'web'), actor: { type: 'user', userId: found.user.id, via: 'web', tokenId: found.token.id }, user: found.user };
  await services.store.transaction(async (store) => {
    await store.tokens.revoke(found.account.id, found.token.id, services.clock.now().toISOString());
    await audit({ ...ctx, store }, { action: 'auth.sign_out', targetType: 'user', targetId: found.user.id, details: { sessionId: found.token.id } });
  });
}

