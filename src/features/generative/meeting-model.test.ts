import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { AppError } from '../../core/errors.ts';
import type { Answer, MeetingSummary } from '../../core/outputs.ts';
import type { User } from '../../core/types.ts';
import { chatCompletionReply } from '../../models/testing/openai-server.ts';
import { startProviderHarness, type ProviderHarness } from '../../models/testing/provider-harness.ts';
import { ingestMeeting } from '../../usecases/ingest-meeting.ts';
import { runFeature } from '../run-feature.ts';
import { ANSWER_JSON_SCHEMA, chunkBudget, chunkSegments, SUMMARY_JSON_SCHEMA } from './meeting-model.ts';
import { LAUNCH_SYNC_VTT } from '../testing.ts';

const TRANSCRIPT = LAUNCH_SYNC_VTT;

const SUMMARY = {
  overview: { text: 'The team planned the beta launch and compared vendors.', segments: [0, 2] },
  keyPoints: [{ text: 'Five vendors were compared; Contoso was cheapest, Fabrikam had better support.', segments: [2, 3] }],
  decisions: [{ text: 'Ship the beta on 12 March.', segments: [0] }],
  actionItems: [{ text: 'Send the release notes to marketing.', owner: 'Tom Becker', due: '2026-03-06', segments: [1] }],
  nextSteps: [],
};

const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));

