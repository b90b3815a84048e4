import type { Ctx } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import type { FeatureSpec } from '../core/features.ts';
import type { Route } from './feature.ts';

/**
 * Step 7 of the pipeline: choose where the run executes. The built-in engine
 * runs in process, so it is allowed in every mode and region.
 */
export function routeFeature(ctx: Ctx, spec: FeatureSpec, requested?: string): Route {
  if (requested && requested !== 'builtin') {
    throw new AppError('feature_unavailable', `provider ${requested} is not registered`, { details: { feature: spec.id, provider: requested } });
  }
  if (spec.builtin === 'none') {
    throw new AppError(
      'feature_unavailable',
      `${spec.id} needs ${spec.capabilities.join(', ')}; no usable provider has it in mode ${ctx.account.deploymentMode}, region ${ctx.account.homeRegion}`,
      { details: { feature: spec.id, needs: spec.capabilities } },
    );
  }
  return {
    provider: 'builtin',
    model: null,
    region: ctx.account.homeRegion,
    reasons: [{ provider: 'builtin', chosen: true, reason: 'built-in engine; runs in process in every mode and region' }],
  };
}
