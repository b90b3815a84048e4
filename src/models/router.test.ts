import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from '../core/clock.ts';
import { FEATURE_SPECS } from '../core/features.ts';
import { DEPLOYMENT_MODES, type DeploymentMode } from '../core/types.ts';
import { HealthBook, type HealthSnapshot, type HealthView } from './provider-health.ts';
import { Router, type Route, type RouteNeeds } from './router.ts';
import { providerEntry, ROUTE_PROVIDERS } from './testing/route-fixtures.ts';

const EU = (deploymentMode: DeploymentMode) => ({ homeRegion: 'EU', deploymentMode });
const summary: RouteNeeds = { builtin: 'full', capabilities: ['structured'], companions: [], inputTokens: 3_000 };
const compose: RouteNeeds = { builtin: 'none', capabilities: ['text'], companions: [], inputTokens: 2_000 };

const names = (route: Route) => route.chain.map((info) => info.name);
const reason = (route: Route, provider: string) => route.decisions.find((d) => d.provider === provider)!.reason;

function health(overrides: Record<string, Partial<HealthSnapshot>>): HealthView {
  return {
    snapshot: (provider) => ({
      circuit: { state: 'closed', openUntil: null, trialInFlight: false, consecutiveFailures: 0 },
      latencyMs: null,
      outstanding: 0,
      ...overrides[provider],
    }),
  };
}

describe('self-hosted-only', () => {
  const router = new Router(ROUTE_PROVIDERS);

  test('the built-in engine first, then a single model; nothing managed or third-party', () => {
    const route = router.choose(EU('self-hosted-only'), summary);
    assert.deepEqual(names(route), ['builtin', 'ollama-eu']);
    assert.equal(reason(route, 'builtin'), 'chosen: built-in engine serves this feature fully; first for features it serves, models follow as fallbacks');
    assert.equal(reason(route, 'ollama-eu'), 'fallback 1: has structured; the one model for this capability in mode self-hosted-only');
    assert.equal(reason(route, 'vllm-eu-long'), 'not chosen: mode self-hosted-only uses one model per capability (ollama-eu)');
    assert.equal(reason(route, 'bedrock-eu'), 'hosting class managed not allowed in mode self-hosted-only');
    assert.equal(reason(route, 'openai'), 'hosting class third-party not allowed in mode self-hosted-only');
    assert.equal(reason(route, 'whisper-eu'), 'lacks capability structured');
  });

  test('a long transcript goes to the long-context model; the small one is excluded by its window', () => {
    const route = router.choose(EU('self-hosted-only'), { ...summary, inputTokens: 30_000 });
    assert.deepEqual(names(route), ['builtin', 'vllm-eu-long']);
    assert.equal(reason(route, 'ollama-eu'), 'context window 8192 < input 30000 tokens');
  });

  test('an outage of the one model leaves the built-in engine, never another model', () => {
    const clock = new ManualClock('2026-01-01T00:00:00.000Z');
    const book = new HealthBook(clock, { breaker: { failureThreshold: 1 } });
    book.of('ollama-eu').finished({ ok: false, latencyMs: 10, countsAsFailure: true });
    const route = new Router(ROUTE_PROVIDERS, { health: book }).choose(EU('self-hosted-only'), summary);
    assert.deepEqual(names(route), ['builtin']);
    assert.equal(reason(route, 'ollama-eu'), 'circuit open until 2026-01-01T00:00:30.000Z');
    assert.equal(reason(route, 'vllm-eu-long'), 'not chosen: mode self-hosted-only uses one model per capability (ollama-eu)');
  });

  test('third-party is never in the chain, even when every allowed provider is down', () => {
    const allOpen = health(
      Object.fromEntries(
        ROUTE_PROVIDERS.map((p) => [p.name, { circuit: { state: 'open' as const, openUntil: new Date('2026-01-01T01:00:00Z'), trialInFlight: false, consecutiveFailures: 9 } }]),
      ),
    );
    const route = new Router(ROUTE_PROVIDERS, { health: allOpen }).choose(EU('self-hosted-only'), compose);
    assert.deepEqual(route.chain, []);
    assert.match(route.unavailable ?? '', /^needs text; no usable, healthy provider .* in mode self-hosted-only, region EU$/);
  });

  test('a requested third-party provider is refused with the reason', () => {
    const route = router.choose(EU('self-hosted-only'), { ...compose, requestedProvider: 'openai' });
    assert.deepEqual(route.chain, []);
    assert.equal(route.unavailable, 'requested provider openai cannot serve this request: hosting class third-party not allowed in mode self-hosted-only');
  });
});

