/**
 * Sentence completion, event copy and contact-centre smart compose against
 * a self-hosted model speaking the OpenAI-compatible wire protocol.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestWorld, type TestWorld } from '../../app/testing.ts';
import { AppError } from '../../core/errors.ts';
import type { User } from '../../core/types.ts';
import { chatCompletionReply } from '../../models/testing/openai-server.ts';
import { startProviderHarness, type ProviderHarness } from '../../models/testing/provider-harness.ts';
import { runFeature } from '../run-feature.ts';

const WRITING_FEATURES = ['chat.sentence_completion', 'docs.sentence_completion', 'events.compose', 'cc.smart_compose'];

const bodyOf = (h: ProviderHarness, i = -1) => h.server.requests.at(i)!.body as Record<string, any>;

/** Rejects with invalid_input naming exactly these fields. */
function invalidFields(paths: string[]) {
  return (error: unknown) => {
    assert.ok(AppError.isInstance(error), String(error));
    assert.equal(error.code, 'invalid_input');
    assert.deepEqual(error.fields?.map((f) => f.path).sort(), [...paths].sort(), JSON.stringify(error.fields));
    return true;
  };
}

describe('writing features on a self-hosted model', () => {
  let world: TestWorld;
  let gpu: ProviderHarness;
  let member: User;
  const run = async <O>(featureId: string, input: unknown) => runFeature<O>(await world.ctx(member), featureId, input, { provider: 'gpu-a' });

  before(async () => {
    gpu = await startProviderHarness('openai-compatible', { name: 'gpu-a', regions: ['EU'], capabilities: ['text', 'structured'], models: { text: 'llama3.1:70b' }, contextWindow: 32768 });
    world = await createTestWorld({ providers: { configs: [gpu.config], env: gpu.env } });
    member = await world.addUser({ email: 'member@acme.test' });
  });
  after(async () => {
    await world.close();
    await gpu.close();
  });
  beforeEach(() => gpu.server.reset());

  it('chat.sentence_completion continues the message from the conversation, without the words it repeats', async () => {
    gpu.server.replyNext(chatCompletionReply('ship on\nthe twelfth of March\n"Friday, after QA signs off"'));
    const output = await run<{ completions: string[] }>('chat.sentence_completion', {
      text: "I think we'll ship on",
      messages: [{ author: 'Ann', text: 'When does the beta ship?' }],
      suggestions: 3,
    });
    assert.deepEqual(output.payload, { completions: [' the twelfth of March', ' Friday, after QA signs off'] }, 'the line that only repeats the text is dropped');
    assert.equal(output.provider, 'gpu-a');
    assert.deepEqual(bodyOf(gpu), {
      model: 'llama3.1:70b',
      max_tokens: 120,
      temperature: 0.3,
      messages: [
        {
          role: 'system',
          content:
            'You complete the chat message the user is typing: continue it from its end with a few words, at most to the end of the sentence, in its language and voice. ' +
            'If it stops inside a word, start with that word in full. Never repeat the rest of the message. Reply with 3 different continuations, one per line, no numbering or quotes.',
        },
        { role: 'user', content: "Conversation so far:\nAnn: When does the beta ship?\n\nMessage being typed:\nI think we'll ship on" },
      ],
    });
  });

  it('chat.sentence_completion sends an answer that only repeats the message back once', async () => {
    gpu.server.replyNext(chatCompletionReply('Sounds good'));
    gpu.server.replyNext(chatCompletionReply('Sounds good to me'));
    const output = await run<{ completions: string[] }>('chat.sentence_completion', { text: 'Sounds good' });
    assert.deepEqual(output.payload.completions, [' to me']);
    assert.equal(gpu.server.requests.length, 2);
    assert.equal(bodyOf(gpu, 0).max_tokens, 40);
    assert.deepEqual(bodyOf(gpu, 1).messages.slice(2), [
      { role: 'assistant', content: 'Sounds good' },
      { role: 'user', content: 'That answer is not usable: it only repeats the text typed so far; answer with the words that come next. Answer again in the format asked for.' },
    ]);
  });

  it('chat.sentence_completion refuses input with no typed text or too many suggestions', async () => {
    await assert.rejects(run('chat.sentence_completion', { text: '   ', suggestions: 5 }), invalidFields(['text', 'suggestions']));
    await assert.rejects(run('chat.sentence_completion', { text: 'Hi', messages: [{ author: 'Ann', text: '' }] }), invalidFields(['messages.0.text']));
    assert.equal(gpu.server.requests.length, 0);
  });

  it('docs.sentence_completion predicts the next words from the end of a long document, with its title', async () => {
    gpu.server.replyNext(chatCompletionReply('QA signs off the release candidate.'));
    const text = `${'Background paragraph. '.repeat(400)}Before the beta ships, `;
    const output = await run<{ completions: string[] }>('docs.sentence_completion', { text, title: 'Launch plan' });
    assert.deepEqual(output.payload, { completions: ['QA signs off the release candidate.'] });
    const sent = bodyOf(gpu);
    assert.equal(sent.model, 'llama3.1:70b');
    assert.equal(sent.max_tokens, 80);
    assert.equal(
      sent.messages[0].content,
      "You predict how the user's document continues: the rest of the sentence at the cursor, or the next sentence if it is finished, in the document's language, style and format. " +
        'If the text stops inside a word, start with that word in full. Never repeat the text before the cursor. Reply with the continuation only, on one line, no quotes.',
    );
    assert.equal(sent.messages[1].content, `Title: Launch plan\n\nDocument before the cursor:\n…${text.slice(-6000)}`);
    assert.equal(sent.messages.length, 2);
  });

  it('docs.sentence_completion refuses an empty document and an overlong title', async () => {
    await assert.rejects(run('docs.sentence_completion', { text: '\n\n', title: 't'.repeat(501) }), invalidFields(['text', 'title']));
    await assert.rejects(run('docs.sentence_completion', { title: 'Plan' }), invalidFields(['text']));
    assert.equal(gpu.server.requests.length, 0);
  });

  it('events.compose writes an event email with its subject, from the facts only', async () => {
    gpu.server.replyNext(chatCompletionReply('Subject: See you at Launch Day on 12 March\n\nHi all,\n\nLaunch Day starts at 10:00 in Hall B.\n\nThe events team'));
    const output = await run('events.compose', { kind: 'email', facts: 'Launch Day, 12 March, 10:00, Hall B. Remind registered attendees.', tone: 'friendly', length: 'short' });
    assert.deepEqual(output.payload, { kind: 'email', subject: 'See you at Launch Day on 12 March', text: 'Hi all,\n\nLaunch Day starts at 10:00 in Hall B.\n\nThe events team' });
    assert.deepEqual(bodyOf(gpu), {
      model: 'llama3.1:70b',
      max_tokens: 250,
      temperature: 0.3,
      messages: [
        {
          role: 'system',
          content:
            'You write copy for virtual and in-person events. Use only the facts given; never invent names, dates, prices or links. ' +
            'Start with one line "Subject: …", then a blank line, then the body. No other text.',
        },
        { role: 'user', content: 'Write an email to attendees or invitees, friendly in tone, about 75 words.\n\nFacts:\nLaunch Day, 12 March, 10:00, Hall B. Remind registered attendees.' },
      ],
    });
  });

  it('events.compose writes a speaker bio with the default tone and length, and no subject', async () => {
    gpu.server.replyNext(chatCompletionReply('Priya Nair leads product at Acme, where she ran the beta programme.'));
    const output = await run('events.compose', { kind: 'speaker_bio', facts: 'Priya Nair, head of product at Acme, ran the beta programme.' });
    assert.deepEqual(output.payload, { kind: 'speaker_bio', subject: null, text: 'Priya Nair leads product at Acme, where she ran the beta programme.' });
    assert.equal(bodyOf(gpu).max_tokens, 260);
    assert.equal(bodyOf(gpu).messages[0].content, 'You write copy for virtual and in-person events. Use only the facts given; never invent names, dates, prices or links. Reply with the text only, no preamble or quotes.');
    assert.equal(bodyOf(gpu).messages[1].content, 'Write a speaker bio in the third person, professional in tone, about 80 words.\n\nFacts:\nPriya Nair, head of product at Acme, ran the beta programme.');
  });

  it('events.compose refuses an unknown kind, missing facts and an unknown length', async () => {
    await assert.rejects(run('events.compose', { kind: 'poem', facts: ' ', length: 'epic' }), invalidFields(['kind', 'facts', 'length']));
    assert.equal(gpu.server.requests.length, 0);
  });

  it('cc.smart_compose makes an agent reply more formal with the customer messages as context', async () => {
    gpu.server.replyNext(chatCompletionReply('We apologise for the delay. Your refund was issued today and will reach your account within five working days.'));
    const output = await run('cc.smart_compose', {
      draft: 'sorry for the wait!! refund went out today, should be in ur account in 5 days',
      operation: 'more_formal',
      customerMessages: ['Where is my refund?', 'It has been two weeks.'],
    });
    assert.deepEqual(output.payload, { text: 'We apologise for the delay. Your refund was issued today and will reach your account within five working days.' });
    assert.deepEqual(bodyOf(gpu), {
      model: 'llama3.1:70b',
      max_tokens: 139,
      temperature: 0.3,
      messages: [
        {
          role: 'system',
          content:
            "You edit a contact-centre agent's reply to a customer. Keep its meaning, facts, names, numbers and commitments, and add none. Reply with the edited reply only, no preamble or quotes.",
        },
        {
          role: 'user',
          content:
            "Customer messages, oldest first:\n- Where is my refund?\n- It has been two weeks.\n\nAgent's draft:\nsorry for the wait!! refund went out today, should be in ur account in 5 days\n\nMake it more formal.",
        },
      ],
    });
  });

  it('cc.smart_compose sends a "shorter" edit that is not shorter back once', async () => {
    const draft = 'Thanks for waiting. I have checked your order and it left our warehouse this morning.';
    gpu.server.replyNext(chatCompletionReply(`${draft} It should arrive soon.`));
    gpu.server.replyNext(chatCompletionReply('Thanks for waiting: your order left our warehouse this morning.'));
    const output = await run('cc.smart_compose', { draft, operation: 'shorter' });
    assert.deepEqual(output.payload, { text: 'Thanks for waiting: your order left our warehouse this morning.' });
    assert.match(bodyOf(gpu, 1).messages.at(-1).content, /^That answer is not usable: it is not shorter than the draft \(108 characters, the draft has 85\)/);
    assert.equal(bodyOf(gpu, 0).messages[1].content, `Agent's draft:\n${draft}\n\nMake it shorter, keeping every fact and commitment.`);
  });

  it('cc.smart_compose refuses a missing draft and an unknown operation', async () => {
    await assert.rejects(run('cc.smart_compose', { draft: '', operation: 'louder' }), invalidFields(['draft', 'operation']));
    await assert.rejects(run('cc.smart_compose', { draft: 'Hi', operation: 'fix', customerMessages: 'Where is it?' }), invalidFields(['customerMessages']));
    assert.equal(gpu.server.requests.length, 0);
  });
});

