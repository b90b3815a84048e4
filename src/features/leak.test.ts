/**
 * The leak and residency tests: whatever fails, a request never reaches a
 * provider the account's mode or region does not allow. Every implemented
 * feature is run against real wire-protocol servers.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../app/testing.ts';
import { AppError } from '../core/errors.ts';
import type { DeploymentMode, User } from '../core/types.ts';
import { startProviderHarness, type ProviderHarness } from '../models/testing/provider-harness.ts';
import { ingestMeeting } from '../usecases/ingest-meeting.ts';
import { implementedFeatureIds } from './registry.ts';
import { runFeature } from './run-feature.ts';
import { preferGenerative } from './testing.ts';

const TRANSCRIPT = `WEBVTT

00:00:00.000 --> 00:00:06.000
<v Priya Nair>We agreed to ship the beta on the twelfth of March.

00:00:06.000 --> 00:00:12.000
<v Tom Becker>I'll send the release notes to marketing by Friday.
`;

/** One valid input per implemented feature; a feature without one fails the test. */
function sampleInput(featureId: string, meetingId: string): unknown {
  const samples: Record<string, unknown> = {
    'meeting.summary': { artifactId: meetingId },
    'meeting.query': { artifactId: meetingId, question: 'When does the beta ship?' },
    'meeting.questions': { artifactId: meetingId, question: 'Catch me up' },
    'tasks.capture': { artifactId: meetingId },
    'chat.compose': { instruction: 'Tell the team the beta ships on 12 March', messages: [{ author: 'Ann', text: 'When do we ship?' }], tone: 'professional' },
    'mail.compose': { prompt: 'Reply that we agree', thread: [{ from: 'bo@example.com', subject: 'Launch', text: 'Shall we ship Friday?' }] },
    'chat.sentence_completion': { text: "Let's ship the beta on", messages: [{ author: 'Ann', text: 'When do we ship?' }] },
    'cc.smart_compose': { draft: 'sorry for the delay, your refund is on its way', operation: 'more_formal', customerMessages: ['Where is my refund?'] },
    'docs.generate': { prompt: 'A one-page launch plan', mode: 'create' },
    'docs.sentence_completion': { text: 'The beta ships on 12 March. Before that, ', title: 'Launch plan' },
    'events.compose': { kind: 'speaker_bio', facts: 'Priya Nair leads product at Acme and ran the beta programme.' },
    'whiteboard.generate': { prompt: 'Mind map of the launch', kind: 'mind_map' },
    'panel.general_knowledge': { question: 'What is ISO 27001?' },
    'panel.prompt_assistance': { prompt: 'summary pls' },
    'translate.live': { artifactId: meetingId, targetLanguage: 'de' },
    'image.generate': { prompt: 'A lighthouse at dawn', size: 'square' },
  };
  if (!(featureId in samples)) throw new Error(`no sample input for ${featureId}: add one so the leak test covers it`);
  return samples[featureId];
}

type Outcome = { featureId: string; result: 'served' | 'degraded' | 'refused'; provider?: string; reason?: string };

async function runEveryFeature(world: TestWorld, user: User, meetingId: string): Promise<Outcome[]> {
  const ctx = await world.ctx(user);
  const outcomes: Outcome[] = [];
  for (const featureId of implementedFeatureIds()) {
    try {
      const output = await runFeature(ctx, featureId, sampleInput(featureId, meetingId));
      const [event] = (await world.services.store.audit.list(world.account.id, { action: 'ai.run', targetId: featureId })).slice(-1);
      const degraded = typeof event.details.builtinFallback === 'string';
      outcomes.push({ featureId, result: degraded ? 'degraded' : 'served', provider: output.provider, reason: degraded ? String(event.details.builtinFallback) : undefined });
    } catch (error) {
      assert.ok(AppError.isInstance(error), `${featureId} fails with an AppError, not ${String(error)}`);
      assert.ok(['feature_unavailable', 'provider_error'].includes(error.code), `${featureId} fails as unavailable or provider failure, not ${error.code}: ${error.message}`);
      outcomes.push({ featureId, result: 'refused', reason: error.message });
    }
  }
  return outcomes;
}

async function setMode(world: TestWorld, mode: DeploymentMode, region = 'EU'): Promise<void> {
  await world.services.store.accounts.update(world.account.id, { deploymentMode: mode, homeRegion: region });
}

