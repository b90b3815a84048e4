import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../core/clock.ts';
import { runWithFallback } from './fallback.ts';
import { HealthBook } from './provider-health.ts';
import { startProviderHarness } from './testing/provider-harness.ts';
import { primeStream, streamCompletion } from './text-stream.ts';

test('a stream that cannot start falls back to the next provider; the reader sees one whole answer', async () => {
  const broken = await startProviderHarness('anthropic', { name: 'claude' });
  const working = await startProviderHarness('openai-compatible', { name: 'gpu-1' });
  try {
    broken.server.failNext({ status: 529, times: Infinity });
    const result = await runWithFallback(
      [broken.provider, working.provider],
      (p) => primeStream(p.streamText!({ messages: [{ role: 'user', content: 'Summarise' }] })),
      { health: new HealthBook(new ManualClock()), retries: 0 },
    );
    assert.deepEqual(result.attempts.map((a) => [a.provider, a.outcome]), [['claude', 'error'], ['gpu-1', 'ok']]);
    let text = '';
    for await (const chunk of result.value) text += chunk;
    assert.equal(text, 'The team agreed to ship the beta on Friday; Dana owns the release notes.');
    assert.deepEqual((await streamCompletion(result.value))?.usage, { inputTokens: 412, outputTokens: 19 });
  } finally {
    await broken.close();
    await working.close();
  }
});

test('a plain iterable is primed without a completion', async () => {
  async function* words() {
    yield 'a';
    yield 'b';
  }
  const primed = await primeStream(words());
  const seen: string[] = [];
  for await (const word of primed) seen.push(word);
  assert.deepEqual(seen, ['a', 'b']);
  assert.equal(streamCompletion(primed), null);
});

test('stopping early returns the upstream iterator', async () => {
  let finished = false;
  async function* words() {
    try {
      yield 'a';
      yield 'b';
    } finally {
      finished = true;
    }
  }
  for await (const _ of await primeStream(words())) break;
  assert.equal(finished, true);
});