describe('generative meeting features through an OpenAI-compatible server', () => {
  let world: TestWorld;
  let local: ProviderHarness;
  let small: ProviderHarness;
  let openai: ProviderHarness;
  let member: User;
  let meetingId: string;

  before(async () => {
    local = await startProviderHarness('openai-compatible', { name: 'ollama', capabilities: ['text', 'structured'], models: { text: 'llama3.1:70b' }, contextWindow: 32768 });
    // A tiny context window: the test transcript needs several chunks.
    small = await startProviderHarness('openai-compatible', { name: 'tiny', capabilities: ['text', 'structured'], models: { text: 'qwen2.5:0.5b' }, contextWindow: 2500 });
    openai = await startProviderHarness('openai');
    world = await createTestWorld({
      providers: { configs: [local.config, small.config, openai.config], env: { ...local.env, ...small.env, ...openai.env } },
    });
    member = await world.addUser({ email: 'member@acme.test' });
    meetingId = (await ingestMeeting(await world.ctx(member), { filename: 'launch.vtt', content: TRANSCRIPT, summarize: false })).artifact.id;
  });
  after(async () => {
    await world.close();
    await Promise.all([local.close(), small.close(), openai.close()]);
  });
  beforeEach(() => {
    local.server.reset();
    small.server.reset();
  });

  it('summarises with the requested provider, sending exactly the structured-output request, and audits the call without content', async () => {
    local.server.replyNext(chatCompletionReply(SUMMARY, { model: 'llama3.1:70b' }));
    const output = await runFeature<MeetingSummary>(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }, { provider: 'ollama' });

    assert.equal(output.provider, 'ollama');
    assert.equal(output.model, 'llama3.1:70b');
    assert.equal(local.server.requests.length, 1);
    const [request] = local.server.requests;
    assert.equal(request.path, '/v1/chat/completions');
    assert.equal(request.headers.authorization, 'Bearer [redacted]');
    const body = request.body as Record<string, any>;
    assert.deepEqual(Object.keys(body).sort(), ['messages', 'model', 'response_format', 'temperature']);
    assert.equal(body.model, 'llama3.1:70b');
    assert.equal(body.temperature, 0);
    assert.deepEqual(body.response_format, { type: 'json_schema', json_schema: { schema: SUMMARY_JSON_SCHEMA, strict: true, name: 'meeting_summary' } });
    assert.equal(body.messages[0].role, 'system');
    assert.match(body.messages[0].content, /Cite only segment numbers/);
    assert.equal(body.messages[1].role, 'user');
    assert.match(body.messages[1].content, /^Meeting: Launch sync\nMeeting date: 2026-03-04\n/);
    assert.match(body.messages[1].content, /\[1\] 00:06 Tom Becker: I'll send the release notes to marketing by Friday\./);

    const action = output.payload.actionItems[0];
    assert.deepEqual(action.citations, [{ artifactId: meetingId, segment: 1, start: 6, end: 12, speaker: 'Tom Becker' }]);
    assert.equal(action.due, '2026-03-06');
    assert.equal(output.payload.stats.segments, 4, 'statistics are measured, not generated');

    const [call] = await world.services.store.audit.list(world.account.id, { action: 'ai.model_call', targetId: 'ollama' });
    assert.equal(call.outcome, 'ok');
    assert.equal(call.details.model, 'llama3.1:70b');
    assert.equal(call.details.region, 'EU');
    assert.equal(call.details.mode, 'self-hosted-plus');
    assert.equal(call.details.capability, 'structured');
    assert.equal(call.details.inputTokens, 420);
    assert.equal(call.details.outputTokens, 60);
    assert.equal(call.details.retainsData, false);
    assert.deepEqual(call.details.fallbackPath, [{ provider: 'ollama', outcome: 'ok' }]);
    const [run] = await world.services.store.audit.list(world.account.id, { action: 'ai.run', targetId: 'meeting.summary' });
    assert.equal(run.details.provider, 'ollama');
    const recorded = JSON.stringify([call, run]);
    for (const word of ['release notes', 'Northwind', 'marketing', 'vendors']) assert.ok(!recorded.includes(word), `audit holds no content ("${word}")`);
  });

  it('sends an answer citing a segment outside the context back once, and accepts the corrected one', async () => {
    local.server.replyNext(chatCompletionReply({ answer: 'Northwind and four others.', covered: true, segments: [2, 9] }));
    local.server.replyNext(chatCompletionReply({ answer: 'Northwind, Contoso, Fabrikam, Tailspin and Litware.', covered: true, segments: [2] }));
    const output = await runFeature<Answer>(await world.ctx(member), 'meeting.query', { artifactId: meetingId, question: 'Which vendors were compared?' }, { provider: 'ollama' });
    assert.equal(output.provider, 'ollama');
    assert.deepEqual(output.payload.citations.map((c) => c.segment), [2]);
    assert.equal(local.server.requests.length, 2);
    const retry = (local.server.requests[1].body as Record<string, any>).messages;
    assert.deepEqual((local.server.requests[1].body as Record<string, any>).response_format.json_schema.schema, ANSWER_JSON_SCHEMA);
    assert.equal(retry.length, 4);
    assert.equal(retry[2].role, 'assistant');
    assert.match(retry[3].content, /cites segment 9, which is not in the transcript given/);
  });

  it('falls back to the built-in engine after two invalid answers, and records why', async () => {
    local.server.replyNext(chatCompletionReply({ ...SUMMARY, decisions: [{ text: 'Ship.', segments: [42] }] }));
    local.server.replyNext(chatCompletionReply({ ...SUMMARY, decisions: [{ text: 'Ship.', segments: [] }] }));
    const output = await runFeature<MeetingSummary>(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }, { provider: 'ollama' });
    assert.equal(output.provider, 'builtin');
    assert.equal(local.server.requests.length, 2);
    const [run] = await world.services.store.audit.list(world.account.id, { action: 'ai.run', targetId: 'meeting.summary' }).then((events) => events.slice(-1));
    assert.match(String(run.details.builtinFallback), /returned an invalid meeting_summary twice.*served by the built-in engine/);
    assert.deepEqual(run.details.fallbackPath, ['ollama:error']);
  });

  it('summarises a transcript longer than the context window by map-reduce, keeping citations', async () => {
    const huge = TRANSCRIPT.replace(/(<v [^>]+>)(.*)/g, (_, voice, text) => `${voice}${text} ${'Further detail on this point was discussed at length. '.repeat(60)}`);
    const longId = (await ingestMeeting(await world.ctx(member), { filename: 'long.vtt', content: huge, summarize: false })).artifact.id;
    const segments = await world.services.store.segments.list(longId);
    const chunks = chunkSegments(segments, chunkBudget({ generative: [small.config.info] } as never));
    assert.ok(chunks.length >= 2, `the transcript needs several chunks (got ${chunks.length})`);
    const whole = segments.reduce((n, s) => n + s.text.length, 0) / 4;
    assert.ok(whole > small.config.info.contextWindow, 'the whole transcript does not fit the context window');
    // One partial summary per chunk, citing only that chunk's segments, then the merged one.
    for (const chunk of chunks) {
      const numbers = chunk.map((segment) => segment.index);
      small.server.replyNext(
        chatCompletionReply({
          overview: { text: `Part from segment ${numbers[0]}.`, segments: [numbers[0]] },
          keyPoints: [],
          decisions: [],
          actionItems: numbers.includes(1) ? [{ text: 'Release notes.', owner: 'Tom Becker', due: '2026-03-06', segments: [1] }] : [],
          nextSteps: [],
        }),
      );
    }
    small.server.replyNext(chatCompletionReply(SUMMARY));

    const output = await runFeature<MeetingSummary>(await world.ctx(member), 'meeting.summary', { artifactId: longId }, { provider: 'tiny' });
    assert.equal(output.provider, 'tiny');
    assert.equal(small.server.requests.length, chunks.length + 1, 'one call per chunk and one to reduce');
    const reduce = (small.server.requests.at(-1)!.body as Record<string, any>).messages[1].content as string;
    assert.match(reduce, /Merge them into one summary/);
    assert.match(reduce, /Part 1: \{"overview":\{"text":"Part from segment 0\.","segments":\[0\]\}/);
    const firstChunk = (small.server.requests[0].body as Record<string, any>).messages[1].content as string;
    assert.match(firstChunk, new RegExp(`This is part 1 of ${chunks.length} of the transcript`));
    assert.ok(!firstChunk.includes(`[${chunks[1][0].index}] `), 'a chunk carries only its own segments');
    assert.deepEqual(output.payload.actionItems[0].citations.map((c) => [c.artifactId, c.segment, c.speaker]), [[longId, 1, 'Tom Becker']]);
  });

  it('refuses a provider the mode does not allow, with the reason, and never calls it', async () => {
    await assert.rejects(
      runFeature(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }, { provider: 'openai-test' }),
      (error) => codeOf(error) === 'feature_unavailable' && /provider openai-test cannot run meeting\.summary for this account: hosting class third-party not allowed in mode self-hosted-plus/.test((error as Error).message),
    );
    await assert.rejects(
      runFeature(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }, { provider: 'nope' }),
      (error) => codeOf(error) === 'feature_unavailable' && /nope/.test((error as Error).message),
    );
    assert.equal(openai.server.requests.length, 0);
  });

  it('runs the built-in engine when asked, even with models available', async () => {
    const output = await runFeature<MeetingSummary>(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }, { provider: 'builtin' });
    assert.equal(output.provider, 'builtin');
    assert.equal(local.server.requests.length + small.server.requests.length, 0);
  });
});

