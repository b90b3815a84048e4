import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProvider } from './create-provider.ts';
import { fixtureJson } from '../testing/fixtures.ts';
import { startProviderHarness, type ProviderHarness } from '../testing/provider-harness.ts';

const SCHEMA = fixtureJson('summary-schema.json');
const MODEL_PATH = '/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0';
const SIGV4 = /^AWS4-HMAC-SHA256 Credential=\[redacted\]\/\d{8}\/eu-central-1\/bedrock\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=\[redacted\]$/;
const request = { system: 'Answer briefly.', messages: [{ role: 'user' as const, content: 'What was decided?' }], maxOutputTokens: 300, temperature: 0.2 };

describe('bedrock adapter requests', () => {
  let h: ProviderHarness;
  before(async () => {
    h = await startProviderHarness('bedrock');
  });
  after(() => h.close());
  const last = () => h.server.requests.at(-1)!;

  test('Converse request, signed with SigV4 for the configured region and session token', async () => {
    const result = await h.provider.generateText!(request);
    assert.equal(last().path, `${MODEL_PATH}/converse`);
    assert.match(last().headers.authorization, SIGV4);
    assert.equal(last().headers['x-amz-security-token'], '[redacted]');
    assert.deepEqual(last().body, {
      system: [{ text: 'Answer briefly.' }],
      messages: [{ role: 'user', content: [{ text: 'What was decided?' }] }],
      additionalModelResponseFieldPaths: ['/delta/stop_sequence'],
      inferenceConfig: { maxTokens: 300, temperature: 0.2 },
    });
    assert.equal(result.model, 'anthropic.claude-3-5-sonnet-20240620-v1:0');
  });

  test('structured output is a forced call of a json tool', async () => {
    await h.provider.generateObject!({ ...request, schemaName: 'meeting_summary', jsonSchema: SCHEMA });
    assert.deepEqual((last().body as Record<string, unknown>).toolConfig, {
      tools: [{ toolSpec: { name: 'json', description: 'Respond with a JSON object.', inputSchema: { json: SCHEMA } } }],
      toolChoice: { any: {} },
    });
  });

  test('streaming uses converse-stream and decodes the event-stream framing', async () => {
    const chunks: string[] = [];
    for await (const chunk of h.provider.streamText!(request)) chunks.push(chunk);
    assert.equal(last().path, `${MODEL_PATH}/converse-stream`);
    assert.deepEqual(chunks, ['The team', ' agreed to ship the beta on Friday;', ' Dana owns the release notes.']);
  });

  test('embeddings invoke the Titan model once per text', async () => {
    const before = h.server.requests.length;
    const result = await h.provider.embed!(['alpha', 'beta']);
    // The two calls run in parallel, so their arrival order is not fixed.
    const calls = h.server.requests.slice(before).sort((a, b) => JSON.stringify(a.body).localeCompare(JSON.stringify(b.body)));
    assert.deepEqual(calls.map((c) => [c.path, c.body]), [
      ['/model/amazon.titan-embed-text-v2%3A0/invoke', { inputText: 'alpha' }],
      ['/model/amazon.titan-embed-text-v2%3A0/invoke', { inputText: 'beta' }],
    ]);
    assert.equal(result.vectors.length, 2);
    assert.deepEqual(result.usage, { inputTokens: 14, outputTokens: 0 });
  });

  test('throttling is retryable and names the exception', async () => {
    h.server.failNext({ status: 429 });
    await assert.rejects(h.provider.generateText!(request), (error: unknown) => {
      const e = error as { retryable: boolean; details?: Record<string, unknown> };
      return e.retryable && e.details?.errorType === 'ThrottlingException';
    });
  });

  test("Bedrock's conversation rules are enforced: a conversation must start with the user", async () => {
    const fromAssistant = { messages: [{ role: 'assistant' as const, content: 'Hello' }, { role: 'user' as const, content: 'Hi' }] };
    await assert.rejects(h.provider.generateText!(fromAssistant), (error: unknown) => {
      const e = error as { retryable: boolean; details?: Record<string, unknown> };
      return !e.retryable && e.details?.status === 400 && e.details.errorType === 'ValidationException';
    });
  });

  test('a wrong secret key fails signature verification: 403, not retryable', async () => {
    const wrong = createProvider(h.config, { ...h.env, AWS_SECRET_ACCESS_KEY: 'not-the-right-secret' });
    await assert.rejects(wrong.generateText!(request), (error: unknown) => {
      const e = error as { retryable: boolean; details?: Record<string, unknown> };
      return !e.retryable && e.details?.status === 403 && e.details.errorType === 'InvalidSignatureException';
    });
  });

  test('credentials come only from the given environment, never from process.env', async () => {
    process.env.AWS_BEARER_TOKEN_BEDROCK = 'bearer-token-from-the-process';
    try {
      await createProvider(h.config, h.env).generateText!(request);
      assert.match(last().headers.authorization, SIGV4);
    } finally {
      delete process.env.AWS_BEARER_TOKEN_BEDROCK;
    }
  });
});
