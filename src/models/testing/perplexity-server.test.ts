import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startPerplexityServer } from './perplexity-server.ts';
import type { WireServer } from './wire-server.ts';

describe('Perplexity wire server', () => {
  let server: WireServer;
  before(async () => {
    server = await startPerplexityServer({ apiKey: 'pplx-test' });
  });
  after(() => server.close());

  const send = async (body: unknown) => {
    const response = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer pplx-test' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  test('refuses unknown models and non-alternating turns with its error shape', async () => {
    const model = await send({ model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }] });
    assert.equal(model.status, 400);
    assert.equal((model.body.error as Record<string, unknown>).type, 'invalid_model');
    const turns = await send({ model: 'sonar', messages: [{ role: 'system', content: 's' }, { role: 'user', content: 'a' }, { role: 'user', content: 'b' }] });
    assert.deepEqual(turns.body, { error: { message: 'After the (optional) system message(s), user and assistant roles should be alternating.', type: 'invalid_message', code: 400 } });
  });

  test('answers with citations and search results', async () => {
    const reply = await send({ model: 'sonar', messages: [{ role: 'user', content: 'x' }] });
    assert.equal((reply.body.citations as string[]).length, 2);
    assert.equal((reply.body.search_results as unknown[]).length, 2);
  });
});