describe('writing features with no usable text provider', () => {
  let world: TestWorld;
  let openai: ProviderHarness;
  let member: User;

  before(async () => {
    openai = await startProviderHarness('openai');
    world = await createTestWorld({ providers: { configs: [openai.config], env: openai.env } });
    await world.services.store.accounts.update(world.account.id, { deploymentMode: 'self-hosted-only' });
    member = await world.addUser({ email: 'member@acme.test' });
  });
  after(async () => {
    await world.close();
    await openai.close();
  });

  const inputs: Record<string, unknown> = {
    'chat.sentence_completion': { text: 'See you' },
    'docs.sentence_completion': { text: 'The plan is' },
    'events.compose': { kind: 'lobby_announcement', facts: 'We start in five minutes.' },
    'cc.smart_compose': { draft: 'thx for waiting', operation: 'fix' },
  };
  for (const featureId of WRITING_FEATURES) {
    it(`${featureId} is refused with the reason, and the third-party provider gets nothing`, async () => {
      await assert.rejects(runFeature(await world.ctx(member), featureId, inputs[featureId]), (error) => {
        assert.ok(AppError.isInstance(error), String(error));
        assert.equal(error.code, 'feature_unavailable');
        assert.match(error.message, new RegExp(`^${featureId.replace('.', '\\.')} needs a generative model and none is usable: needs text; no usable, healthy provider able to take \\d+ input tokens has it in mode self-hosted-only, region EU$`));
        const routing = (error.details as { routing: { provider: string; reason: string }[] }).routing;
        assert.deepEqual(routing.find((d) => d.provider === 'openai-test')?.reason, 'hosting class third-party not allowed in mode self-hosted-only');
        return true;
      });
      assert.equal(openai.server.requests.length, 0);
    });
  }
});