describe('leak test: self-hosted-only with the self-hosted provider failing', () => {
  let world: TestWorld;
  let local: ProviderHarness;
  const thirdParty: ProviderHarness[] = [];
  let member: User;
  let meetingId: string;

  before(async () => {
    local = await startProviderHarness('openai-compatible', { name: 'gpu-eu' });
    thirdParty.push(await startProviderHarness('openai'), await startProviderHarness('perplexity'), await startProviderHarness('anthropic'));
    const [openai, perplexity, anthropic] = thirdParty;
    world = await createTestWorld({
      providers: { configs: [local.config, openai.config, perplexity.config], env: { ...local.env, ...openai.env, ...perplexity.env, ...anthropic.env } },
    });
    // One third-party provider comes from the account's own registrations rather than the operator's file.
    await world.services.store.providers.create({ accountId: world.account.id, name: 'anthropic-test', registration: anthropic.registration, createdBy: null, createdAt: '2026-03-04T15:00:00.000Z' });
    member = await world.addUser({ email: 'member@acme.test' });
    meetingId = (await ingestMeeting(await world.ctx(member), { filename: 'launch.vtt', content: TRANSCRIPT, summarize: false })).artifact.id;
    await runFeature(await world.ctx(member), 'meeting.summary', { artifactId: meetingId });
    await setMode(world, 'self-hosted-only');
    await preferGenerative(world);
    local.server.failNext({ status: 503, times: Infinity });
  });
  after(async () => {
    await world.close();
    await Promise.all([local.close(), ...thirdParty.map((h) => h.close())]);
  });

  it('sends nothing to third-party servers, and every feature fails or degrades with a clear reason', async () => {
    const outcomes = await runEveryFeature(world, member, meetingId);
    if (process.env.SHOW_OUTCOMES) console.log(JSON.stringify(outcomes, null, 1));
    for (const h of thirdParty) assert.equal(h.server.requests.length, 0, `${h.config.info.name} received no request`);
    assert.ok(local.server.requests.length > 0, 'the self-hosted provider was tried');
    for (const outcome of outcomes) {
      if (outcome.result === 'served') {
        assert.equal(outcome.provider, 'builtin', `${outcome.featureId} was served only by the built-in engine`);
      } else {
        assert.match(outcome.reason ?? '', /gpu-eu|no usable provider|needs/, `${outcome.featureId} says why: ${outcome.reason}`);
        assert.doesNotMatch(outcome.reason ?? '', /openai-test|perplexity-test|anthropic-test/, 'the reason never offers a forbidden provider');
      }
    }
    const summary = outcomes.find((o) => o.featureId === 'meeting.summary');
    assert.equal(summary?.result, 'degraded', 'the summary degrades to the built-in engine');
    assert.match(summary?.reason ?? '', /503/);
    const [run] = (await world.services.store.audit.list(world.account.id, { action: 'ai.run', targetId: 'chat.compose' })).slice(-1);
    assert.deepEqual(
      (run.details.routing as { provider: string; reason: string }[]).find((d) => d.provider === 'anthropic-test'),
      { provider: 'anthropic-test', chosen: false, reason: 'hosting class third-party not allowed in mode self-hosted-only' },
      'the run record says why each provider was excluded',
    );
    const modelCalls = await world.services.store.audit.list(world.account.id, { action: 'ai.model_call' });
    assert.ok(modelCalls.every((e) => e.targetId === 'gpu-eu'), 'every audited model call went to the self-hosted provider');
  });

  it('refuses a third-party provider named by the caller, with the reason', async () => {
    await assert.rejects(
      runFeature(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }, { provider: 'anthropic-test' }),
      /provider anthropic-test cannot run meeting\.summary for this account: hosting class third-party not allowed in mode self-hosted-only/,
    );
    for (const h of thirdParty) assert.equal(h.server.requests.length, 0);
  });
});

describe('residency test: a managed provider outside the home region is never called', () => {
  let world: TestWorld;
  let local: ProviderHarness;
  let bedrockUs: ProviderHarness;
  let member: User;
  let meetingId: string;

  before(async () => {
    local = await startProviderHarness('openai-compatible', { name: 'gpu-eu' });
    bedrockUs = await startProviderHarness('bedrock', { name: 'bedrock-us', regions: ['US'] });
    world = await createTestWorld({ providers: { configs: [local.config, bedrockUs.config], env: { ...local.env, ...bedrockUs.env } } });
    member = await world.addUser({ email: 'member@acme.test' });
    meetingId = (await ingestMeeting(await world.ctx(member), { filename: 'launch.vtt', content: TRANSCRIPT, summarize: false })).artifact.id;
    await runFeature(await world.ctx(member), 'meeting.summary', { artifactId: meetingId });
    await preferGenerative(world);
    local.server.failNext({ status: 503, times: Infinity });
  });
  after(async () => {
    await world.close();
    await Promise.all([local.close(), bedrockUs.close()]);
  });

  for (const mode of ['self-hosted-plus', 'federated'] as const) {
    it(`in ${mode} mode, region EU`, async () => {
      await setMode(world, mode, 'EU');
      const outcomes = await runEveryFeature(world, member, meetingId);
      assert.equal(bedrockUs.server.requests.length, 0, 'the US Bedrock endpoint received no request');
      for (const outcome of outcomes) {
        if (outcome.result === 'served') assert.equal(outcome.provider, 'builtin');
        else assert.doesNotMatch(outcome.reason ?? '', /bedrock-us:/);
      }
      await assert.rejects(
        runFeature(await world.ctx(member), 'meeting.summary', { artifactId: meetingId }, { provider: 'bedrock-us' }),
        /processes data in US, not in the account's region EU/,
      );
    });
  }
});
