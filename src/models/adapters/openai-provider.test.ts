import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixtureJson } from '../testing/fixtures.ts';
import { startProviderHarness, type ProviderHarness } from '../testing/provider-harness.ts';
import type { MultipartBody } from '../testing/wire-server.ts';

const SCHEMA = fixtureJson('summary-schema.json');
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';
const request = { system: 'Answer briefly.', messages: [{ role: 'user' as const, content: 'What was decided?' }], maxOutputTokens: 300, temperature: 0.2 };

describe('openai adapter requests', () => {
  let h: ProviderHarness;
  before(async () => {
    h = await startProviderHarness('openai');
  });
  after(() => h.close());
  const last = () => h.server.requests.at(-1)!;

  test('chat completion: model, max tokens, messages and store:false, Bearer auth', async () => {
    await h.provider.generateText!(request);
    assert.equal(last().path, '/v1/chat/completions');
    assert.equal(last().headers.authorization, 'Bearer [redacted]');
    assert.deepEqual(last().body, {
      model: 'gpt-4.1-mini',
      max_tokens: 300,
      temperature: 0.2,
      store: false,
      messages: [
        { role: 'system', content: 'Answer briefly.' },
        { role: 'user', content: 'What was decided?' },
      ],
    });
  });

  test('streaming asks for usage and still sends store:false', async () => {
    for await (const _ of h.provider.streamText!(request)) {
      // drain
    }
    const body = last().body as Record<string, unknown>;
    assert.equal(body.stream, true);
    assert.deepEqual(body.stream_options, { include_usage: true });
    assert.equal(body.store, false);
  });

  test('structured output sends the schema as a strict json_schema response format', async () => {
    await h.provider.generateObject!({ ...request, schemaName: 'meeting_summary', jsonSchema: SCHEMA });
    const body = last().body as Record<string, unknown>;
    assert.deepEqual(body.response_format, { type: 'json_schema', json_schema: { name: 'meeting_summary', strict: true, schema: SCHEMA } });
    assert.equal(body.store, false);
  });

  test('an object that does not match the schema is a retryable bad answer', async () => {
    const wrong = fixtureJson<{ choices: { message: { content: string } }[] }>('openai-chat-structured.json');
    wrong.choices[0].message.content = JSON.stringify({ overview: 42, decisions: [], actionItems: [] });
    h.server.replyNext({ status: 200, json: wrong });
    await assert.rejects(h.provider.generateObject!({ ...request, schemaName: 'meeting_summary', jsonSchema: SCHEMA }), (error: unknown) => {
      const e = error as { code: string; retryable: boolean; details?: Record<string, unknown> };
      return e.code === 'provider_error' && e.retryable && e.details?.invalidOutput === true;
    });
  });

  test('embeddings send every text in one request as floats', async () => {
    const result = await h.provider.embed!(['first passage', 'second passage']);
    assert.deepEqual(last().body, { model: 'text-embedding-3-small', input: ['first passage', 'second passage'], encoding_format: 'float' });
    assert.equal(result.vectors.length, 2);
    assert.deepEqual(result.usage, { inputTokens: 14, outputTokens: 0 });
  });

  test('transcription asks for verbose_json with segment timestamps and maps the segments', async () => {
    const wav = new Uint8Array([...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVEfmt ')]);
    const result = await h.provider.transcribe!({ bytes: wav, filename: 'standup.wav', language: 'en' });
    const form = last().body as MultipartBody;
    assert.equal(last().path, '/v1/audio/transcriptions');
    assert.equal(form.fields.model, 'whisper-1');
    assert.equal(form.fields.response_format, 'verbose_json');
    assert.equal(form.fields['timestamp_granularities[]'], 'segment');
    assert.equal(form.fields.language, 'en');
    assert.equal(form.files[0].field, 'file');
    assert.deepEqual(result.segments, [
      { start: 0, end: 3.2, text: " Let's ship the beta on Friday." },
      { start: 3.2, end: 7.84, text: ' Dana, can you write the release notes?' },
    ]);
  });

  test('moderation sends text and image parts and lists flagged categories', async () => {
    const flagged = fixtureJson<{ results: { flagged: boolean; categories: Record<string, boolean> }[] }>('openai-moderation.json');
    flagged.results[0].flagged = true;
    flagged.results[0].categories.violence = true;
    h.server.replyNext({ status: 200, json: flagged });
    const result = await h.provider.moderate!({ text: 'a caption', imageBase64: PNG });
    assert.deepEqual(last().body, {
      model: 'omni-moderation-latest',
      input: [
        { type: 'text', text: 'a caption' },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
      ],
    });
    assert.deepEqual(result, { flagged: true, categories: ['violence'], model: 'omni-moderation-2024-09-26' });
  });

  test('image generation sends the configured size for the orientation and reads base64', async () => {
    const result = await h.provider.generateImage!({ prompt: 'a lighthouse at dawn', size: 'landscape' });
    assert.deepEqual(last().body, { model: 'gpt-image-1', prompt: 'a lighthouse at dawn', n: 1, size: '1536x1024' });
    assert.deepEqual(result, { images: [{ base64: PNG, mediaType: 'image/png' }], model: 'gpt-image-1' });
  });

  test('a Retry-After on 429 is passed on to the fallback', async () => {
    h.server.failNext({ status: 429, headers: { 'retry-after': '2' } });
    await assert.rejects(h.provider.generateText!(request), (error: unknown) => {
      const details = (error as { details?: Record<string, unknown> }).details;
      return details?.retryAfterMs === 2000 && details.errorType === 'rate_limit_exceeded';
    });
  });
});
