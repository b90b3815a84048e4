import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixtureJson } from '../testing/fixtures.ts';
import { startProviderHarness, type ProviderHarness } from '../testing/provider-harness.ts';

const SCHEMA = fixtureJson('summary-schema.json');
const request = { messages: [{ role: 'user' as const, content: 'What was decided?' }], maxOutputTokens: 300 };

describe('azure-openai adapter requests (v1 API)', () => {
  let h: ProviderHarness;
  before(async () => {
    h = await startProviderHarness('azure-openai');
  });
  after(() => h.close());
  const last = () => h.server.requests.at(-1)!;

  test('chat completion goes to /openai/v1 with the deployment as model, api-key header and store:false', async () => {
    await h.provider.generateText!(request);
    assert.equal(last().path, '/openai/v1/chat/completions');
    assert.equal(last().headers['api-key'], '[redacted]');
    assert.equal(last().headers.authorization, undefined);
    assert.deepEqual(last().body, { model: 'gpt4o-prod', max_tokens: 300, store: false, messages: [{ role: 'user', content: 'What was decided?' }] });
  });

  test('structured output uses the text deployment and a strict json_schema', async () => {
    await h.provider.generateObject!({ ...request, schemaName: 'meeting_summary', jsonSchema: SCHEMA });
    const body = last().body as Record<string, unknown>;
    assert.equal(body.model, 'gpt4o-prod');
    assert.deepEqual(body.response_format, { type: 'json_schema', json_schema: { name: 'meeting_summary', strict: true, schema: SCHEMA } });
  });

  test("an invalid key gets Azure's 401, not retryable", async () => {
    h.server.failNext({ status: 401 });
    await assert.rejects(h.provider.generateText!(request), (error: unknown) => {
      const e = error as { retryable: boolean; details?: Record<string, unknown> };
      return !e.retryable && e.details?.status === 401;
    });
  });
});

describe('azure-openai adapter requests (dated API version)', () => {
  let h: ProviderHarness;
  before(async () => {
    h = await startProviderHarness('azure-openai', (url) => ({
      baseUrl: `${url}/openai`,
      apiVersion: '2024-10-21',
      deployments: { text: 'gpt4o-prod', embedding: 'embed-large' },
    }));
  });
  after(() => h.close());
  const last = () => h.server.requests.at(-1)!;

  test('requests go to the deployment URL with api-version', async () => {
    await h.provider.generateText!(request);
    assert.equal(last().path, '/openai/deployments/gpt4o-prod/chat/completions');
    assert.deepEqual(last().query, { 'api-version': '2024-10-21' });
    await h.provider.embed!(['a']);
    assert.equal(last().path, '/openai/deployments/embed-large/embeddings');
  });
});
