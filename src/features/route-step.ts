import type { Ctx } from '../core/context.ts';
import { AppError, toAppError } from '../core/errors.ts';
import type { FeatureSpec } from '../core/features.ts';
import type { ModelAttempt, ModelRoute, Provider, ProviderInfo, RouteNeeds } from '../core/provider.ts';
import type { Capability, User } from '../core/types.ts';
import { audit } from '../governance/audit.ts';
import { effectiveSetting } from '../governance/settings/effective.ts';
import type { ContextArtifact, Route } from './feature.ts';

const BUILTIN = 'builtin';

/** Rough token count of text (4 characters a token), for routing against context windows. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** What one model call of a run was, for the audit record. Never content. */
export interface ModelCallRecord {
  provider: string;
  model: string | null;
  region: string;
  mode: string;
  capability: Capability;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  outcome: 'ok' | 'error';
  /** Every provider tried, in order, with its outcome. */
  fallbackPath: { provider: string; outcome: string; errorCode?: string; status?: number }[];
  retainsData: boolean;
  error?: string;
}

/** Estimated input size of a run: its input plus the transcripts it reads. */
export function inputTokensOf(input: unknown, context: ContextArtifact[]): number {
  const transcript = context.reduce((sum, c) => sum + c.segments.reduce((n, s) => n + s.text.length + s.speaker.length + 16, 0), 0);
  return estimateTokens(JSON.stringify(input ?? '')) + Math.ceil(transcript / 4);
}

/**
 * The providers a feature run may use, as the router ordered them, and the
 * one way features call them: down the generative part of the chain, each
 * call audited (provider, model, region, mode, capability, tokens, latency,
 * outcome, fallback path, whether the provider retains data).
 */
export class FeatureModels {
  readonly calls: ModelCallRecord[] = [];
  /** Set when the built-in engine served after a model failed or answered badly. */
  builtinFallbackReason: string | null = null;

  constructor(
    private readonly ctx: Ctx,
    readonly spec: FeatureSpec,
    readonly route: ModelRoute,
    /** Estimated input tokens the route was computed for. */
    readonly inputTokens: number,
  ) {}

  /** The full chain, built-in engine included where it serves the feature. */
  get chain(): ProviderInfo[] {
    return this.route.chain;
  }

  /** The generative providers of the chain, in order. */
  get generative(): ProviderInfo[] {
    return this.route.chain.filter((info) => info.name !== BUILTIN);
  }

  /** The built-in engine is in the chain (as first choice or last resort). */
  get builtinAllowed(): boolean {
    return this.route.chain.some((info) => info.name === BUILTIN);
  }

  /** The built-in engine is the first choice. */
  get builtinFirst(): boolean {
    return this.route.chain[0]?.name === BUILTIN;
  }

  /** Where the named provider of this route processes the account's data. */
  regionOf(provider: string): string {
    const info = this.route.chain.find((i) => i.name === provider) ?? this.route.companions.moderation?.find((i) => i.name === provider);
    return info ? regionOf(info, this.ctx.account.homeRegion) : this.ctx.account.homeRegion;
  }

  /** Providers for a companion capability (e.g. moderation), in order. */
  companions(capability: Capability): ProviderInfo[] {
    return this.route.companions[capability] ?? [];
  }

