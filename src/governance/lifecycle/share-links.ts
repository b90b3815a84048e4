/**
 * Shared summary links (SPEC §8.5): revocable, with an optional expiry, and
 * an account option that requires signing in to open them. Creating,
 * revoking and every attempt to open a link are audited.
 */
import { withStore, type Ctx } from '../../core/context.ts';
import { AppError, invalidInput, notFound } from '../../core/errors.ts';
import { newId, newSecret } from '../../core/ids.ts';
import type { ShareLink } from '../../core/lifecycle.ts';
import type { Store } from '../../core/store.ts';
import type { Clock } from '../../core/clock.ts';
import type { Output, User } from '../../core/types.ts';
import { readOutputArtifact } from '../access.ts';
import { audit } from '../audit.ts';
import { authorize, can } from '../authorization.ts';
import { identify } from '../identity.ts';
import { hashToken } from '../tokens.ts';
import { systemContext } from './system-context.ts';
import { accountSetting } from '../settings/account-setting.ts';
import { effectiveSetting } from '../settings/effective.ts';
import { accountFlag } from './zero-data-retention.ts';

export const SHARE_TOKEN_PREFIX = 'shr_';
export const REQUIRE_SIGN_IN_SETTING = 'sharing.require_sign_in';
export const LINKS_ENABLED_SETTING = 'sharing.links_enabled';
const SHAREABLE = new Set(['meeting.summary']);

/** A link as shown to its creator: the token only once, at creation. */
export type ShareLinkView = Omit<ShareLink, 'tokenHash'> & { token?: string };
const view = (l: ShareLink, token?: string): ShareLinkView => {
  const { tokenHash: _hash, ...rest } = l;
  return token ? { ...rest, token } : rest;
};

async function shareableOutput(ctx: Ctx, user: User, outputId: string): Promise<Output> {
  const output = await ctx.store.outputs.get(ctx.account.id, outputId);
  if (!output || !output.artifactId) throw notFound('summary', outputId);
  await readOutputArtifact(ctx, user, output, 'summary');
  if (!SHAREABLE.has(output.featureId)) throw invalidInput(`only meeting summaries can be shared; ${outputId} is a ${output.featureId} output`, [{ path: 'outputId', message: 'not a summary' }]);
  return output;
}

/**
 * Creates a share link for a summary the caller may read.
 *
 * @example
 * const { token } = await createShareLink(ctx, 'out_…', { expiresAt: '2026-04-01T00:00:00Z' });
 */
export async function createShareLink(ctx: Ctx, outputId: string, opts: { expiresAt?: string | null } = {}): Promise<ShareLinkView> {
  const user = await identify(ctx);
  await shareableOutput(ctx, user, outputId);
  const sharing = await effectiveSetting(ctx, user, LINKS_ENABLED_SETTING);
  if (sharing.value !== true) {
    await audit(ctx, { action: 'share.create', targetType: 'output', targetId: outputId, outcome: 'denied', details: { reason: 'links_disabled' } });
    throw new AppError('feature_disabled', `sharing summaries by link is turned off (${LINKS_ENABLED_SETTING}: ${sharing.explanation})`, {
      details: { feature: LINKS_ENABLED_SETTING, decidedBy: sharing.decidedBy },
    });
  }
  let expiresAt: string | null = null;
  if (opts.expiresAt) {
    const t = Date.parse(opts.expiresAt);
    if (Number.isNaN(t)) throw invalidInput(`expiresAt "${opts.expiresAt}" is not an ISO-8601 date`, [{ path: 'expiresAt', message: 'not an ISO-8601 date' }]);
    if (t <= ctx.clock.now().getTime()) throw invalidInput('expiresAt is in the past', [{ path: 'expiresAt', message: 'must be in the future' }]);
    expiresAt = new Date(t).toISOString();
  }
  const token = `${SHARE_TOKEN_PREFIX}${newSecret(32)}`;
  const link: ShareLink = {
    id: newId('shr'),
    accountId: ctx.account.id,
    outputId,
    tokenHash: hashToken(token),
    createdBy: user.id,
    createdAt: ctx.clock.now().toISOString(),
    expiresAt,
    revokedAt: null,
  };
  await ctx.store.transaction(async (tx) => {
    await tx.shareLinks.create(link);
    await audit(withStore(ctx, tx), { action: 'share.create', targetType: 'share_link', targetId: link.id, details: { outputId, expiresAt } });
  });
  return view(link, token);
}

