import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixtureJson } from '../testing/fixtures.ts';
import { startProviderHarness, type ProviderHarness } from '../testing/provider-harness.ts';

const SCHEMA = fixtureJson('summary-schema.json');
const request = { system: 'Answer briefly.', messages: [{ role: 'user' as const, content: 'What was decided?' }], maxOutputTokens: 300, temperature: 0.2 };

describe('anthropic adapter requests', () => {
  let h: ProviderHarness;
  before(async () => {
    h = await startProviderHarness('anthropic');
  });
  after(() => h.close());
  const last = () => h.server.requests.at(-1)!;

  test('messages request: top-level system, content blocks, max_tokens, x-api-key and version headers', async () => {
    await h.provider.generateText!(request);
    assert.equal(last().path, '/v1/messages');
    assert.equal(last().headers['x-api-key'], '[redacted]');
    assert.equal(last().headers['anthropic-version'], '2023-06-01');
    assert.equal(last().headers.authorization, undefined);
    assert.deepEqual(last().body, {
      model: 'claude-sonnet-4-5',
      max_tokens: 300,
      temperature: 0.2,
      system: [{ type: 'text', text: 'Answer briefly.' }],
      messages: [{ role: 'user', content: [{ type: 'text', text: 'What was decided?' }] }],
    });
  });

  test('structured output is a forced call of a json tool whose input schema is the schema', async () => {
    await h.provider.generateObject!({ ...request, schemaName: 'meeting_summary', jsonSchema: SCHEMA });
    const body = last().body as Record<string, unknown>;
    assert.deepEqual(body.tools, [{ name: 'json', description: 'Respond with a JSON object.', input_schema: SCHEMA }]);
    assert.deepEqual(body.tool_choice, { type: 'any', disable_parallel_tool_use: true });
    assert.equal('output_config' in body, false);
  });

  test('streaming sets stream:true and reads the event sequence to message_stop', async () => {
    const chunks: string[] = [];
    for await (const chunk of h.provider.streamText!(request)) chunks.push(chunk);
    assert.equal((last().body as Record<string, unknown>).stream, true);
    assert.deepEqual(chunks, ['The team', ' agreed to ship the beta', ' on Friday;', ' Dana owns the release notes.']);
  });

  test('529 overloaded is retryable and names the error type', async () => {
    h.server.failNext({ status: 529 });
    await assert.rejects(h.provider.generateText!(request), (error: unknown) => {
      const e = error as { retryable: boolean; message: string; details?: Record<string, unknown> };
      return e.retryable && e.details?.errorType === 'overloaded_error' && e.message === 'provider anthropic-test answered HTTP 529 (overloaded_error)';
    });
  });
});
