/**
 * Chooses the providers that may serve one feature run, in order, and says
 * why each registered provider was chosen or excluded (SPEC §7.1).
 *
 * Pure logic over provider metadata, the account's mode and home region, the
 * request's needs and observed health. A provider outside the mode or the
 * account's region is never in a chain, whatever else fails.
 *
 * Ordering, most important first: preferred capabilities (`web_search` for
 * web-search requests, `long_context` for long inputs), circuit health,
 * latency band (moving average, bucketed so that noise does not reorder
 * equivalent providers), estimated cost, processing in the account's region,
 * then registration order — except in
 * `federated` mode, where load is spread over equivalent providers (fewest
 * calls in flight, then round-robin). `self-hosted-only` keeps one model per
 * capability and never falls back to another model. The built-in engine
 * comes first for features it serves unless a generative provider is
 * preferred, and is always the last resort for them.
 */
import type { BuiltinSupport } from '../core/features.ts';
import type { ModelRoute, ProviderInfo, RouteAccount, RouteDecision, RouteNeeds } from '../core/provider.ts';
import type { Capability, DeploymentMode, HostingClass } from '../core/types.ts';
import { BUILTIN_PROVIDER_INFO, BUILTIN_PROVIDER_NAME, isBuiltin } from './builtin-provider.ts';
import type { HealthSnapshot, HealthView } from './provider-health.ts';

export type { RouteAccount, RouteDecision, RouteNeeds };
export type Route = ModelRoute;

export interface RouterOptions {
  /** Observed health; without it every provider counts as healthy and unmeasured. */
  health?: HealthView;
  /** Inputs above this many tokens prefer `long_context` providers. Default 32,000. */
  longInputTokens?: number;
  /** Latency averages within the same band of this width count as equal. Default 500 ms. */
  latencyBandMs?: number;
  /** Output size assumed when estimating cost. Default 1,000 tokens. */
  expectedOutputTokens?: number;
}

/** Hosting classes each deployment mode allows (SPEC §7.1). */
export const MODE_HOSTING: Record<DeploymentMode, readonly HostingClass[]> = {
  'self-hosted-only': ['self'],
  'self-hosted-plus': ['self', 'managed'],
  federated: ['self', 'managed', 'third-party'],
};

/**
 * Whether the account may send data to a provider at all: its hosting class
 * is allowed by the mode and, for `self` and `managed`, it processes data in
 * the account's home region.
 *
 * @example
 * usability(openAiInfo, { homeRegion: 'EU', deploymentMode: 'self-hosted-only' });
 * // { usable: false, reason: 'hosting class third-party not allowed in mode self-hosted-only' }
 */
export function usability(info: ProviderInfo, account: RouteAccount): { usable: boolean; reason: string } {
  if (isBuiltin(info)) return { usable: true, reason: 'built-in engine, runs in process' };
  const mode = account.deploymentMode;
  if (!MODE_HOSTING[mode].includes(info.hosting)) {
    return { usable: false, reason: `hosting class ${info.hosting} not allowed in mode ${mode}` };
  }
  const home = account.homeRegion.toUpperCase();
  const inRegion = processesIn(info, home);
  if (info.hosting !== 'third-party' && !inRegion) {
    return { usable: false, reason: `processes data in ${info.regions.join(', ')}, not in the account's region ${home}` };
  }
  return { usable: true, reason: inRegion ? `processes data in ${home}` : residencyNote(info, account) };
}

/**
 * Whether a provider processes data in the region (`*` is everywhere).
 *
 * @example
 * processesIn(BUILTIN_PROVIDER_INFO, 'SG'); // true
 */
export function processesIn(info: ProviderInfo, region: string): boolean {
  const wanted = region.toUpperCase();
  return info.regions.some((r) => r === '*' || r.toUpperCase() === wanted);
}

function residencyNote(info: ProviderInfo, account: RouteAccount): string {
  return `processes data outside ${account.homeRegion.toUpperCase()} (${info.regions.join(', ')}); allowed in ${account.deploymentMode} mode`;
}

interface Candidate {
  info: ProviderInfo;
  index: number;
  missingExtras: number;
  healthRank: number;
  latencyMs: number | null;
  latencyBand: number;
  cost: number;
  /** 1 when a third-party provider processes data outside the account's region. */
  outsideRegion: number;
  outstanding: number;
}

