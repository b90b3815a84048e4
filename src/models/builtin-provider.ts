/**
 * The built-in engine as a routing entry. The engine itself is called by the
 * features; this entry exists so that routing decisions, fallback paths and
 * audit records can name it like any other provider.
 */
import type { Provider, ProviderInfo } from '../core/provider.ts';

export const BUILTIN_PROVIDER_NAME = 'builtin';

/**
 * Runs in process on the operator's own infrastructure, so it is `self`
 * hosted and processes data wherever Confer runs (`*`). It has no generative
 * capabilities; which features it serves is declared per feature
 * (`FeatureSpec.builtin`). Its context window is not a limit (`0` = not
 * applicable), and it keeps nothing beyond what the features store.
 */
export const BUILTIN_PROVIDER_INFO: Readonly<ProviderInfo> = Object.freeze({
  name: BUILTIN_PROVIDER_NAME,
  kind: 'builtin',
  hosting: 'self',
  regions: ['*'],
  capabilities: [],
  models: {},
  contextWindow: 0,
  retainsData: false,
});

/** The built-in engine behind the `Provider` interface: metadata only, no model methods. */
export const builtinProvider: Provider = Object.freeze({ info: BUILTIN_PROVIDER_INFO });

/**
 * Whether a provider entry is the built-in engine.
 *
 * @example
 * isBuiltin(BUILTIN_PROVIDER_INFO); // true
 */
export function isBuiltin(info: Pick<ProviderInfo, 'kind'>): boolean {
  return info.kind === 'builtin';
}
