/**
 * One contract for every adapter: the same assertions against each kind,
 * over real HTTP to a server speaking that provider's protocol.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { streamCompletion } from '../text-stream.ts';
import { fixtureJson } from '../testing/fixtures.ts';
import { startProviderHarness, type HarnessKind, type ProviderHarness } from '../testing/provider-harness.ts';

const MARKER = 'Zanzibar-7741';
const SUMMARY_TEXT = 'The team agreed to ship the beta on Friday; Dana owns the release notes.';
const SUMMARY_OBJECT = { overview: 'Beta release planning', decisions: ['Ship the beta on Friday'], actionItems: [{ owner: 'Dana', task: 'Write the release notes' }] };
const PERPLEXITY_TEXT = 'ISO/IEC 27001 is the international standard for information security management systems [1][2].';

const SUMMARY_SCHEMA = fixtureJson('summary-schema.json');
const DEFINITION_SCHEMA = {
  type: 'object',
  properties: { term: { type: 'string' }, definition: { type: 'string' } },
  required: ['term', 'definition'],
  additionalProperties: false,
};

const EXPECTED: Record<HarnessKind, { text: string; usage: { inputTokens: number; outputTokens: number }; schema: Record<string, unknown>; object: unknown }> = {
  'openai-compatible': { text: SUMMARY_TEXT, usage: { inputTokens: 412, outputTokens: 19 }, schema: SUMMARY_SCHEMA, object: SUMMARY_OBJECT },
  openai: { text: SUMMARY_TEXT, usage: { inputTokens: 412, outputTokens: 19 }, schema: SUMMARY_SCHEMA, object: SUMMARY_OBJECT },
  'azure-openai': { text: SUMMARY_TEXT, usage: { inputTokens: 412, outputTokens: 19 }, schema: SUMMARY_SCHEMA, object: SUMMARY_OBJECT },
  anthropic: { text: SUMMARY_TEXT, usage: { inputTokens: 412, outputTokens: 21 }, schema: SUMMARY_SCHEMA, object: SUMMARY_OBJECT },
  bedrock: { text: SUMMARY_TEXT, usage: { inputTokens: 412, outputTokens: 21 }, schema: SUMMARY_SCHEMA, object: SUMMARY_OBJECT },
  perplexity: {
    text: PERPLEXITY_TEXT,
    usage: { inputTokens: 14, outputTokens: 22 },
    schema: DEFINITION_SCHEMA,
    object: { term: 'ISO/IEC 27001', definition: 'The international standard for information security management systems.' },
  },
};

const request = { system: 'Answer briefly.', messages: [{ role: 'user' as const, content: `What was decided? (${MARKER})` }], maxOutputTokens: 300 };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail('expected the call to fail'),
    (thrown: unknown) => thrown,
  );
  assert.ok(AppError.isInstance(error), `expected an AppError, got ${String(error)}`);
  return error;
}

function assertNoLeak(h: ProviderHarness, error: AppError): void {
  const visible = `${error.message} ${JSON.stringify(error.toJSON())} ${String(error.stack)}`;
  for (const secret of h.secrets) assert.ok(!visible.includes(secret), 'a secret appears in the error');
  assert.ok(!visible.includes(MARKER), 'request content appears in the error');
  assert.equal(error.cause, undefined, 'the library error must not travel along as cause');
}

for (const kind of Object.keys(EXPECTED) as HarnessKind[]) {
  describe(`${kind} adapter contract`, () => {
    let h: ProviderHarness;
    before(async () => {
      h = await startProviderHarness(kind, { timeoutMs: 1_000 });
    });
    after(() => h.close());

    test('generateText maps text, usage and model', async () => {
      const result = await h.provider.generateText!(request);
      assert.equal(result.text, EXPECTED[kind].text);
      assert.deepEqual(result.usage, EXPECTED[kind].usage);
      assert.ok(result.model.length > 0);
    });

    test('streamText yields the text in several chunks and then reports usage', async () => {
      const stream = h.provider.streamText!(request);
      const chunks: string[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      assert.ok(chunks.length > 1, 'expected more than one chunk');
      assert.equal(chunks.join(''), EXPECTED[kind].text);
      const completion = await streamCompletion(stream);
      assert.deepEqual(completion?.usage, EXPECTED[kind].usage);
    });

    test('generateObject returns the structured answer', async () => {
      const result = await h.provider.generateObject!({ ...request, schemaName: 'answer', jsonSchema: EXPECTED[kind].schema });
      assert.deepEqual(result.object, EXPECTED[kind].object);
      assert.ok(result.usage.inputTokens > 0);
    });

    for (const [status, retryable] of [
      [429, true],
      [500, true],
      [503, true],
      [400, false],
      [401, false],
    ] as const) {
      test(`HTTP ${status} becomes provider_error with retryable=${retryable}`, async () => {
        h.server.failNext({ status });
        const error = await failure(h.provider.generateText!(request));
        assert.equal(error.code, 'provider_error');
        assert.equal(error.retryable, retryable);
        assert.equal(error.details?.status, status);
        assert.match(error.message, new RegExp(`HTTP ${status}`));
        assertNoLeak(h, error);
      });
    }

    test('a failing stream throws the mapped error from the iterator and rejects the completion', async () => {
      h.server.failNext({ status: 429 });
      const stream = h.provider.streamText!(request);
      const error = await failure((async () => {
        for await (const _ of stream) assert.fail('no chunk expected');
      })());
      assert.equal(error.details?.status, 429);
      assert.equal(error.retryable, true);
      await assert.rejects(streamCompletion(stream)!, (e: unknown) => AppError.isInstance(e) && e.details?.status === 429);
    });

    test('a slow provider times out as a retryable failure', async () => {
      h.server.failNext({ status: 500, latencyMs: 3_000 });
      const error = await failure(h.provider.generateText!(request));
      assert.equal(error.details?.timeout, true);
      assert.equal(error.retryable, true);
    });

    test("the caller's cancellation is reported as cancelled, not as a provider fault", async () => {
      h.server.setLatency(2_000);
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      try {
        const error = await failure(h.provider.generateText!({ ...request, signal: controller.signal }));
        assert.equal(error.details?.aborted, true);
        assert.equal(error.retryable, false);
      } finally {
        h.server.setLatency(0);
      }
    });

    test('secrets never appear in recorded requests; the auth header keeps its form', () => {
      const recorded = JSON.stringify(h.server.requests);
      for (const secret of h.secrets) assert.ok(!recorded.includes(secret));
      assert.ok(recorded.includes('[redacted]'));
    });
  });
}

test('an unreachable provider is a retryable failure', async () => {
  const h = await startProviderHarness('openai');
  await h.close();
  const error = await failure(h.provider.generateText!(request));
  assert.equal(error.code, 'provider_error');
  assert.equal(error.retryable, true);
  assert.equal(error.details?.unreachable, true);
});