describe('generative meeting features through Anthropic and Bedrock', () => {
  let world: TestWorld;
  let anthropic: ProviderHarness;
  let bedrock: ProviderHarness;
  let member: User;
  let meetingId: string;

  before(async () => {
    anthropic = await startProviderHarness('anthropic');
    bedrock = await startProviderHarness('bedrock');
    world = await createTestWorld({ providers: { configs: [anthropic.config, bedrock.config], env: { ...anthropic.env, ...bedrock.env } } });
    member = await world.addUser({ email: 'member@acme.test' });
    meetingId = (await ingestMeeting(await world.ctx(member), { filename: 'launch.vtt', content: TRANSCRIPT, summarize: false })).artifact.id;
  });
  after(async () => {
    await world.close();
    await Promise.all([anthropic.close(), bedrock.close()]);
  });

  it('summarises on Bedrock in the account region through forced tool use (self-hosted-plus, EU)', async () => {
    const reply = JSON.parse(JSON.stringify((await import('../../models/testing/fixtures.ts')).fixtureJson('bedrock-converse-tool-use.json')));
    reply.output.message.content[0].toolUse.input = SUMMARY;
    bedrock.server.replyNext({ status: 200, json: reply });
    const output = await runFeature<MeetingSummary>(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }, { provider: 'bedrock-test' });
    assert.equal(output.provider, 'bedrock-test');
    assert.deepEqual(output.payload.decisions[0].citations.map((c) => c.segment), [0]);
    const [request] = bedrock.server.requests;
    assert.equal(request.path, '/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse');
    const body = request.body as Record<string, any>;
    assert.deepEqual(body.toolConfig.toolChoice, { any: {} });
    assert.equal(body.toolConfig.tools.length, 1);
    assert.deepEqual(body.toolConfig.tools[0].toolSpec.inputSchema.json, SUMMARY_JSON_SCHEMA);
    assert.match(body.system[0].text, /Cite only segment numbers/);
    assert.equal(anthropic.server.requests.length, 0, 'third-party Anthropic is not allowed in self-hosted-plus');
  });

  it('answers on Anthropic once the owner switches the account to federated', async () => {
    await world.services.store.accounts.update(world.account.id, { deploymentMode: 'federated' });
    const reply = JSON.parse(JSON.stringify((await import('../../models/testing/fixtures.ts')).fixtureJson('anthropic-message-tool-use.json')));
    reply.content[0].input = { answer: 'On the twelfth of March.', covered: true, segments: [0] };
    anthropic.server.replyNext({ status: 200, json: reply });
    const output = await runFeature<Answer>(await world.ctx(member), 'meeting.query', { artifactId: meetingId, question: 'When does the beta ship?' }, { provider: 'anthropic-test' });
    assert.equal(output.provider, 'anthropic-test');
    assert.deepEqual(output.payload.citations, [{ artifactId: meetingId, segment: 0, start: 0, end: 6, speaker: 'Priya Nair' }]);
    const body = anthropic.server.requests[0].body as Record<string, any>;
    assert.equal(body.model, 'claude-sonnet-4-5');
    assert.deepEqual(body.tool_choice, { type: 'any', disable_parallel_tool_use: true });
    assert.equal(body.tools.length, 1);
    assert.deepEqual(body.tools[0].input_schema, ANSWER_JSON_SCHEMA);
    assert.equal(body.temperature, 0);
    const [call] = (await world.services.store.audit.list(world.account.id, { action: 'ai.model_call', targetId: 'anthropic-test' })).slice(-1);
    assert.deepEqual([call.details.region, call.details.mode, call.details.inputTokens, call.details.outputTokens], ['US', 'federated', 621, 64]);
    const [run] = (await world.services.store.audit.list(world.account.id, { action: 'ai.run', targetId: 'meeting.query' })).slice(-1);
    assert.deepEqual([run.details.provider, run.details.region, run.details.retainsData], ['anthropic-test', 'US', false], 'the run record names where the data went');
  });
});
