import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import { newId, newSecret } from '../core/ids.ts';
import type { ApiToken, Store } from '../core/store.ts';
import type { Account, User } from '../core/types.ts';

export const TOKEN_PREFIX = 'cfr_';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Creates a bearer token for a user. Only its SHA-256 is stored; the
 * plaintext is returned once, to be shown once.
 */
export async function issueToken(
  store: Store,
  clock: Clock,
  opts: { accountId: string; userId: string; name: string; kind?: ApiToken['kind']; expiresAt?: Date | null },
): Promise<{ token: string; record: ApiToken }> {
  const token = `${TOKEN_PREFIX}${newSecret(32)}`;
  const record: ApiToken = {
    id: newId('tok'),
    accountId: opts.accountId,
    userId: opts.userId,
    name: opts.name,
    hash: hashToken(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    kind: opts.kind ?? 'api',
    createdAt: clock.now().toISOString(),
    expiresAt: opts.expiresAt ? opts.expiresAt.toISOString() : null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await store.tokens.create(record);
  return { token, record };
}

const KIND_NAMES: Record<ApiToken['kind'], string> = { api: 'an API token', session: 'a web session', scim: 'a SCIM token' };

/**
 * Resolves a bearer token to its account and active user. Every failure is
 * the same 401 with a reason, so a caller cannot probe which tokens exist;
 * only someone holding a real token learns which kind it is, when it was
 * sent where that kind is not accepted.
 */
export async function authenticateToken(
  store: Store,
  clock: Clock,
  token: string,
  kinds: ApiToken['kind'][] = ['api', 'session'],
): Promise<{ account: Account; user: User; token: ApiToken }> {
  const invalid = (why: string) =>
    new AppError('unauthenticated', kinds.length === 1 && kinds[0] === 'session' ? `the session cookie is invalid or expired (${why}); sign in again` : `invalid bearer token: ${why}`);
  if (!token.startsWith(TOKEN_PREFIX)) throw invalid('not a Confer token');
  const record = await store.tokens.findByHash(hashToken(token));
  if (!record) throw invalid('unknown token');
  if (!kinds.includes(record.kind)) throw invalid(`${KIND_NAMES[record.kind]} is not accepted here; send ${kinds.map((k) => KIND_NAMES[k]).join(' or ')}`);
  const now = clock.now();
  if (record.revokedAt) throw invalid('revoked');
  if (record.expiresAt && new Date(record.expiresAt) <= now) throw invalid('expired');
  const [account, user] = await Promise.all([store.accounts.get(record.accountId), store.users.get(record.accountId, record.userId)]);
  if (!account || !user) throw invalid('unknown token');
  if (user.status !== 'active') throw invalid(`user ${user.email} is deactivated`);
  // Recording use is best-effort and must not slow every request down with a write lock.
  if (!record.lastUsedAt || now.getTime() - new Date(record.lastUsedAt).getTime() > 60_000) {
    await store.tokens.touch(record.id, now.toISOString()).catch(() => {});
  }
  return { account, user, token: record };
}
