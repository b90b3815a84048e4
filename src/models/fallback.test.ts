import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../core/clock.ts';
import { AppError } from '../core/errors.ts';
import type { Provider } from '../core/provider.ts';
import { runWithFallback, type FallbackOptions } from './fallback.ts';
import { HealthBook } from './provider-health.ts';
import { startProviderHarness } from './testing/provider-harness.ts';
import { providerEntry } from './testing/route-fixtures.ts';

const provider = (name: string): Provider => ({ info: providerEntry(name, 'openai-compatible', 'self', ['EU'], ['text'], 8192) });
const httpFailure = (status: number, retryable: boolean) =>
  new AppError('provider_error', `provider x answered HTTP ${status}`, { retryable, details: { status } });

function setup(breaker = { failureThreshold: 3 }) {
  const clock = new ManualClock('2026-01-01T00:00:00.000Z');
  const health = new HealthBook(clock, { breaker });
  const sleeps: number[] = [];
  let tick = 0;
  const options: FallbackOptions = {
    health,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    now: () => (tick += 10),
  };
  return { clock, health, sleeps, options };
}

test('the first provider that answers wins; the path records every attempt', async () => {
  const { options, sleeps } = setup();
  const calls: string[] = [];
  const result = await runWithFallback(
    [provider('a'), provider('b'), provider('c')],
    async (p) => {
      calls.push(p.info.name);
      if (p.info.name === 'a') throw httpFailure(503, true);
      if (p.info.name === 'b') throw httpFailure(401, false);
      return 'answer';
    },
    options,
  );
  assert.equal(result.value, 'answer');
  assert.equal(result.provider.info.name, 'c');
  assert.deepEqual(calls, ['a', 'a', 'b', 'c'], 'a retryable failure is retried once on the same provider; a 401 is not');
  assert.deepEqual(sleeps, [250]);
  assert.deepEqual(result.attempts, [
    { provider: 'a', attempt: 1, outcome: 'error', latencyMs: 10, errorCode: 'provider_error', status: 503, retryable: true },
    { provider: 'a', attempt: 2, outcome: 'error', latencyMs: 10, errorCode: 'provider_error', status: 503, retryable: true },
    { provider: 'b', attempt: 1, outcome: 'error', latencyMs: 10, errorCode: 'provider_error', status: 401, retryable: false },
    { provider: 'c', attempt: 1, outcome: 'ok', latencyMs: 10 },
  ]);
});

test('a Retry-After within the limit is honoured; a longer one moves on at once', async () => {
  const { options, sleeps } = setup();
  const wait = (ms: number) => new AppError('provider_error', 'rate limited', { retryable: true, details: { status: 429, retryAfterMs: ms } });
  let calls = 0;
  await runWithFallback([provider('a')], async () => {
    calls += 1;
    if (calls === 1) throw wait(1_200);
    return 'ok';
  }, options);
  assert.deepEqual(sleeps, [1_200]);

  const tried: string[] = [];
  await runWithFallback([provider('a'), provider('b')], async (p) => {
    tried.push(p.info.name);
    if (p.info.name === 'a') throw wait(60_000);
    return 'ok';
  }, options);
  assert.deepEqual(tried, ['a', 'b']);
});

test('never leaves the chain: when every provider fails, the error lists the path', async () => {
  const { options } = setup();
  const error = await runWithFallback([provider('a'), provider('b')], async () => {
    throw httpFailure(500, true);
  }, { ...options, retries: 0 }).then(
    () => assert.fail('expected failure'),
    (e: unknown) => e as AppError,
  );
  assert.equal(error.code, 'provider_error');
  assert.equal(error.retryable, true);
  assert.match(error.message, /^no provider in the chain could serve the request \(2 attempts, last: provider x answered HTTP 500\)$/);
  assert.deepEqual((error.details?.attempts as { provider: string }[]).map((a) => a.provider), ['a', 'b']);
});

test('open circuits are skipped and recorded; a chain of open circuits fails as retryable', async () => {
  const { options, health } = setup({ failureThreshold: 2 });
  for (let i = 0; i < 2; i++) health.of('a').finished({ ok: false, latencyMs: 5, countsAsFailure: true });
  const result = await runWithFallback([provider('a'), provider('b')], async () => 'ok', options);
  assert.equal(result.provider.info.name, 'b');
  assert.deepEqual(result.attempts[0], { provider: 'a', attempt: 1, outcome: 'skipped', skipped: 'circuit_open', latencyMs: 0 });

  const onlyOpen = await runWithFallback([provider('a')], async () => 'never', options).catch((e: unknown) => e as AppError);
  assert.equal((onlyOpen as AppError).retryable, true);
  assert.match((onlyOpen as AppError).message, /every provider in the chain has an open circuit/);
});