const HEALTHY: HealthView = {
  snapshot: () => ({ circuit: { state: 'closed', openUntil: null, trialInFlight: false, consecutiveFailures: 0 }, latencyMs: null, outstanding: 0 }),
};

/**
 * Routes feature runs. One instance per registry: it keeps the round-robin
 * turns used to spread load, and nothing about any request.
 *
 * @example
 * const router = new Router(registry.list(), { health: registry.health });
 * const route = router.choose(account, { builtin: 'full', capabilities: ['structured'], companions: [], inputTokens: 12000 });
 * route.chain.map((p) => p.name); // ['builtin', 'bedrock-eu']
 */
export class Router {
  private readonly providers: readonly ProviderInfo[];
  private readonly health: HealthView;
  private readonly longInputTokens: number;
  private readonly latencyBandMs: number;
  private readonly expectedOutputTokens: number;
  private readonly turns = new Map<string, number>();

  constructor(providers: readonly ProviderInfo[], options: RouterOptions = {}) {
    // The built-in engine is always registered, whether or not the caller listed it.
    this.providers = providers.some(isBuiltin) ? providers : [BUILTIN_PROVIDER_INFO, ...providers];
    this.health = options.health ?? HEALTHY;
    this.longInputTokens = options.longInputTokens ?? 32_000;
    this.latencyBandMs = options.latencyBandMs ?? 500;
    this.expectedOutputTokens = options.expectedOutputTokens ?? 1_000;
  }

  choose(account: RouteAccount, needs: RouteNeeds): Route {
    const decisions = new Map<string, RouteDecision>();
    const decide = (info: ProviderInfo, usable: boolean, reason: string) =>
      decisions.set(info.name, { provider: info.name, usable, chosen: false, position: null, reason });

    const builtinServes = needs.builtin !== 'none';
    const extras = this.preferredExtras(needs);
    const able: Candidate[] = [];

    this.providers.forEach((info, index) => {
      const { usable, reason } = usability(info, account);
      if (!usable) return decide(info, false, reason);
      if (isBuiltin(info)) {
        return decide(info, true, builtinServes ? `built-in engine serves this feature ${supportText(needs.builtin)}` : 'the built-in engine cannot serve this feature');
      }
      const unable = this.inability(info, needs);
      if (unable) return decide(info, true, this.withResidency(info, account, unable));
      decide(info, true, this.withResidency(info, account, 'able to serve this request'));
      able.push(this.candidate(info, index, extras, needs.inputTokens, account));
    });

    const generative = this.orderGenerative(able, account, needs, (info, reason) => decide(info, true, this.withResidency(info, account, reason)));

    const companions: Partial<Record<Capability, ProviderInfo[]>> = {};
    const missingCompanions: Capability[] = [];
    for (const capability of needs.companions) {
      const chain = this.companionChain(capability, account);
      companions[capability] = chain;
      if (chain.length === 0) missingCompanions.push(capability);
    }

    let chosen = generative;
    let unavailable: string | undefined;
    if (missingCompanions.length > 0) {
      const missing = missingCompanions.join(', ');
      for (const candidate of generative) {
        decide(candidate.info, true, this.withResidency(candidate.info, account, `able, but no usable provider has companion capability ${missing}`));
      }
      chosen = [];
      // When no provider has the main capabilities either, that is the reason to give first.
      if (generative.length > 0) {
        unavailable = `needs ${missing} as a companion capability; no usable provider has it in mode ${account.deploymentMode}, region ${account.homeRegion.toUpperCase()}`;
      }
    }

    const builtin = this.providers.find(isBuiltin) ?? BUILTIN_PROVIDER_INFO;
    let chain: ProviderInfo[];
    const requested = needs.requestedProvider;
    if (requested !== undefined) {
      const outcome = this.honourRequest(requested, decisions, chosen, account, needs.builtin);
      chain = outcome.chain;
      unavailable = outcome.unavailable ?? (chain.length === 0 ? unavailable : undefined);
    } else {
      const models = chosen.map((c) => c.info);
      chain = !builtinServes ? models : needs.preferGenerative ? [...models, builtin] : [builtin, ...models];
      if (builtinServes) {
        const serves = `built-in engine serves this feature ${supportText(needs.builtin)}`;
        const reason =
          needs.capabilities.length === 0
            ? `chosen: ${serves}`
            : models.length === 0
              ? `chosen: ${serves}; no usable model is able to serve this request`
              : needs.preferGenerative
                ? `last resort: ${serves}`
                : `chosen: ${serves}; first for features it serves, models follow as fallbacks`;
        decide(builtin, true, reason);
      }
      this.explainChain(chosen, decisions, account, needs, extras, builtinServes && !needs.preferGenerative ? 1 : 0);
      if (chain.length === 0 && unavailable === undefined) unavailable = this.unavailableReason(account, needs);
    }

    chain.forEach((info, position) => {
      const decision = decisions.get(info.name);
      if (decision) Object.assign(decision, { chosen: true, position });
    });

    for (const [capability, providers] of Object.entries(companions)) {
      for (const info of providers ?? []) {
        const decision = decisions.get(info.name);
        if (decision && !decision.chosen) decision.reason += `; serves companion capability ${capability}`;
      }
    }

    return {
      chain,
      companions,
      decisions: this.providers.map((info) => decisions.get(info.name) as RouteDecision),
      ...(unavailable !== undefined && chain.length === 0 ? { unavailable } : {}),
    };
  }

