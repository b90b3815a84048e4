import type { Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { FeatureSpec } from '../core/features.ts';
import type { User } from '../core/types.ts';
import { featureSettingKey } from './settings/catalogue.ts';
import { effectiveSetting } from './settings/effective.ts';

/**
 * Step 3 of the pipeline: the feature's on/off setting as it applies to this
 * user (account, groups, user, with locks). The refusal names the level that
 * decided, e.g. "meeting.summary is off: locked by group Legal".
 */
export async function checkFeatureEnabled(ctx: Ctx, user: User, spec: FeatureSpec): Promise<void> {
  const resolved = await effectiveSetting(ctx, user, featureSettingKey(spec.id));
  if (resolved.value === false) {
    throw new AppError('feature_disabled', `${spec.id} is ${resolved.explanation}`, {
      details: { feature: spec.id, decidedBy: resolved.decidedBy },
    });
  }
}