describe('self-hosted-plus', () => {
  const router = new Router(ROUTE_PROVIDERS);

  test('self and managed in the home region, ordered by cost; the managed US provider is excluded', () => {
    const route = router.choose(EU('self-hosted-plus'), summary);
    assert.deepEqual(names(route), ['builtin', 'ollama-eu', 'vllm-eu-long', 'azure-eu', 'bedrock-eu']);
    assert.equal(reason(route, 'bedrock-us'), "processes data in US, not in the account's region EU");
    assert.equal(reason(route, 'azure-eu'), 'fallback 3: has structured; lowest cost among equivalents (est. $0.0175 vs $0.0240 for bedrock-eu)');
    assert.equal(reason(route, 'anthropic'), 'hosting class third-party not allowed in mode self-hosted-plus');
  });

  test('preferGenerative puts the built-in engine last, as last resort', () => {
    const route = router.choose(EU('self-hosted-plus'), { ...summary, preferGenerative: true });
    assert.deepEqual(names(route), ['ollama-eu', 'vllm-eu-long', 'azure-eu', 'bedrock-eu', 'builtin']);
    assert.equal(route.decisions.find((d) => d.provider === 'ollama-eu')?.reason.startsWith('chosen: has structured'), true);
    assert.equal(reason(route, 'builtin'), 'last resort: built-in engine serves this feature fully');
  });

  test('observed latency orders providers of otherwise equal standing', () => {
    const slowFirst = new Router(ROUTE_PROVIDERS, { health: health({ 'ollama-eu': { latencyMs: 2_400 }, 'vllm-eu-long': { latencyMs: 180 } }) });
    const route = slowFirst.choose(EU('self-hosted-plus'), compose);
    // Unmeasured providers share the fastest band, so the slow one goes last.
    assert.deepEqual(names(route), ['vllm-eu-long', 'azure-eu', 'bedrock-eu', 'ollama-eu']);
    assert.equal(reason(route, 'vllm-eu-long'), 'chosen: has text; lowest cost among equivalents (est. $0.0000 vs $0.0150 for azure-eu)');
    assert.equal(reason(route, 'bedrock-eu'), 'fallback 2: has text; faster: not measured yet vs 2400 ms for ollama-eu');
  });

  test('a half-open provider comes after the healthy ones', () => {
    const route = new Router(ROUTE_PROVIDERS, {
      health: health({ 'ollama-eu': { circuit: { state: 'half-open', openUntil: null, trialInFlight: false, consecutiveFailures: 5 } } }),
    }).choose(EU('self-hosted-plus'), compose);
    assert.equal(names(route).at(-1), 'ollama-eu');
    assert.equal(reason(route, 'bedrock-eu'), 'fallback 2: has text; circuit closed (ollama-eu is half-open)');
  });

  test('image generation needs a moderation companion; without one it is unavailable', () => {
    const route = router.choose(EU('self-hosted-plus'), { builtin: 'none', capabilities: ['image'], companions: ['moderation'], inputTokens: 50 });
    assert.deepEqual(route.chain, []);
    assert.equal(route.unavailable, 'needs moderation as a companion capability; no usable provider has it in mode self-hosted-plus, region EU');
    assert.equal(reason(route, 'azure-eu'), 'able, but no usable provider has companion capability moderation');
  });
});

describe('federated', () => {
  test('third-party providers are allowed and say that they process data outside the region', () => {
    const route = new Router(ROUTE_PROVIDERS).choose(EU('federated'), { ...compose, preferGenerative: true });
    assert.ok(names(route).includes('openai'));
    assert.match(reason(route, 'openai'), /; processes data outside EU \(US\); allowed in federated mode$/);
    assert.equal(reason(route, 'bedrock-us'), "processes data in US, not in the account's region EU");
  });

  test('web-search requests go to the web_search provider first', () => {
    const route = new Router(ROUTE_PROVIDERS).choose(EU('federated'), { ...compose, webSearch: true });
    assert.equal(names(route)[0], 'perplexity');
    assert.match(reason(route, 'perplexity'), /^chosen: has text, web_search; preferred: web_search for a web-search request/);
  });

  test('long inputs go to long-context models first; among equals, the in-region one', () => {
    const route = new Router(ROUTE_PROVIDERS).choose(EU('federated'), { ...summary, inputTokens: 60_000, preferGenerative: true });
    assert.deepEqual(names(route), ['vllm-eu-long', 'openai', 'bedrock-eu', 'anthropic', 'azure-eu', 'builtin']);
    assert.equal(reason(route, 'anthropic'), 'fallback 3: has structured, long_context; preferred: long_context for a 60000-token input; processes data outside EU (US); allowed in federated mode');
    assert.equal(reason(route, 'bedrock-eu'), 'fallback 2: has structured, long_context; processes data in EU (anthropic does not)');
    assert.equal(reason(route, 'ollama-eu'), 'context window 8192 < input 60000 tokens');
  });

  test('companion chains are routed too', () => {
    const route = new Router(ROUTE_PROVIDERS).choose(EU('federated'), { builtin: 'none', capabilities: ['image'], companions: ['moderation'], inputTokens: 50 });
    assert.deepEqual(names(route), ['openai', 'azure-eu']);
    assert.deepEqual(route.companions.moderation?.map((p) => p.name), ['openai']);
  });

  test('load is spread round-robin over equivalent providers, per router instance', () => {
    const pool = [providerEntry('gpu-a', 'openai-compatible', 'self', ['EU'], ['text'], 32768), providerEntry('gpu-b', 'openai-compatible', 'self', ['EU'], ['text'], 32768)];
    const router = new Router(pool);
    const firsts = Array.from({ length: 4 }, () => names(router.choose(EU('federated'), compose))[0]);
    assert.deepEqual(firsts, ['gpu-a', 'gpu-b', 'gpu-a', 'gpu-b']);
    assert.equal(names(new Router(pool).choose(EU('federated'), compose))[0], 'gpu-a', 'a new router starts its own turns');
    const route = router.choose(EU('federated'), compose);
    assert.match(reason(route, names(route)[0]), /load spread: its turn among equivalents/);
  });

  test('the provider with fewer calls in flight goes first', () => {
    const pool = [providerEntry('gpu-a', 'openai-compatible', 'self', ['EU'], ['text'], 32768), providerEntry('gpu-b', 'openai-compatible', 'self', ['EU'], ['text'], 32768)];
    const router = new Router(pool, { health: health({ 'gpu-a': { outstanding: 3 }, 'gpu-b': { outstanding: 1 } }) });
    for (let i = 0; i < 3; i++) assert.equal(names(router.choose(EU('federated'), compose))[0], 'gpu-b');
    assert.equal(reason(router.choose(EU('federated'), compose), 'gpu-b'), 'chosen: has text; load spread: fewer requests in flight than gpu-a');
  });

  test('load is not spread outside federated mode', () => {
    const pool = [providerEntry('gpu-a', 'openai-compatible', 'self', ['EU'], ['text'], 32768), providerEntry('gpu-b', 'openai-compatible', 'self', ['EU'], ['text'], 32768)];
    const router = new Router(pool);
    const firsts = Array.from({ length: 3 }, () => names(router.choose(EU('self-hosted-plus'), compose))[0]);
    assert.deepEqual(firsts, ['gpu-a', 'gpu-a', 'gpu-a']);
  });
});