test('failures feed the breaker: three runs against a dead provider open its circuit', async () => {
  const { options, health, clock } = setup({ failureThreshold: 3 });
  const chain = [provider('dead'), provider('alive')];
  const operation = async (p: Provider) => {
    if (p.info.name === 'dead') throw httpFailure(503, true);
    return 'ok';
  };
  await runWithFallback(chain, operation, options); // two failures (call + retry)
  await runWithFallback(chain, operation, options); // third failure opens the circuit
  assert.equal(health.snapshot('dead').circuit.state, 'open');
  const third = await runWithFallback(chain, operation, options);
  assert.equal(third.attempts[0].outcome, 'skipped');
  clock.advance(30_000);
  assert.equal(health.snapshot('dead').circuit.state, 'half-open');
  const trial = await runWithFallback(chain, operation, { ...options, retries: 0 });
  assert.deepEqual(trial.attempts.map((a) => a.outcome), ['error', 'ok']);
  assert.equal(health.snapshot('dead').circuit.state, 'open', 'the failed trial re-opens the circuit');
});

test('request-specific failures (400) do not count against the provider', async () => {
  const { options, health } = setup({ failureThreshold: 1 });
  await runWithFallback([provider('a'), provider('b')], async (p) => {
    if (p.info.name === 'a') throw httpFailure(400, false);
    return 'ok';
  }, options);
  assert.equal(health.snapshot('a').circuit.state, 'closed');
});

test('a cancelled request stops the walk and blames no provider', async () => {
  const { options, health } = setup({ failureThreshold: 1 });
  const controller = new AbortController();
  const tried: string[] = [];
  const error = await runWithFallback([provider('a'), provider('b')], async (p) => {
    tried.push(p.info.name);
    controller.abort();
    throw new AppError('provider_error', 'cancelled', { details: { aborted: true } });
  }, { ...options, signal: controller.signal }).then(
    () => assert.fail('expected cancellation'),
    (e: unknown) => e as AppError,
  );
  assert.deepEqual(tried, ['a']);
  assert.equal(error.details?.aborted, true);
  assert.equal(health.snapshot('a').circuit.state, 'closed');
});

test('errors that are not provider failures propagate at once', async () => {
  const { options } = setup();
  const tried: string[] = [];
  await assert.rejects(
    runWithFallback([provider('a'), provider('b')], async (p) => {
      tried.push(p.info.name);
      throw new TypeError('bug in the feature');
    }, options),
    TypeError,
  );
  assert.deepEqual(tried, ['a']);
});

test('success records latency and calls in flight return to zero', async () => {
  const { options, health } = setup();
  await runWithFallback([provider('a')], async () => {
    assert.equal(health.snapshot('a').outstanding, 1);
    return 'ok';
  }, options);
  assert.deepEqual({ latencyMs: health.snapshot('a').latencyMs, outstanding: health.snapshot('a').outstanding }, { latencyMs: 10, outstanding: 0 });
});

test('an empty chain is a feature_unavailable error', async () => {
  await assert.rejects(runWithFallback([], async () => 'x', setup().options), (e: unknown) => AppError.isInstance(e) && e.code === 'feature_unavailable');
});

test('over real HTTP: a provider answering 503 falls back to the next one', async () => {
  const first = await startProviderHarness('openai-compatible', { name: 'gpu-1' });
  const second = await startProviderHarness('bedrock', { name: 'bedrock-eu' });
  try {
    first.server.failNext({ status: 503, times: Infinity });
    const { options } = setup();
    const result = await runWithFallback(
      [first.provider, second.provider],
      (p) => p.generateText!({ messages: [{ role: 'user', content: 'Summarise' }] }),
      { ...options, retries: 1 },
    );
    assert.equal(result.provider.info.name, 'bedrock-eu');
    assert.deepEqual(result.attempts.map((a) => [a.provider, a.outcome, a.status]), [
      ['gpu-1', 'error', 503],
      ['gpu-1', 'error', 503],
      ['bedrock-eu', 'ok', undefined],
    ]);
    assert.equal(first.server.requests.length, 2);
  } finally {
    await first.close();
    await second.close();
  }
});
