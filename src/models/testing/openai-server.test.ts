import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startOpenAIServer } from './openai-server.ts';
import type { WireServer } from './wire-server.ts';

const KEY = 'sk-test-5c1e';

describe('OpenAI wire server', () => {
  let server: WireServer;
  before(async () => {
    server = await startOpenAIServer({ apiKey: KEY });
  });
  after(() => server.close());

  const post = async (path: string, body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { error?: Record<string, unknown> } & Record<string, unknown> };
  };
  const chat = (extra: Record<string, unknown>) => post('/v1/chat/completions', { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'hi' }], ...extra });

  test('refuses a missing or wrong key with invalid_api_key', async () => {
    assert.equal((await post('/v1/chat/completions', {}, {})).status, 401);
    const wrong = await post('/v1/chat/completions', {}, { authorization: 'Bearer nope' });
    assert.deepEqual(wrong, { status: 401, body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', param: null, code: 'invalid_api_key' } } });
  });

  test('refuses bodies that are not JSON', async () => {
    const reply = await post('/v1/chat/completions', '{"model":');
    assert.equal(reply.status, 400);
    assert.match(String(reply.body.error?.message), /could not parse the JSON body/);
  });

  test('refuses unknown parameters, a missing model and empty messages', async () => {
    assert.equal((await chat({ max_tokens_per_call: 3 })).body.error?.message, 'Unrecognized request argument supplied: max_tokens_per_call');
    assert.equal((await post('/v1/chat/completions', { messages: [] })).body.error?.message, 'you must provide a model parameter');
    assert.equal((await chat({ messages: [] })).body.error?.param, 'messages');
  });

  test('refuses an unknown role with the parameter path', async () => {
    const reply = await chat({ messages: [{ role: 'robot', content: 'x' }] });
    assert.equal(reply.status, 400);
    assert.equal(reply.body.error?.param, 'messages[0].role');
    assert.equal(reply.body.error?.code, 'invalid_value');
  });

  test('refuses stream_options without stream', async () => {
    assert.equal((await chat({ stream_options: { include_usage: true } })).body.error?.param, 'stream_options');
  });

  test('refuses a strict json_schema whose objects are open or miss required keys', async () => {
    const open = await chat({ response_format: { type: 'json_schema', json_schema: { name: 's', strict: true, schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } } } });
    assert.equal(open.status, 400);
    assert.match(String(open.body.error?.message), /'additionalProperties' is required to be supplied and to be false/);
    const missing = await chat({
      response_format: { type: 'json_schema', json_schema: { name: 's', strict: true, schema: { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['a'], additionalProperties: false } } },
    });
    assert.match(String(missing.body.error?.message), /Missing 'b'/);
    const unnamed = await chat({ response_format: { type: 'json_schema', json_schema: { schema: {} } } });
    assert.equal(unnamed.body.error?.param, 'response_format.json_schema.name');
  });

  test('streams SSE chunks, ends with [DONE], and includes usage only when asked', async () => {
    const read = async (extra: Record<string, unknown>) => {
      const response = await fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'hi' }], stream: true, ...extra }),
      });
      assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
      return response.text();
    };
    const withUsage = await read({ stream_options: { include_usage: true } });
    assert.ok(withUsage.trimEnd().endsWith('data: [DONE]'));
    assert.match(withUsage, /"prompt_tokens":412/);
    assert.doesNotMatch(await read({}), /prompt_tokens/);
  });

  test('embeddings answer one vector per input, in order', async () => {
    const reply = await post('/v1/embeddings', { model: 'text-embedding-3-small', input: ['a', 'b', 'c'] });
    assert.deepEqual((reply.body.data as { index: number }[]).map((d) => d.index), [0, 1, 2]);
    assert.equal((await post('/v1/embeddings', { model: 'text-embedding-3-small', input: [] })).body.error?.param, 'input');
  });

  test('transcriptions require multipart and verbose_json for timestamp granularities', async () => {
    assert.equal((await post('/v1/audio/transcriptions', { model: 'whisper-1' })).status, 400);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array([1])]), 'a.wav');
    form.append('model', 'whisper-1');
    form.append('timestamp_granularities[]', 'segment');
    const response = await fetch(`${server.url}/v1/audio/transcriptions`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: form });
    assert.equal(response.status, 400);
  });

  test('image sizes and parameters follow the model', async () => {
    const reply = await post('/v1/images/generations', { model: 'gpt-image-1', prompt: 'x', size: '1792x1024' });
    assert.equal(reply.body.error?.param, 'size');
    const format = await post('/v1/images/generations', { model: 'gpt-image-1', prompt: 'x', response_format: 'b64_json' });
    assert.equal(format.body.error?.code, 'unknown_parameter');
  });

  test('failNext answers with the error shape, then recovers; latency delays the answer', async () => {
    server.failNext({ status: 429, times: 2 });
    assert.equal((await chat({})).body.error?.code, 'rate_limit_exceeded');
    assert.equal((await chat({})).status, 429);
    assert.equal((await chat({})).status, 200);
    server.setLatency(120);
    const started = Date.now();
    await chat({});
    assert.ok(Date.now() - started >= 100);
    server.setLatency(0);
  });

  test('records requests with the secret redacted', () => {
    const recorded = JSON.stringify(server.requests);
    assert.ok(!recorded.includes(KEY));
    assert.ok(server.requests.some((r) => r.headers.authorization === 'Bearer [redacted]'));
  });
});

test('closes cleanly while a slow answer is pending', async () => {
  const server = await startOpenAIServer({ flavour: 'compatible' });
  server.setLatency(10_000);
  const pending = fetch(`${server.url}/v1/chat/completions`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }).catch((error: unknown) => error);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await server.close();
  assert.ok((await pending) instanceof Error);
});

test('the azure flavour needs api-version on deployment URLs and answers with its error shape', async () => {
  const server = await startOpenAIServer({ flavour: 'azure', apiKey: KEY });
  try {
    const response = await fetch(`${server.url}/openai/deployments/gpt4o/chat/completions`, { method: 'POST', headers: { 'api-key': KEY, 'content-type': 'application/json' }, body: '{}' });
    assert.deepEqual({ status: response.status, body: await response.json() }, { status: 404, body: { error: { code: '404', message: 'Resource not found' } } });
  } finally {
    await server.close();
  }
});
