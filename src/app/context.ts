import type { Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { Account, Actor, User } from '../core/types.ts';
import { bootstrapAccount } from '../usecases/bootstrap-account.ts';
import type { Services } from './services.ts';

/** A request context for a user acting through an interface. */
export function userContext(services: Services, account: Account, user: User, via: Actor['via'], tokenId?: string): Ctx {
  return {
    store: services.store,
    queue: services.queue,
    clock: services.clock,
    logger: services.logger.child({ account: account.id }),
    account,
    actor: { type: 'user', userId: user.id, tokenId: tokenId ?? null, via },
    user,
    requestId: newId('req'),
    ...(services.models ? { models: services.models } : {}),
  };
}

export const LOCAL_OWNER_EMAIL = 'owner@localhost';

/**
 * The identity of the CLI on this host: `CONFER_ACCOUNT`/`CONFER_USER` when
 * set, else the first account and its first owner. On a new installation it
 * creates a local account, so `confer summarize FILE` works with no setup.
 */
export async function localContext(services: Services): Promise<Ctx> {
  const { store, config } = services;
  let account: Account | null;
  if (config.account) {
    account = await store.accounts.get(config.account);
    if (!account) throw new AppError('not_found', `account ${config.account} (CONFER_ACCOUNT) was not found`);
  } else {
    account = (await store.accounts.list())[0] ?? null;
    if (!account) {
      ({ account } = await bootstrapAccount(store, services.clock, {
        accountName: 'Local',
        region: config.region,
        ownerEmail: LOCAL_OWNER_EMAIL,
        ownerName: 'Local owner',
        tokenName: 'local',
        via: 'cli',
      }));
    }
  }
  let user: User | null;
  if (config.user) {
    user = await store.users.getByEmail(account.id, config.user);
    if (!user) throw new AppError('not_found', `user ${config.user} (CONFER_USER) was not found in account ${account.name}`);
  } else {
    const users = await store.users.list(account.id, { limit: 1000 });
    user = users.items.find((u) => u.role === 'owner' && u.status === 'active') ?? null;
    if (!user) throw new AppError('not_found', `account ${account.name} has no active owner; set CONFER_USER`);
  }
  return userContext(services, account, user, 'cli');
}
