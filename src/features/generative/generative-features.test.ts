import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { AppError } from '../../core/errors.ts';
import type { User } from '../../core/types.ts';
import { chatCompletionReply } from '../../models/testing/openai-server.ts';
import { startProviderHarness, type ProviderHarness } from '../../models/testing/provider-harness.ts';
import { ingestMeeting } from '../../usecases/ingest-meeting.ts';
import { runFeature } from '../run-feature.ts';
import { preferGenerative } from '../testing.ts';

const TRANSCRIPT = `WEBVTT

00:00:00.000 --> 00:00:06.000
<v Priya Nair>We agreed to ship the beta on the twelfth of March.

00:00:06.000 --> 00:00:12.000
<v Tom Becker>I'll send the release notes to marketing by Friday.
`;

const bodyOf = (h: ProviderHarness, i = -1) => h.server.requests.at(i)!.body as Record<string, any>;
const codeOf = (error: unknown) => (AppError.isInstance(error) ? error.code : String(error));

describe('generative features against wire-protocol servers (federated, US)', () => {
  let world: TestWorld;
  let gpuA: ProviderHarness;
  let gpuB: ProviderHarness;
  let openai: ProviderHarness;
  let perplexity: ProviderHarness;
  let member: User;
  let meetingId: string;
  const all = () => [gpuA, gpuB, openai, perplexity];

  before(async () => {
    const local = { regions: ['US'], capabilities: ['text', 'structured', 'translation'], models: { text: 'llama3.1:70b' }, contextWindow: 32768 };
    gpuA = await startProviderHarness('openai-compatible', { ...local, name: 'gpu-a' });
    gpuB = await startProviderHarness('openai-compatible', { ...local, name: 'gpu-b' });
    openai = await startProviderHarness('openai', { capabilities: ['image', 'moderation'], models: { image: 'gpt-image-1', moderation: 'omni-moderation-latest' } });
    perplexity = await startProviderHarness('perplexity');
    world = await createTestWorld({
      region: 'US',
      router: { latencyBandMs: 60_000 },
      providers: {
        configs: [gpuA.config, gpuB.config, openai.config, perplexity.config],
        env: { ...gpuA.env, ...gpuB.env, ...openai.env, ...perplexity.env },
      },
    });
    member = await world.addUser({ email: 'member@acme.test' });
    meetingId = (await ingestMeeting(await world.ctx(member), { filename: 'launch.vtt', content: TRANSCRIPT, summarize: false })).artifact.id;
  });
  after(async () => {
    await world.close();
    await Promise.all(all().map((h) => h.close()));
  });
  beforeEach(() => {
    for (const h of all()) h.server.reset();
  });

  it('chat.compose drafts from the conversation on a self-hosted model, with the exact request', async () => {
    gpuA.server.replyNext(chatCompletionReply('The beta ships on 12 March.'));
    const output = await runFeature<{ text: string }>(
      await world.ctx(member),
      'chat.compose',
      { instruction: 'Tell the team when the beta ships', messages: [{ author: 'Ann', text: 'When do we ship?' }], tone: 'professional' },
      { provider: 'gpu-a' },
    );
    assert.equal(output.payload.text, 'The beta ships on 12 March.');
    assert.equal(output.provider, 'gpu-a');
    assert.deepEqual(bodyOf(gpuA), {
      model: 'llama3.1:70b',
      max_tokens: 800,
      temperature: 0.3,
      messages: [
        { role: 'system', content: 'You write chat messages for the user in a workplace chat. Reply with the message text only, no preamble or quotes.' },
        { role: 'user', content: 'Conversation so far:\nAnn: When do we ship?\n\nInstruction: Tell the team when the beta ships\n\nMake it more professional.' },
      ],
    });
  });

  it('spreads load across equivalent self-hosted providers', async () => {
    for (let i = 0; i < 2; i++) {
      gpuA.server.replyNext(chatCompletionReply(`Draft ${i}`));
      gpuB.server.replyNext(chatCompletionReply(`Draft ${i}`));
    }
    const served: string[] = [];
    for (let i = 0; i < 4; i++) served.push((await runFeature(await world.ctx(member), 'chat.compose', { instruction: `Say hello ${i}` })).provider);
    assert.deepEqual([...served].sort(), ['gpu-a', 'gpu-a', 'gpu-b', 'gpu-b']);
    assert.equal(gpuA.server.requests.length, 2);
    assert.equal(gpuB.server.requests.length, 2);
  });

  it('mail.compose writes a one-click reply to the last message of a thread', async () => {
    gpuA.server.replyNext(chatCompletionReply('Subject: Re: Launch\n\nHi Bo,\n\nFriday works for us.\n\nPriya'));
    const output = await runFeature<{ subject: string; body: string; inReplyTo: number }>(
      await world.ctx(member),
      'mail.compose',
      { reply: true, thread: [{ from: 'bo@example.com', subject: 'Launch', text: 'Shall we ship Friday?' }] },
      { provider: 'gpu-a' },
    );
    assert.deepEqual(output.payload, { subject: 'Re: Launch', body: 'Hi Bo,\n\nFriday works for us.\n\nPriya', inReplyTo: 0 });
    assert.match(bodyOf(gpuA).messages[1].content, /^Thread:\nMessage 1 from bo@example\.com \(subject: Launch\):\nShall we ship Friday\?\n\nWrite a reply to the last message\.$/);
  });

  it('whiteboard.generate returns nodes and edges, sending a dangling edge back once', async () => {
    gpuA.server.replyNext(chatCompletionReply({ title: 'Launch', nodes: [{ id: 'root', label: 'Launch', type: 'topic' }], edges: [{ from: 'root', to: 'qa', label: null }] }));
    gpuA.server.replyNext(
      chatCompletionReply({
        title: 'Launch',
        nodes: [{ id: 'root', label: 'Launch', type: 'topic' }, { id: 'qa', label: 'QA', type: 'topic' }],
        edges: [{ from: 'root', to: 'qa', label: null }],
      }),
    );
    const output = await runFeature<{ kind: string; nodes: unknown[]; edges: unknown[] }>(await world.ctx(member), 'whiteboard.generate', { prompt: 'Mind map of the launch' }, { provider: 'gpu-a' });
    assert.equal(output.payload.kind, 'mind_map');
    assert.equal(output.payload.nodes.length, 2);
    assert.equal(gpuA.server.requests.length, 2);
    assert.equal(bodyOf(gpuA, 0).response_format.json_schema.name, 'whiteboard');
    assert.match(bodyOf(gpuA, 1).messages.at(-1).content, /edge root -> qa names a node that does not exist/);
  });

  it('panel.general_knowledge goes to the web_search provider and returns its source links', async () => {
    const output = await runFeature<{ answer: string; sources: { url: string; title: string | null }[]; webSearch: boolean }>(
      await world.ctx(member),
      'panel.general_knowledge',
      { question: 'What is ISO 27001?' },
    );
    assert.equal(output.provider, 'perplexity-test');
    assert.equal(output.payload.webSearch, true);
    assert.deepEqual(output.payload.sources.map((s) => s.url), ['https://www.iso.org/standard/27001', 'https://en.wikipedia.org/wiki/ISO/IEC_27001']);
    assert.equal(gpuA.server.requests.length + gpuB.server.requests.length, 0);
    assert.equal(bodyOf(perplexity).model, 'sonar');
  });

  it('panel.prompt_assistance splits advice from the improved prompt', async () => {
    gpuA.server.replyNext(chatCompletionReply('Say which meeting and what format you want.\nImproved prompt: Summarise the launch sync of 4 March as five bullet points.'));
    const output = await runFeature<{ advice: string; improvedPrompt: string }>(await world.ctx(member), 'panel.prompt_assistance', { prompt: 'summary pls' }, { provider: 'gpu-a' });
    assert.deepEqual(output.payload, { advice: 'Say which meeting and what format you want.', improvedPrompt: 'Summarise the launch sync of 4 March as five bullet points.' });
  });

  it('translate.live translates each segment, cited to its source segment', async () => {
    gpuA.server.replyNext(chatCompletionReply('[0] Wir haben vereinbart, die Beta am zwölften März auszuliefern.\n[1] Ich schicke die Release Notes bis Freitag an das Marketing.'));
    const output = await runFeature<{ language: string; segments: { segment: number; text: string; citation: { segment: number; speaker: string } }[] }>(
      await world.ctx(member),
      'translate.live',
      { artifactId: meetingId, targetLanguage: 'de' },
      { provider: 'gpu-a' },
    );
    assert.equal(output.payload.language, 'de');
    assert.deepEqual(output.payload.segments.map((s) => [s.segment, s.citation.speaker]), [[0, 'Priya Nair'], [1, 'Tom Becker']]);
    assert.match(output.payload.segments[1].text, /^Ich schicke/);
    assert.equal(bodyOf(gpuA).messages[1].content, "[0] We agreed to ship the beta on the twelfth of March.\n[1] I'll send the release notes to marketing by Friday.");
  });

  it('image.generate moderates the prompt and every image before returning it, with store: false where the API has it', async () => {
    const output = await runFeature<{ images: { base64: string; mediaType: string }[]; moderation: { provider: string; flagged: boolean } }>(
      await world.ctx(member),
      'image.generate',
      { prompt: 'A lighthouse at dawn', size: 'landscape' },
    );
    assert.equal(output.provider, 'openai-test');
    assert.equal(output.payload.images.length, 1);
    assert.equal(output.payload.moderation.flagged, false);
    assert.deepEqual(openai.server.requests.map((r) => r.path), ['/v1/moderations', '/v1/images/generations', '/v1/moderations']);
    assert.deepEqual(bodyOf(openai, 0), { model: 'omni-moderation-latest', input: [{ type: 'text', text: 'A lighthouse at dawn' }] });
    assert.equal(bodyOf(openai, 1).size, '1536x1024');
    assert.match(bodyOf(openai, 2).input[0].image_url.url, /^data:image\/png;base64,/);
  });

  it('withholds a generated image the moderator flags', async () => {
    const flagged = JSON.parse(JSON.stringify((await import('../../models/testing/fixtures.ts')).fixtureJson('openai-moderation.json')));
    flagged.results[0].flagged = true;
    flagged.results[0].categories.violence = true;
    openai.server.replyNext({ status: 200, json: (await import('../../models/testing/fixtures.ts')).fixtureJson('openai-moderation.json') });
    openai.server.replyNext({ status: 200, json: (await import('../../models/testing/fixtures.ts')).fixtureJson('openai-image.json') });
    openai.server.replyNext({ status: 200, json: flagged });
    await assert.rejects(
      runFeature(await world.ctx(member), 'image.generate', { prompt: 'A storm' }),
      (error) => codeOf(error) === 'invalid_input' && /the generated image was refused by moderation \(violence\)/.test((error as Error).message),
    );
    const stored = await world.services.store.outputs.listForArtifact(world.account.id, meetingId);
    assert.ok(stored.every((o) => o.featureId !== 'image.generate'));
  });
});

