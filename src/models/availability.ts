/**
 * Feature availability, computed from the registered providers' capabilities
 * and the account's mode and region — never configured (SPEC §7.1). A
 * feature is available when some usable provider has every capability it
 * needs (and some usable provider has each companion capability), or when
 * the built-in engine serves it. Transient health (open circuits) does not
 * change availability; it changes routing.
 */
import { FEATURE_SPECS, type FeatureSpec } from '../core/features.ts';
import type { ProviderInfo } from '../core/provider.ts';
import { BUILTIN_PROVIDER_NAME, isBuiltin } from './builtin-provider.ts';
import { usability, type RouteAccount } from './router.ts';

export interface FeatureAvailability {
  featureId: string;
  available: boolean;
  /** Names of what can serve the feature: `builtin` and/or provider names. Empty when unavailable. */
  servedBy: string[];
  /** How it is served, or exactly why it is not. */
  reason: string;
}

/**
 * Availability of every feature of the catalogue for an account.
 *
 * @example
 * featureAvailability(registry.list(), { homeRegion: 'EU', deploymentMode: 'self-hosted-only' })
 *   .find((f) => f.featureId === 'image.generate');
 * // { available: false, servedBy: [], reason: 'needs image; no usable provider has it in mode self-hosted-only, region EU' }
 */
export function featureAvailability(
  providers: readonly ProviderInfo[],
  account: RouteAccount,
  specs: readonly FeatureSpec[] = FEATURE_SPECS,
): FeatureAvailability[] {
  const usable = providers.filter((info) => !isBuiltin(info) && usability(info, account).usable);
  return specs.map((spec) => availabilityOf(spec, usable, account));
}

function availabilityOf(spec: FeatureSpec, usable: readonly ProviderInfo[], account: RouteAccount): FeatureAvailability {
  const where = `in mode ${account.deploymentMode}, region ${account.homeRegion.toUpperCase()}`;
  const generative = spec.capabilities.length === 0 ? [] : usable.filter((info) => spec.capabilities.every((c) => info.capabilities.includes(c)));
  const missingCompanions = spec.companions.filter((c) => !usable.some((info) => info.capabilities.includes(c)));
  const models = missingCompanions.length === 0 ? generative.map((info) => info.name) : [];

  if (spec.builtin !== 'none') {
    const servedBy = [BUILTIN_PROVIDER_NAME, ...models];
    if (spec.builtin === 'full') {
      return { featureId: spec.id, available: true, servedBy, reason: models.length > 0 ? `built-in engine; also ${models.join(', ')}` : 'built-in engine' };
    }
    const partial = spec.builtin === 'template' ? 'a template' : 'statistics only';
    const reason =
      models.length > 0
        ? `built-in engine (${partial}) or ${models.join(', ')}`
        : `served by ${partial} from the built-in engine; ${missingText(spec, usable)} ${where}`;
    return { featureId: spec.id, available: true, servedBy, reason };
  }

  if (spec.capabilities.length === 0) {
    return { featureId: spec.id, available: false, servedBy: [], reason: 'declares no capability and the built-in engine does not serve it' };
  }
  if (generative.length === 0) {
    return { featureId: spec.id, available: false, servedBy: [], reason: `${missingText(spec, usable)} ${where}` };
  }
  if (missingCompanions.length > 0) {
    return {
      featureId: spec.id,
      available: false,
      servedBy: [],
      reason: `needs ${missingCompanions.join(', ')} for ${spec.id}; no usable provider has it ${where}`,
    };
  }
  return { featureId: spec.id, available: true, servedBy: models, reason: `served by ${models.join(', ')}` };
}

/** Which of the needed capabilities is missing, or that no single provider has them together. */
function missingText(spec: FeatureSpec, usable: readonly ProviderInfo[]): string {
  const missing = spec.capabilities.filter((c) => !usable.some((info) => info.capabilities.includes(c)));
  if (missing.length > 0) return `needs ${missing.join(', ')}; no usable provider has ${missing.length > 1 ? 'them' : 'it'}`;
  return `needs ${spec.capabilities.join(' and ')} from one provider; no usable provider has all of them`;
}