  private preferredExtras(needs: RouteNeeds): Capability[] {
    const extras: Capability[] = [];
    if (needs.webSearch && !needs.capabilities.includes('web_search')) extras.push('web_search');
    if (needs.inputTokens > this.longInputTokens && !needs.capabilities.includes('long_context')) extras.push('long_context');
    return extras;
  }

  /** Why a usable generative provider cannot serve the request, or `null`. */
  private inability(info: ProviderInfo, needs: RouteNeeds): string | null {
    if (needs.capabilities.length === 0) {
      return needs.builtin === 'none' ? 'the request names no capability' : 'not needed: the built-in engine serves this feature without a model';
    }
    const lacking = needs.capabilities.filter((capability) => !info.capabilities.includes(capability));
    if (lacking.length > 0) return `lacks capabilit${lacking.length > 1 ? 'ies' : 'y'} ${lacking.join(', ')}`;
    if (info.contextWindow < needs.inputTokens) return `context window ${info.contextWindow} < input ${needs.inputTokens} tokens`;
    return null;
  }

  private candidate(info: ProviderInfo, index: number, extras: Capability[], inputTokens: number, account: RouteAccount): Candidate {
    const health = this.health.snapshot(info.name);
    return {
      info,
      index,
      missingExtras: extras.filter((extra) => !info.capabilities.includes(extra)).length,
      healthRank: health.circuit.state === 'closed' ? 0 : 1,
      latencyMs: health.latencyMs,
      // Unmeasured providers share the fastest band, so that new providers get traffic and a measurement.
      latencyBand: health.latencyMs === null ? 0 : Math.floor(health.latencyMs / this.latencyBandMs),
      cost: this.estimateCost(info, inputTokens),
      outsideRegion: processesIn(info, account.homeRegion) ? 0 : 1,
      outstanding: health.outstanding,
    };
  }

  /**
   * Orders the able providers for the mode and excludes those that may not
   * serve this request (open circuits; the other models in self-hosted-only).
   */
  private orderGenerative(
    able: Candidate[],
    account: RouteAccount,
    needs: RouteNeeds,
    exclude: (info: ProviderInfo, reason: string) => void,
  ): Candidate[] {
    if (account.deploymentMode === 'self-hosted-only') {
      // One model per capability: chosen by suitability and registration order, never by health,
      // so an outage leaves the capability to the built-in engine rather than to another model.
      const [single, ...others] = [...able].sort((a, b) => a.missingExtras - b.missingExtras || a.index - b.index);
      if (!single) return [];
      for (const other of others) exclude(other.info, `not chosen: mode self-hosted-only uses one model per capability (${single.info.name})`);
      const blocked = this.circuitBlock(this.health.snapshot(single.info.name));
      if (blocked) {
        exclude(single.info, blocked);
        return [];
      }
      return [single];
    }

    const open: Candidate[] = [];
    for (const candidate of able) {
      const blocked = this.circuitBlock(this.health.snapshot(candidate.info.name));
      if (blocked) exclude(candidate.info, blocked);
      else open.push(candidate);
    }
    const ordered = open.sort((a, b) => compareSuitability(a, b) || a.index - b.index);
    return account.deploymentMode === 'federated' ? this.spreadLoad(ordered, needs) : ordered;
  }

