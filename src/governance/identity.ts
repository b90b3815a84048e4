import type { Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { User } from '../core/types.ts';

/**
 * Step 1 of the pipeline: the caller is a known, active user of the account.
 * The user is re-read so a deactivation takes effect on the next request.
 */
export async function identify(ctx: Ctx): Promise<User> {
  if (!ctx.user || ctx.actor.type !== 'user') {
    throw new AppError('unauthenticated', 'this action needs a signed-in user');
  }
  const user = await ctx.store.users.get(ctx.account.id, ctx.user.id);
  if (!user) throw new AppError('unauthenticated', 'the user of this session no longer exists');
  if (user.status !== 'active') throw new AppError('forbidden', `user ${user.email} is deactivated`);
  return user;
}
