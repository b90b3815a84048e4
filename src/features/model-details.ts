import { routingOf, type FeatureModels } from './route-step.ts';

/**
 * What the run's audit record says about its model calls: how many, the
 * fallback path across them, tokens, whether any provider retains data, and
 * why the built-in engine served instead of a model. Never content.
 */
export function modelDetails(models: FeatureModels | undefined): Record<string, unknown> {
  if (!models) return {};
  const calls = models.calls;
  return {
    chain: models.chain.map((info) => info.name),
    // Why each registered provider was chosen or excluded: names and rules, no content.
    routing: routingOf(models.route),
    modelCalls: calls.length,
    fallbackPath: calls.flatMap((c) => c.fallbackPath.map((step) => `${step.provider}:${step.outcome}`)),
    inputTokens: calls.reduce((n, c) => n + c.inputTokens, 0),
    outputTokens: calls.reduce((n, c) => n + c.outputTokens, 0),
    retainsData: calls.some((c) => c.retainsData),
    ...(models.builtinFallbackReason ? { builtinFallback: models.builtinFallbackReason } : {}),
  };
}
