import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fixtureJson } from '../testing/fixtures.ts';
import { startProviderHarness, type ProviderHarness } from '../testing/provider-harness.ts';

const request = { system: 'Cite sources.', messages: [{ role: 'user' as const, content: 'What is ISO 27001?' }], maxOutputTokens: 400 };

describe('perplexity adapter requests', () => {
  let h: ProviderHarness;
  before(async () => {
    h = await startProviderHarness('perplexity');
  });
  after(() => h.close());
  const last = () => h.server.requests.at(-1)!;

  test('chat completion request and citations mapped to sources with search-result titles', async () => {
    const result = await h.provider.generateText!(request);
    assert.equal(last().path, '/chat/completions');
    assert.equal(last().headers.authorization, 'Bearer [redacted]');
    assert.deepEqual(last().body, {
      model: 'sonar',
      max_tokens: 400,
      messages: [
        { role: 'system', content: 'Cite sources.' },
        { role: 'user', content: 'What is ISO 27001?' },
      ],
    });
    assert.deepEqual(result.sources, [
      { url: 'https://www.iso.org/standard/27001', title: 'ISO/IEC 27001:2022 - Information security management systems' },
      { url: 'https://en.wikipedia.org/wiki/ISO/IEC_27001', title: 'ISO/IEC 27001 - Wikipedia' },
    ]);
  });

  test('search results that were not cited are kept as further sources', async () => {
    const answer = fixtureJson<{ citations: string[]; search_results: unknown[] }>('perplexity-chat-completion.json');
    answer.citations = ['https://www.iso.org/standard/27001'];
    h.server.replyNext({ status: 200, json: answer });
    const result = await h.provider.generateText!(request);
    assert.deepEqual(result.sources?.map((s) => s.url), ['https://www.iso.org/standard/27001', 'https://en.wikipedia.org/wiki/ISO/IEC_27001']);
  });

  test('structured output sends response_format json_schema', async () => {
    const schema = { type: 'object', properties: { term: { type: 'string' }, definition: { type: 'string' } }, required: ['term', 'definition'] };
    const result = await h.provider.generateObject!({ ...request, schemaName: 'definition', jsonSchema: schema });
    assert.deepEqual((last().body as Record<string, unknown>).response_format, { type: 'json_schema', json_schema: { schema } });
    assert.equal((result.object as { term: string }).term, 'ISO/IEC 27001');
  });

  test("Perplexity's turn-order rule is enforced and surfaces as a non-retryable 400", async () => {
    const twoUserTurns = { messages: [{ role: 'user' as const, content: 'a' }, { role: 'user' as const, content: 'b' }] };
    await assert.rejects(h.provider.generateText!(twoUserTurns), (error: unknown) => {
      const e = error as { retryable: boolean; details?: Record<string, unknown> };
      return !e.retryable && e.details?.status === 400 && e.details.errorType === 'invalid_message';
    });
  });
});
