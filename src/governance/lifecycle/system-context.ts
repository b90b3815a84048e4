import type { Ctx } from '../../core/context.ts';
import type { Clock } from '../../core/clock.ts';
import { newId } from '../../core/ids.ts';
import type { JobQueue } from '../../core/job-queue.ts';
import type { Logger } from '../../core/logger.ts';
import type { Store } from '../../core/store.ts';
import type { Account } from '../../core/types.ts';

/** A context for work the system does on an account's behalf (sweeps, scheduled deletions). */
export function systemContext(handles: { store: Store; queue: JobQueue; clock: Clock; logger: Logger }, account: Account): Ctx {
  return {
    store: handles.store,
    queue: handles.queue,
    clock: handles.clock,
    logger: handles.logger.child({ account: account.id }),
    account,
    actor: { type: 'system', userId: null, via: 'job' },
    user: null,
    requestId: newId('req'),
  };
}