  private circuitBlock(health: HealthSnapshot): string | null {
    if (health.circuit.state === 'open') return `circuit open until ${health.circuit.openUntil?.toISOString()}`;
    if (health.circuit.trialInFlight) return 'circuit half-open and its trial request is in flight';
    return null;
  }

  /** Within each run of equivalent providers: fewest calls in flight first, ties taken in turn. */
  private spreadLoad(ordered: Candidate[], needs: RouteNeeds): Candidate[] {
    const out: Candidate[] = [];
    for (let start = 0; start < ordered.length; ) {
      let end = start + 1;
      while (end < ordered.length && compareSuitability(ordered[start], ordered[end]) === 0) end += 1;
      const group = ordered.slice(start, end);
      if (group.length > 1) {
        const key = `${needs.capabilities.join('+')}|${group.map((c) => c.info.name).join(',')}`;
        const turn = this.turns.get(key) ?? 0;
        this.turns.set(key, turn + 1);
        const offset = turn % group.length;
        const rotated = [...group.slice(offset), ...group.slice(0, offset)];
        out.push(...rotated.sort((a, b) => a.outstanding - b.outstanding));
      } else {
        out.push(...group);
      }
      start = end;
    }
    return out;
  }

  private companionChain(capability: Capability, account: RouteAccount): ProviderInfo[] {
    const candidates = this.providers
      .map((info, index) => ({ info, index }))
      .filter(({ info }) => !isBuiltin(info) && info.capabilities.includes(capability) && usability(info, account).usable)
      .map(({ info, index }) => this.candidate(info, index, [], 0, account));
    if (account.deploymentMode === 'self-hosted-only') {
      const single = candidates[0];
      return single && !this.circuitBlock(this.health.snapshot(single.info.name)) ? [single.info] : [];
    }
    return candidates
      .filter((candidate) => !this.circuitBlock(this.health.snapshot(candidate.info.name)))
      .sort((a, b) => compareSuitability(a, b) || a.index - b.index)
      .map((candidate) => candidate.info);
  }

  private honourRequest(
    requested: string,
    decisions: Map<string, RouteDecision>,
    able: Candidate[],
    account: RouteAccount,
    support: BuiltinSupport,
  ): { chain: ProviderInfo[]; unavailable?: string } {
    const builtinServes = support !== 'none';
    const builtin = this.providers.find(isBuiltin) ?? BUILTIN_PROVIDER_INFO;
    const notRequested = (name: string) => {
      const decision = decisions.get(name);
      if (decision?.usable) decision.reason = `not requested (the request names ${requested}); ${decision.reason}`;
    };
    if (requested === BUILTIN_PROVIDER_NAME) {
      for (const info of this.providers) if (!isBuiltin(info)) notRequested(info.name);
      if (!builtinServes) return { chain: [], unavailable: 'the built-in engine cannot serve this feature' };
      decisions.get(builtin.name)!.reason = `requested: built-in engine serves this feature ${supportText(support)}`;
      return { chain: [builtin] };
    }
    const target = this.providers.find((info) => info.name === requested);
    if (!target) return { chain: [], unavailable: `no provider named ${requested} is registered` };
    for (const info of this.providers) if (info.name !== requested && !isBuiltin(info)) notRequested(info.name);
    const decision = decisions.get(requested)!;
    const candidate = able.find((c) => c.info.name === requested);
    const lastResort = builtinServes ? [builtin] : [];
    if (builtinServes) decisions.get(builtin.name)!.reason = `last resort: built-in engine serves this feature ${supportText(support)}`;
    if (!candidate) {
      const unavailable = `requested provider ${requested} cannot serve this request: ${decision.reason}`;
      return lastResort.length > 0 ? { chain: lastResort } : { chain: [], unavailable };
    }
    decision.reason = this.withResidency(target, account, 'requested by the caller; able to serve this request');
    return { chain: [target, ...lastResort] };
  }

