/**
 * API and SCIM bearer tokens. Anyone may hold API tokens for themself; SCIM
 * tokens act for the directory and need `users.manage`, and an admin may
 * list or revoke any token of the account. Plaintext is returned once.
 */
import type { Ctx } from '../core/context.ts';
import { AppError, invalidInput, notFound } from '../core/errors.ts';
import { CONTROL_CHARACTERS_REFUSED, hasControlCharacters } from '../core/text.ts';
import type { ApiToken } from '../core/store.ts';
import { audit } from '../governance/audit.ts';
import { authorize, can } from '../governance/authorization.ts';
import { identify } from '../governance/identity.ts';
import { issueToken } from '../governance/tokens.ts';
import { inTx } from './directory.ts';

export type TokenView = Omit<ApiToken, 'hash'>;

const view = ({ hash: _hash, ...rest }: ApiToken): TokenView => rest;

export async function createToken(
  ctx: Ctx,
  req: { name: string; kind?: 'api' | 'scim'; expiresInDays?: number },
): Promise<{ token: string; record: TokenView }> {
  const kind = req.kind ?? 'api';
  const user = kind === 'scim' ? await authorize(ctx, 'users.manage') : await identify(ctx);
  if (!req.name.trim() || req.name.length > 100) throw invalidInput('invalid token', [{ path: 'name', message: 'a name of 1–100 characters is required' }]);
  if (hasControlCharacters(req.name)) throw invalidInput('invalid token', [{ path: 'name', message: `a token name ${CONTROL_CHARACTERS_REFUSED}` }]);
  if (req.expiresInDays !== undefined && (!Number.isInteger(req.expiresInDays) || req.expiresInDays < 1 || req.expiresInDays > 3650)) {
    throw invalidInput('invalid token', [{ path: 'expiresInDays', message: 'a whole number of days from 1 to 3650' }]);
  }
  const expiresAt = req.expiresInDays ? new Date(ctx.clock.now().getTime() + req.expiresInDays * 86_400_000) : null;
  return inTx(ctx, async (tx) => {
    const { token, record } = await issueToken(tx.store, ctx.clock, { accountId: ctx.account.id, userId: user.id, name: req.name.trim(), kind, expiresAt });
    await audit(tx, { action: 'token.create', targetType: 'token', targetId: record.id, details: { kind, name: record.name, userId: user.id } });
    return { token, record: view(record) };
  });
}

/** The caller's tokens; with `users.manage`, every token of the account. Sessions are left out. */
export async function listTokens(ctx: Ctx, opts: { all?: boolean } = {}): Promise<TokenView[]> {
  const user = await identify(ctx);
  const all = opts.all && can(user, 'users.manage');
  if (opts.all && !all) throw new AppError('forbidden', 'listing every token needs the users.manage permission');
  const tokens = await ctx.store.tokens.list(ctx.account.id, all ? undefined : user.id);
  return tokens.filter((t) => t.kind !== 'session').map(view);
}

export async function revokeToken(ctx: Ctx, id: string): Promise<TokenView> {
  const user = await identify(ctx);
  return inTx(ctx, async (tx) => {
    const token = (await tx.store.tokens.list(ctx.account.id)).find((t) => t.id === id || t.prefix === id);
    if (!token || (token.userId !== user.id && !can(user, 'users.manage'))) throw notFound('token', id);
    if (token.revokedAt) return view(token);
    const at = ctx.clock.now().toISOString();
    await tx.store.tokens.revoke(ctx.account.id, token.id, at);
    await audit(tx, { action: 'token.revoke', targetType: 'token', targetId: token.id, details: { kind: token.kind, userId: token.userId } });
    return view({ ...token, revokedAt: at });
  });
}
