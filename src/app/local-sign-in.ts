import { HOUR } from '../core/clock.ts';
import { withStore } from '../core/context.ts';
import { audit } from '../governance/audit.ts';
import { issueToken } from '../governance/tokens.ts';
import { LOCAL_OWNER_EMAIL, localContext, userContext } from './context.ts';
import type { Services } from './services.ts';

/** How long a printed sign-in link works: a working day, then `confer serve` prints a new one at its next start. */
export const LOCAL_SIGN_IN_HOURS = 8;

/**
 * Whether a listening address is reachable from this machine only.
 *
 * @example
 * isLoopback('127.0.0.1') // true
 * isLoopback('0.0.0.0')   // false
 */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(h);
}

export interface LocalSignIn {
  url: string;
  userName: string;
  expiresAt: Date;
}

/**
 * A link that signs a browser on this machine in as the local owner, the
 * identity the CLI acts as: a short-lived session token in the URL fragment,
 * which browsers never send to a server. Only the local account created by
 * the CLI gets one; an installation with real accounts gets none. On a new
 * database it creates that local account, as the first CLI command would.
 */
export async function localSignInLink(services: Services, baseUrl: string): Promise<LocalSignIn | null> {
  const { store, clock } = services;
  if ((await store.accounts.list()).length === 0) await localContext(services);
  for (const account of await store.accounts.list()) {
    const owner = await store.users.getByEmail(account.id, LOCAL_OWNER_EMAIL);
    if (!owner || owner.status !== 'active') continue;
    const expiresAt = new Date(clock.now().getTime() + LOCAL_SIGN_IN_HOURS * HOUR);
    const ctx = userContext(services, account, owner, 'cli');
    const token = await store.transaction(async (tx) => {
      const issued = await issueToken(tx, clock, { accountId: account.id, userId: owner.id, name: 'local sign-in link', kind: 'session', expiresAt });
      await audit(withStore(ctx, tx), {
        action: 'token.create',
        targetType: 'token',
        targetId: issued.record.id,
        details: { userId: owner.id, kind: 'session', expiresAt: expiresAt.toISOString() },
      });
      return issued.token;
    });
    return { url: `${baseUrl}/#signin=${token}`, userName: owner.name, expiresAt };
  }
  return null;
}