  private explainChain(
    chosen: Candidate[],
    decisions: Map<string, RouteDecision>,
    account: RouteAccount,
    needs: RouteNeeds,
    extras: Capability[],
    offset: number,
  ): void {
    chosen.forEach((candidate, i) => {
      const position = i + offset;
      const label = position === 0 ? 'chosen' : `fallback ${position}`;
      const served = [...needs.capabilities, ...extras.filter((extra) => candidate.info.capabilities.includes(extra))];
      const next = chosen[i + 1];
      const why = next ? this.whyBefore(candidate, next, account, needs, extras) : this.whyAlone(chosen.length, account);
      const reason = `${label}: has ${served.join(', ')}; ${why}`;
      decisions.get(candidate.info.name)!.reason = this.withResidency(candidate.info, account, reason);
    });
  }

  private whyAlone(models: number, account: RouteAccount): string {
    if (account.deploymentMode === 'self-hosted-only') return 'the one model for this capability in mode self-hosted-only';
    return models === 1 ? 'the only able model' : 'last model in the chain';
  }

  private whyBefore(a: Candidate, b: Candidate, account: RouteAccount, needs: RouteNeeds, extras: Capability[]): string {
    if (a.missingExtras !== b.missingExtras) {
      const purposes = extras
        .filter((extra) => a.info.capabilities.includes(extra) && !b.info.capabilities.includes(extra))
        .map((extra) => (extra === 'web_search' ? 'web_search for a web-search request' : `long_context for a ${needs.inputTokens}-token input`));
      return `preferred: ${purposes.join(', ')}`;
    }
    if (a.healthRank !== b.healthRank) return `circuit closed (${b.info.name} is half-open)`;
    if (a.latencyBand !== b.latencyBand) {
      const own = a.latencyMs === null ? 'not measured yet' : `${Math.round(a.latencyMs)} ms average`;
      return `faster: ${own} vs ${Math.round(b.latencyMs ?? 0)} ms for ${b.info.name}`;
    }
    if (a.cost !== b.cost) return `lowest cost among equivalents (est. $${a.cost.toFixed(4)} vs $${b.cost.toFixed(4)} for ${b.info.name})`;
    if (a.outsideRegion !== b.outsideRegion) return `processes data in ${account.homeRegion.toUpperCase()} (${b.info.name} does not)`;
    if (account.deploymentMode === 'federated') {
      return a.outstanding < b.outstanding
        ? `load spread: fewer requests in flight than ${b.info.name}`
        : `load spread: its turn among equivalents (${b.info.name} next)`;
    }
    return `equivalent to ${b.info.name} and registered first`;
  }

  private unavailableReason(account: RouteAccount, needs: RouteNeeds): string {
    const where = `in mode ${account.deploymentMode}, region ${account.homeRegion.toUpperCase()}`;
    if (needs.capabilities.length === 0) return 'the built-in engine cannot serve this feature and it names no capability';
    return `needs ${needs.capabilities.join(', ')}; no usable, healthy provider able to take ${needs.inputTokens} input tokens has it ${where}`;
  }

  private withResidency(info: ProviderInfo, account: RouteAccount, reason: string): string {
    return info.hosting === 'third-party' && !processesIn(info, account.homeRegion) ? `${reason}; ${residencyNote(info, account)}` : reason;
  }

  private estimateCost(info: ProviderInfo, inputTokens: number): number {
    // Unpriced providers (typically the operator's own servers) cost nothing per token.
    const price = info.costPer1kTokens ?? { input: 0, output: 0 };
    return (inputTokens / 1000) * price.input + (this.expectedOutputTokens / 1000) * price.output;
  }
}

function compareSuitability(a: Candidate, b: Candidate): number {
  return (
    a.missingExtras - b.missingExtras ||
    a.healthRank - b.healthRank ||
    a.latencyBand - b.latencyBand ||
    a.cost - b.cost ||
    a.outsideRegion - b.outsideRegion
  );
}

function supportText(support: BuiltinSupport): string {
  if (support === 'template') return 'from a template';
  if (support === 'stats') return 'with statistics only';
  return 'fully';
}
