import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import { builtinProvider } from './builtin-provider.ts';
import { parseProviderRegistration } from './config.ts';
import { runWithFallback } from './fallback.ts';
import { ProviderRegistry } from './registry.ts';
import { Router } from './router.ts';
import { startProviderHarness } from './testing/provider-harness.ts';

const entry = (name: string, extra: Record<string, unknown> = {}) =>
  parseProviderRegistration({
    name,
    kind: 'openai',
    apiKeyEnv: 'OPENAI_KEY_FOR_TESTS',
    regions: ['US'],
    capabilities: ['text', 'embedding'],
    models: { text: 'gpt-4.1-mini', embedding: 'text-embedding-3-small' },
    contextWindow: 128000,
    ...extra,
  });

test('builds adapters from configuration, with the built-in engine first', () => {
  const registry = ProviderRegistry.fromConfig([entry('openai-main')], { env: { OPENAI_KEY_FOR_TESTS: 'sk-x' } });
  assert.deepEqual(registry.list().map((p) => p.name), ['builtin', 'openai-main']);
  assert.equal(registry.get('builtin'), builtinProvider);
  assert.equal(registry.require('openai-main').info.kind, 'openai');
  assert.equal(registry.get('nobody'), undefined);
  assert.throws(() => registry.require('nobody'), (e: unknown) => AppError.isInstance(e) && e.code === 'not_found');
});

test('a provider exposes exactly the methods of its declared capabilities', () => {
  const provider = ProviderRegistry.fromConfig([entry('openai-main')], { env: { OPENAI_KEY_FOR_TESTS: 'sk-x' } }).require('openai-main');
  assert.deepEqual(Object.keys(provider).sort(), ['embed', 'generateText', 'info', 'streamText']);
});

test('a missing secret names the variable, never a value', () => {
  const error = (() => {
    try {
      ProviderRegistry.fromConfig([entry('openai-main')], { env: { OTHER: 'sk-other-secret' } });
    } catch (e) {
      return e as AppError;
    }
    return assert.fail('expected an error');
  })();
  assert.equal(error.message, 'provider openai-main: environment variable OPENAI_KEY_FOR_TESTS (named by apiKeyEnv) is not set');
  assert.ok(!JSON.stringify(error.toJSON()).includes('sk-other-secret'));
});

test('secrets are read from the given environment, not from process.env', () => {
  process.env.OPENAI_KEY_FOR_TESTS = 'sk-from-process';
  try {
    assert.throws(() => ProviderRegistry.fromConfig([entry('openai-main')], { env: {} }), /OPENAI_KEY_FOR_TESTS/);
  } finally {
    delete process.env.OPENAI_KEY_FOR_TESTS;
  }
});

test('names must be unique', () => {
  const a = ProviderRegistry.fromConfig([entry('same')], { env: { OPENAI_KEY_FOR_TESTS: 'k' } }).require('same');
  assert.throws(() => new ProviderRegistry([a, a]), (e: unknown) => AppError.isInstance(e) && e.code === 'conflict');
});

test('each registry keeps its own health', () => {
  const clock = new ManualClock();
  const one = new ProviderRegistry([], { clock, health: { breaker: { failureThreshold: 1 } } });
  const two = new ProviderRegistry([], { clock });
  one.health.of('builtin').finished({ ok: false, latencyMs: 1, countsAsFailure: true });
  assert.equal(one.health.snapshot('builtin').circuit.state, 'open');
  assert.equal(two.health.snapshot('builtin').circuit.state, 'closed');
});

test('end to end: route, resolve the chain, run it; a failing provider opens its circuit and drops out of routing', async () => {
  const flaky = await startProviderHarness('openai-compatible', { name: 'gpu-flaky' });
  const steady = await startProviderHarness('openai-compatible', { name: 'gpu-steady' });
  try {
    const clock = new ManualClock('2026-01-01T00:00:00.000Z');
    const registry = new ProviderRegistry([flaky.provider, steady.provider], { clock, health: { breaker: { failureThreshold: 2, coolDownMs: 60_000 } } });
    const router = new Router(registry.list(), { health: registry.health });
    const account = { homeRegion: 'EU', deploymentMode: 'self-hosted-plus' as const };
    const needs = { builtin: 'none' as const, capabilities: ['text' as const], companions: [], inputTokens: 500 };
    flaky.server.failNext({ status: 502, times: Infinity });

    const first = router.choose(account, needs);
    assert.deepEqual(first.chain.map((p) => p.name), ['gpu-flaky', 'gpu-steady']);
    const result = await runWithFallback(registry.resolve(first.chain), (p) => p.generateText!({ messages: [{ role: 'user', content: 'hi' }] }), {
      health: registry.health,
      sleep: async () => {},
    });
    assert.equal(result.provider.info.name, 'gpu-steady');

    const second = router.choose(account, needs);
    assert.deepEqual(second.chain.map((p) => p.name), ['gpu-steady']);
    assert.equal(second.decisions.find((d) => d.provider === 'gpu-flaky')?.reason, 'circuit open until 2026-01-01T00:01:00.000Z');
  } finally {
    await flaky.close();
    await steady.close();
  }
});