describe('every mode', () => {
  const router = new Router(ROUTE_PROVIDERS);
  const allNeeds: RouteNeeds[] = FEATURE_SPECS.flatMap((spec) =>
    [500, 60_000].flatMap((inputTokens) =>
      [false, true].map((preferGenerative) => ({ builtin: spec.builtin, capabilities: spec.capabilities, companions: spec.companions, inputTokens, preferGenerative })),
    ),
  );

  test('a managed provider outside the home region is never in any chain', () => {
    for (const mode of DEPLOYMENT_MODES) {
      for (const needs of allNeeds) {
        const route = router.choose(EU(mode), needs);
        assert.ok(!names(route).includes('bedrock-us'), `${mode}: ${JSON.stringify(needs)}`);
        assert.ok(!Object.values(route.companions).flat().some((p) => p?.name === 'bedrock-us'));
      }
    }
  });

  test('chains hold only hosting classes the mode allows', () => {
    const allowed: Record<DeploymentMode, string[]> = { 'self-hosted-only': ['self'], 'self-hosted-plus': ['self', 'managed'], federated: ['self', 'managed', 'third-party'] };
    for (const mode of DEPLOYMENT_MODES) {
      for (const needs of allNeeds) {
        for (const info of router.choose(EU(mode), needs).chain) assert.ok(allowed[mode].includes(info.hosting), `${info.name} in ${mode}`);
      }
    }
  });

  test('every registered provider gets exactly one decision, in registration order', () => {
    const route = router.choose(EU('federated'), summary);
    assert.deepEqual(route.decisions.map((d) => d.provider), ROUTE_PROVIDERS.map((p) => p.name));
    for (const decision of route.decisions) assert.ok(decision.reason.length > 0);
    assert.deepEqual(route.decisions.filter((d) => d.chosen).sort((a, b) => a.position! - b.position!).map((d) => d.provider), names(route));
  });

  test('features only the built-in engine serves route to it alone', () => {
    const route = router.choose(EU('federated'), { builtin: 'full', capabilities: [], companions: [], inputTokens: 100 });
    assert.deepEqual(names(route), ['builtin']);
    assert.equal(reason(route, 'builtin'), 'chosen: built-in engine serves this feature fully');
    assert.equal(reason(route, 'openai'), 'not needed: the built-in engine serves this feature without a model; processes data outside EU (US); allowed in federated mode');
  });

  test('requesting the built-in engine or an unknown provider', () => {
    assert.deepEqual(names(router.choose(EU('federated'), { ...summary, requestedProvider: 'builtin' })), ['builtin']);
    assert.equal(router.choose(EU('federated'), { ...compose, requestedProvider: 'builtin' }).unavailable, 'the built-in engine cannot serve this feature');
    assert.equal(router.choose(EU('federated'), { ...compose, requestedProvider: 'nobody' }).unavailable, 'no provider named nobody is registered');
    const anthropic = router.choose(EU('federated'), { ...summary, requestedProvider: 'anthropic' });
    assert.deepEqual(names(anthropic), ['anthropic', 'builtin']);
    assert.match(reason(anthropic, 'openai'), /^not requested \(the request names anthropic\)/);
  });
});
