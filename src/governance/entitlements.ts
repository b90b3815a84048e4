import type { Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { FeatureSpec } from '../core/features.ts';
import type { User } from '../core/types.ts';

/**
 * Step 2 of the pipeline: the licence the feature needs. Base AI access needs
 * the account's paid licence, the user's assignment, and no group of the user
 * withholding it; studio features need the custom add-on.
 */
export async function checkEntitlement(ctx: Ctx, user: User, spec: FeatureSpec): Promise<void> {
  if (spec.addOn) {
    if (!user.customAddOn) {
      throw new AppError('not_entitled', `${spec.id} needs the custom add-on licence, which ${user.email} does not hold`, {
        details: { feature: spec.id, licence: 'customAddOn' },
      });
    }
    return;
  }
  if (!ctx.account.baseAiLicence) {
    throw new AppError('not_entitled', `account ${ctx.account.name} has no AI licence`, { details: { feature: spec.id, licence: 'account' } });
  }
  if (!user.aiAccess) {
    throw new AppError('not_entitled', `${user.email} has no AI licence assigned`, { details: { feature: spec.id, licence: 'user' } });
  }
  const restricting = (await ctx.store.groups.groupsOf(ctx.account.id, user.id)).find((g) => !g.aiAccess);
  if (restricting) {
    throw new AppError('not_entitled', `AI access is restricted for group ${restricting.name}`, {
      details: { feature: spec.id, licence: 'group', groupId: restricting.id },
    });
  }
}