describe('workload distribution: long transcripts go to a long-context model (federated)', () => {
  let world: TestWorld;
  let short: ProviderHarness;
  let long: ProviderHarness;
  let member: User;

  before(async () => {
    const common = { regions: ['US'], models: { text: 'llama3.1:70b' }, contextWindow: 131072 };
    short = await startProviderHarness('openai-compatible', { ...common, name: 'short', capabilities: ['text', 'structured'] });
    long = await startProviderHarness('openai-compatible', { ...common, name: 'long', capabilities: ['text', 'structured', 'long_context'] });
    world = await createTestWorld({
      region: 'US',
      router: { latencyBandMs: 60_000, longInputTokens: 300 },
      providers: { configs: [short.config, long.config], env: { ...short.env, ...long.env } },
    });
    member = await world.addUser({ email: 'member@acme.test' });
    await preferGenerative(world);
  });
  after(async () => {
    await world.close();
    await Promise.all([short.close(), long.close()]);
  });

  it('sends every question about a long meeting to the long_context model, and short ones anywhere', async () => {
    const longText = TRANSCRIPT.replace(/(<v [^>]+>)(.*)/g, (_, voice, text) => `${voice}${text} ${'We went through the details of the plan once more. '.repeat(15)}`);
    const longId = (await ingestMeeting(await world.ctx(member), { filename: 'long.vtt', content: longText, summarize: false })).artifact.id;
    const shortId = (await ingestMeeting(await world.ctx(member), { filename: 'short.vtt', content: TRANSCRIPT, summarize: false })).artifact.id;
    for (let i = 0; i < 3; i++) long.server.replyNext(chatCompletionReply({ answer: 'On 12 March.', covered: true, segments: [0] }));
    for (let i = 0; i < 3; i++) {
      const output = await runFeature(await world.ctx(member), 'meeting.query', { artifactId: longId, question: `When does the beta ship? (${i})` });
      assert.equal(output.provider, 'long');
    }
    assert.equal(short.server.requests.length, 0);
    for (let i = 0; i < 2; i++) {
      short.server.replyNext(chatCompletionReply({ answer: 'On 12 March.', covered: true, segments: [0] }));
      long.server.replyNext(chatCompletionReply({ answer: 'On 12 March.', covered: true, segments: [0] }));
    }
    const served = [];
    for (let i = 0; i < 2; i++) served.push((await runFeature(await world.ctx(member), 'meeting.query', { artifactId: shortId, question: `When? (${i})` })).provider);
    assert.deepEqual(served.sort(), ['long', 'short'], 'short inputs are spread over both');
  });
});
