import type { Clock } from './clock.ts';
import type { JobQueue } from './job-queue.ts';
import type { Logger } from './logger.ts';
import type { ModelGateway } from './provider.ts';
import type { Store } from './store.ts';
import type { Account, Actor, User } from './types.ts';

/**
 * Everything a command or feature run needs about the request: who, for which
 * account, and the handles it may use. Created per request; nothing
 * user-specific lives anywhere else.
 */
export interface Ctx {
  readonly store: Store;
  readonly queue: JobQueue;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly account: Account;
  readonly actor: Actor;
  /** The acting user; null only for system actors. */
  readonly user: User | null;
  readonly requestId: string;
  /** Model providers; without it only the built-in engine is available. */
  readonly models?: ModelGateway;
}

/** The same context bound to a transaction's store (and its queue, when transactional). */
export function withStore(ctx: Ctx, store: Store): Ctx {
  return { ...ctx, store, queue: ctx.queue.withStore(store) };
}
