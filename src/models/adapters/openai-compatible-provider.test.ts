import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createProvider } from './create-provider.ts';
import { parseProviderRegistration } from '../config.ts';
import { fixtureJson } from '../testing/fixtures.ts';
import { startOpenAIServer } from '../testing/openai-server.ts';
import { startProviderHarness, type ProviderHarness } from '../testing/provider-harness.ts';
import type { MultipartBody } from '../testing/wire-server.ts';

const SCHEMA = fixtureJson('summary-schema.json');
const request = { messages: [{ role: 'user' as const, content: 'Summarise the stand-up.' }], maxOutputTokens: 500 };

describe('openai-compatible adapter requests', () => {
  let h: ProviderHarness;
  before(async () => {
    h = await startProviderHarness('openai-compatible', { imageSizes: { landscape: '1216x832', portrait: '832x1216', square: '1024x1024' } });
  });
  after(() => h.close());
  const last = () => h.server.requests.at(-1)!;

  test('chat completion sends no OpenAI-only parameters and reports the served model', async () => {
    const result = await h.provider.generateText!(request);
    assert.deepEqual(last().body, { model: 'llama3.1:70b', max_tokens: 500, messages: [{ role: 'user', content: 'Summarise the stand-up.' }] });
    assert.equal(last().headers.authorization, 'Bearer [redacted]');
    assert.equal(result.model, 'llama3.1:70b');
  });

  test('structured output uses response_format json_schema', async () => {
    const result = await h.provider.generateObject!({ ...request, schemaName: 'standup', jsonSchema: SCHEMA });
    const body = last().body as Record<string, unknown>;
    assert.deepEqual(body.response_format, { type: 'json_schema', json_schema: { name: 'standup', strict: true, schema: SCHEMA } });
    assert.equal('store' in body, false);
    assert.equal((result.object as { overview: string }).overview, 'Beta release planning');
  });

  test('transcription goes over plain HTTP with the original file name and verbose_json', async () => {
    const result = await h.provider.transcribe!({ bytes: new Uint8Array([1, 2, 3, 4]), filename: 'standup.wav' });
    const form = last().body as MultipartBody;
    assert.equal(last().path, '/v1/audio/transcriptions');
    assert.deepEqual(form.fields, { model: 'Systran/faster-whisper-large-v3', response_format: 'verbose_json', 'timestamp_granularities[]': 'segment' });
    assert.deepEqual(form.files, [{ field: 'file', filename: 'standup.wav', type: 'application/octet-stream', size: 4 }]);
    assert.equal(result.text, "Let's ship the beta on Friday. Dana, can you write the release notes?");
    assert.equal(result.segments.length, 2);
  });

  test('moderation of text only sends a single text part', async () => {
    const result = await h.provider.moderate!({ text: 'hello' });
    assert.deepEqual(last().body, { model: 'llama-guard3', input: [{ type: 'text', text: 'hello' }] });
    assert.equal(result.flagged, false);
  });

  test('image generation uses the configured size and asks for base64', async () => {
    await h.provider.generateImage!({ prompt: 'a harbour', size: 'portrait' });
    assert.deepEqual(last().body, { model: 'sdxl-turbo', prompt: 'a harbour', n: 1, size: '832x1216', response_format: 'b64_json' });
  });

  test('a malformed transcription answer is a retryable bad-output failure', async () => {
    h.server.replyNext({ status: 200, json: { segments: [] } });
    await assert.rejects(h.provider.transcribe!({ bytes: new Uint8Array([1]), filename: 'a.wav' }), (error: unknown) => {
      const e = error as { retryable: boolean; details?: Record<string, unknown> };
      return e.retryable && e.details?.invalidOutput === true;
    });
  });
});

test('a keyless server gets no Authorization header', async () => {
  const server = await startOpenAIServer({ flavour: 'compatible' });
  try {
    const config = parseProviderRegistration({
      name: 'ollama', kind: 'openai-compatible', baseUrl: `${server.url}/v1`, regions: ['EU'],
      capabilities: ['text'], models: { text: 'llama3.1:8b' }, contextWindow: 8192,
    });
    await createProvider(config, {}).generateText!(request);
    assert.equal(server.requests[0].headers.authorization, undefined);
  } finally {
    await server.close();
  }
});

test('a speech server that cannot be reached is a retryable failure (plain HTTP path)', async () => {
  const h = await startProviderHarness('openai-compatible');
  await h.close();
  await assert.rejects(h.provider.transcribe!({ bytes: new Uint8Array([1]), filename: 'a.wav' }), (error: unknown) => {
    const e = error as { retryable: boolean; details?: Record<string, unknown> };
    return e.retryable && e.details?.unreachable === true;
  });
});