export async function listShareLinks(ctx: Ctx, outputId: string): Promise<ShareLinkView[]> {
  const user = await identify(ctx);
  await shareableOutput(ctx, user, outputId);
  return (await ctx.store.shareLinks.listForOutput(ctx.account.id, outputId)).map((l) => view(l));
}

/** The account's links that still open (neither revoked nor expired), newest first, for admins. */
export async function listActiveShareLinks(ctx: Ctx, limit = 200): Promise<ShareLinkView[]> {
  await authorize(ctx, 'lifecycle.manage');
  return (await ctx.store.shareLinks.listActive(ctx.account.id, ctx.clock.now().toISOString(), limit)).map((l) => view(l));
}

/** Revokes a link: its creator or an admin with `lifecycle.manage`. */
export async function revokeShareLink(ctx: Ctx, id: string): Promise<void> {
  const user = await identify(ctx);
  const link = await ctx.store.shareLinks.get(ctx.account.id, id);
  if (!link || (link.createdBy !== user.id && !can(user, 'lifecycle.manage'))) throw notFound('share link', id);
  await ctx.store.transaction(async (tx) => {
    await tx.shareLinks.revoke(ctx.account.id, id, ctx.clock.now().toISOString());
    await audit(withStore(ctx, tx), { action: 'share.revoke', targetType: 'share_link', targetId: id, details: { outputId: link.outputId } });
  });
}

export interface ShareHandles {
  store: Store;
  clock: Clock;
  queue: Ctx['queue'];
  logger: Ctx['logger'];
}

/**
 * Opens a shared summary by its token. `viewer` is the signed-in user, if
 * any. Every attempt is audited, including refused ones; an unknown,
 * revoked, expired or deleted link is "not found" alike. The meeting's
 * title comes along, as a summary email shows it.
 */
export async function openShareLink(handles: ShareHandles, token: string, viewer: User | null): Promise<{ output: Output; title: string }> {
  const link = token.startsWith(SHARE_TOKEN_PREFIX) ? await handles.store.shareLinks.findByTokenHash(hashToken(token)) : null;
  if (!link) throw new AppError('not_found', 'this share link does not exist or was revoked');
  const account = await handles.store.accounts.get(link.accountId);
  if (!account) throw new AppError('not_found', 'this share link does not exist or was revoked');
  const ctx: Ctx = viewer
    ? { ...systemContext(handles, account), actor: { type: 'user', userId: viewer.id, via: 'web' }, user: viewer }
    : { ...systemContext(handles, account), actor: { type: 'system', userId: null, via: 'web' } };
  const refuse = async (error: AppError, reason: string) => {
    await audit(ctx, { action: 'share.open', targetType: 'share_link', targetId: link.id, outcome: 'denied', details: { reason, anonymous: viewer === null } });
    return error;
  };
  if (link.revokedAt) throw await refuse(new AppError('not_found', 'this share link does not exist or was revoked'), 'revoked');
  if (link.expiresAt && Date.parse(link.expiresAt) <= handles.clock.now().getTime()) {
    throw await refuse(new AppError('not_found', `this share link expired on ${link.expiresAt}`), 'expired');
  }
  if (viewer && (viewer.accountId !== account.id || viewer.status !== 'active')) {
    throw await refuse(new AppError('forbidden', 'this link belongs to another organisation'), 'other_account');
  }
  // Sharing turned off for whoever made the link closes it too (for a creator no longer in the directory, as the account says).
  const creator = link.createdBy ? await handles.store.users.get(account.id, link.createdBy) : null;
  const enabled = creator
    ? (await effectiveSetting(ctx, creator, LINKS_ENABLED_SETTING)).value
    : await accountSetting(handles.store, account.id, LINKS_ENABLED_SETTING);
  if (enabled !== true) {
    throw await refuse(new AppError('not_found', 'this share link no longer opens: the organisation turned sharing by link off'), 'links_disabled');
  }
  if (!viewer && (await accountFlag(handles.store, account.id, REQUIRE_SIGN_IN_SETTING))) {
    throw await refuse(new AppError('unauthenticated', 'sign in to open this shared summary: the organisation requires it'), 'sign_in_required');
  }
  const output = await handles.store.outputs.get(account.id, link.outputId);
  const artifact = output?.artifactId ? await handles.store.artifacts.get(account.id, output.artifactId) : null;
  if (!output || !artifact) throw await refuse(new AppError('not_found', 'the shared summary was deleted'), 'deleted');
  await audit(ctx, { action: 'share.open', targetType: 'share_link', targetId: link.id, details: { outputId: output.id, anonymous: viewer === null } });
  return { output, title: artifact.title };
}