  /**
   * Calls `operation` on the generative chain (or `chain`), moving down it on
   * provider failures. Returns the value and the provider that gave it.
   */
  async call<T>(
    capability: Capability,
    operation: (provider: Provider) => Promise<T>,
    options: { chain?: ProviderInfo[]; usage?: (value: T) => { inputTokens: number; outputTokens: number } | undefined; model?: (value: T) => string | undefined } = {},
  ): Promise<{ value: T; provider: ProviderInfo }> {
    const chain = options.chain ?? this.generative;
    const gateway = this.ctx.models;
    if (!gateway || chain.length === 0) {
      throw new AppError('feature_unavailable', `${this.spec.id} needs a generative model with ${capability}; none is usable for this request`);
    }
    const started = performance.now();
    try {
      const { value, provider, attempts } = await gateway.run(this.ctx.account.id, chain, operation);
      const usage = options.usage?.(value) ?? (value as { usage?: { inputTokens: number; outputTokens: number } }).usage;
      await this.record({
        provider,
        model: options.model?.(value) ?? (value as { model?: string }).model ?? provider.models[capability] ?? null,
        capability,
        usage,
        latencyMs: performance.now() - started,
        outcome: 'ok',
        attempts,
      });
      return { value, provider };
    } catch (thrown) {
      const error = toAppError(thrown);
      const attempts = (Array.isArray(error.details?.attempts) ? error.details.attempts : []) as ModelAttempt[];
      const last = chain.find((info) => info.name === attempts.at(-1)?.provider) ?? chain[0];
      await this.record({ provider: last, model: last.models[capability] ?? null, capability, latencyMs: performance.now() - started, outcome: 'error', attempts, error: error.code });
      throw error;
    }
  }

  private async record(call: {
    provider: ProviderInfo;
    model: string | null;
    capability: Capability;
    usage?: { inputTokens: number; outputTokens: number };
    latencyMs: number;
    outcome: 'ok' | 'error';
    attempts: ModelAttempt[];
    error?: string;
  }): Promise<void> {
    const record: ModelCallRecord = {
      provider: call.provider.name,
      model: call.model,
      region: regionOf(call.provider, this.ctx.account.homeRegion),
      mode: this.ctx.account.deploymentMode,
      capability: call.capability,
      inputTokens: call.usage?.inputTokens ?? 0,
      outputTokens: call.usage?.outputTokens ?? 0,
      latencyMs: Math.round(call.latencyMs),
      outcome: call.outcome,
      fallbackPath: call.attempts.map((a) => ({
        provider: a.provider,
        outcome: a.outcome,
        ...(a.errorCode ? { errorCode: a.errorCode } : {}),
        ...(a.status !== undefined ? { status: a.status } : {}),
      })),
      retainsData: call.provider.retainsData,
      ...(call.error ? { error: call.error } : {}),
    };
    this.calls.push(record);
    await audit(this.ctx, {
      action: 'ai.model_call',
      targetType: 'provider',
      targetId: record.provider,
      outcome: record.outcome === 'ok' ? 'ok' : 'error',
      details: { feature: this.spec.id, ...record },
    });
  }
}

/** The region where a provider processes the account's data: the home region when it can, else its first. */
function regionOf(info: ProviderInfo, home: string): string {
  if (info.regions.includes('*')) return home;
  return info.regions.find((r) => r.toUpperCase() === home.toUpperCase()) ?? info.regions[0];
}

/**
 * Step 7 of the pipeline: choose where the run executes. The router computes
 * the providers usable for the account (mode and residency) and orders them
 * for the run's needs; `requested` (`builtin` or a provider name) pins the
 * implementation when the router allows it, and is refused with the reason
 * when it does not.
 */
