import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startAnthropicServer } from './anthropic-server.ts';
import type { WireServer } from './wire-server.ts';

const KEY = 'sk-ant-test';

describe('Anthropic wire server', () => {
  let server: WireServer;
  before(async () => {
    server = await startAnthropicServer({ apiKey: KEY });
  });
  after(() => server.close());

  const send = async (body: unknown, headers: Record<string, string> = { 'x-api-key': KEY, 'anthropic-version': '2023-06-01' }) => {
    const response = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const valid = { model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] };

  test('refuses missing keys and versions with authentication_error and invalid_request_error', async () => {
    assert.deepEqual(await send(valid, {}), { status: 401, body: { type: 'error', error: { type: 'authentication_error', message: 'x-api-key header is required' } } });
    assert.deepEqual((await send(valid, { 'x-api-key': KEY })).body, { type: 'error', error: { type: 'invalid_request_error', message: 'anthropic-version: header is required' } });
  });

  test('refuses a system role in messages, a missing max_tokens and unknown fields', async () => {
    const system = await send({ ...valid, messages: [{ role: 'system', content: 'x' }] });
    assert.match(String((system.body.error as Record<string, unknown>).message), /Unexpected role "system"/);
    const { max_tokens: _omitted, ...withoutMax } = valid;
    assert.equal(((await send(withoutMax)).body.error as Record<string, unknown>).message, 'max_tokens: Field required');
    assert.equal(((await send({ ...valid, store: false })).body.error as Record<string, unknown>).message, 'store: Extra inputs are not permitted');
  });

  test('refuses tool_choice without tools and a tool schema that is not an object', async () => {
    assert.equal(((await send({ ...valid, tool_choice: { type: 'any' } })).body.error as Record<string, unknown>).message, 'tool_choice may only be specified while providing tools.');
    const bad = await send({ ...valid, tools: [{ name: 'json', input_schema: { type: 'array' } }] });
    assert.equal(bad.status, 400);
  });

  test('answers a forced tool call with a tool_use block named after the tool', async () => {
    const reply = await send({ ...valid, tools: [{ name: 'extract', input_schema: { type: 'object' } }], tool_choice: { type: 'tool', name: 'extract' } });
    assert.equal(reply.body.stop_reason, 'tool_use');
    assert.equal((reply.body.content as { type: string; name: string }[])[0].name, 'extract');
  });

  test('streams the full event sequence', async () => {
    const response = await fetch(`${server.url}/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': KEY, 'anthropic-version': '2023-06-01' },
      body: JSON.stringify({ ...valid, stream: true }),
    });
    const events = [...(await response.text()).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    assert.deepEqual([events[0], events[1], events.at(-2), events.at(-1)], ['message_start', 'content_block_start', 'message_delta', 'message_stop']);
  });
});