export async function routeFeature(
  ctx: Ctx,
  user: User,
  spec: FeatureSpec,
  input: unknown,
  context: ContextArtifact[],
  requested?: string,
  extra: Partial<RouteNeeds> = {},
  /** The feature can split its transcript into chunks (map-reduce), so a smaller context window will do. */
  chunked = false,
): Promise<{ route: Route; models: FeatureModels }> {
  const preferGenerative = (await effectiveSetting(ctx, user, 'models.prefer_generative')).value === true;
  const inputTokens = inputTokensOf(input, context);
  const needs: RouteNeeds = {
    builtin: spec.builtin,
    capabilities: spec.capabilities,
    companions: spec.companions,
    inputTokens,
    preferGenerative,
    ...(requested !== undefined ? { requestedProvider: requested } : {}),
    ...extra,
  };
  const account = { homeRegion: ctx.account.homeRegion, deploymentMode: ctx.account.deploymentMode };
  let modelRoute: ModelRoute = ctx.models
    ? await ctx.models.route(ctx.account.id, account, needs)
    : builtinOnlyRoute(spec, account.deploymentMode, account.homeRegion);

  // A transcript longer than every usable context window is summarised in chunks: route again for one chunk.
  const tooLong = modelRoute.decisions.some((d) => d.usable && d.reason.startsWith('context window'));
  if (ctx.models && chunked && tooLong && !modelRoute.chain.some((info) => info.name !== BUILTIN)) {
    modelRoute = await ctx.models.route(ctx.account.id, account, { ...needs, inputTokens: CHUNK_ROUTE_TOKENS });
  }

  if (requested !== undefined && requested !== BUILTIN && modelRoute.chain[0]?.name !== requested) {
    const decision = modelRoute.decisions.find((d) => d.provider === requested);
    const reason = decision ? decision.reason.replace(/^not requested \(the request names [^)]*\); /, '') : 'no provider of that name is registered';
    throw new AppError('feature_unavailable', `provider ${requested} cannot run ${spec.id} for this account: ${reason}`, {
      details: { feature: spec.id, provider: requested, mode: account.deploymentMode, region: account.homeRegion, routing: routingOf(modelRoute) },
    });
  }
  if (modelRoute.chain.length === 0) {
    const usable = modelRoute.decisions.filter((d) => d.usable && d.provider !== BUILTIN).map((d) => `${d.provider}: ${d.reason}`);
    const why = `${modelRoute.unavailable ?? 'no usable provider'}${usable.length > 0 ? ` (${usable.join('; ')})` : ''}`;
    const prefix = spec.builtin === 'none' ? `${spec.id} needs a generative model and none is usable` : `${spec.id} is unavailable`;
    throw new AppError('feature_unavailable', `${prefix}: ${why}`, {
      details: { feature: spec.id, needs: spec.capabilities, mode: account.deploymentMode, region: account.homeRegion, routing: routingOf(modelRoute) },
    });
  }
  const first = modelRoute.chain[0];
  const route: Route = {
    provider: first.name,
    model: first.name === BUILTIN ? null : (spec.capabilities.map((c) => first.models[c]).find(Boolean) ?? null),
    region: regionOf(first, ctx.account.homeRegion),
    reasons: modelRoute.decisions.map((d) => ({ provider: d.provider, chosen: d.chosen, reason: d.reason })),
  };
  return { route, models: new FeatureModels(ctx, spec, modelRoute, inputTokens) };
}

/** Why each registered provider was chosen or excluded, for audit records and error details. */
export function routingOf(route: ModelRoute): { provider: string; chosen: boolean; reason: string }[] {
  return route.decisions.map((d) => ({ provider: d.provider, chosen: d.chosen, reason: d.reason }));
}

/** Input size used to route one chunk of a long transcript. */
export const CHUNK_ROUTE_TOKENS = 2_000;

function builtinOnlyRoute(spec: FeatureSpec, mode: string, region: string): ModelRoute {
  const builtin: ProviderInfo = { name: BUILTIN, kind: 'builtin', hosting: 'self', regions: ['*'], capabilities: [], models: {}, contextWindow: 0, retainsData: false };
  if (spec.builtin === 'none') {
    return {
      chain: [],
      companions: {},
      decisions: [{ provider: BUILTIN, usable: true, chosen: false, position: null, reason: 'the built-in engine cannot serve this feature' }],
      unavailable: `needs ${spec.capabilities.join(', ')}; no usable provider has it in mode ${mode}, region ${region.toUpperCase()}`,
    };
  }
  return { chain: [builtin], companions: {}, decisions: [{ provider: BUILTIN, usable: true, chosen: true, position: 0, reason: 'built-in engine; no model providers are configured' }] };
}
