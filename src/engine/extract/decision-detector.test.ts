import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentsOf } from '../__fixtures__/segments-of.ts';
import { buildMeetingDocument } from '../meeting/meeting-document.ts';
import { detectDecisions } from './decision-detector.ts';

function decisionsIn(turns: ReadonlyArray<readonly [string, string]>): string[] {
  return detectDecisions(buildMeetingDocument('m', segmentsOf(turns))).map((decision) => decision.text);
}

test('finds decisions stated with the usual cues', () => {
  assert.deepEqual(decisionsIn([
    ['A', 'We agreed to launch on June 3rd.'],
    ['B', "Let's go with the aluminium case."],
    ['A', "We're going with the staged rollout."],
    ['B', 'The decision is to keep Kestrel as the fallback.'],
    ['A', 'Final answer: two designers.'],
    ['B', "We'll stick with the current supplier."],
    ['A', 'Okay, decision: the budget is capped at forty thousand.'],
    ['B', "We've more or less agreed that we target the youth market."],
    ['A', "we'll still settle for twenty five euros ."],
  ]), [
    'We agreed to launch on June 3rd.',
    "Let's go with the aluminium case.",
    "We're going with the staged rollout.",
    'The decision is to keep Kestrel as the fallback.',
    'Final answer: two designers.',
    "We'll stick with the current supplier.",
    'Decision: the budget is capped at forty thousand.',
    "We've more or less agreed that we target the youth market.",
    "we'll still settle for twenty five euros.",
  ]);
});

test('rejects questions, hypotheticals, denials and decisions merely talked about', () => {
  assert.deepEqual(decisionsIn([
    ['A', 'Should we go with the aluminium case?'],
    ['B', 'Have we decided on the colour'],
    ['A', 'If we go with plastic, the price drops.'],
    ['B', "We haven't decided on the launch date yet."],
    ['A', "I don't remember what we decided about the logo."],
    ['B', 'Maybe we should stick with the old logo.'],
    ['A', 'The support team has agreed to have their calls recorded, apparently.'],
  ]), []);
});

test('a bare confirmation seals the proposal before it and quotes both', () => {
  const doc = buildMeetingDocument('m', segmentsOf([
    ['A', 'How about we ship the hotfix on Thursday night?'],
    ['B', 'Okay, decided.'],
  ]));
  const [decision] = detectDecisions(doc);
  assert.equal(decision?.text, 'How about we ship the hotfix on Thursday night? Decided.');
  assert.deepEqual(decision?.sentences.map((id) => doc.sentences[id]!.turn), [0, 1]);
});

test('a bare "agreed" after an opinion is agreement, not a decision', () => {
  assert.deepEqual(decisionsIn([
    ['A', 'The old logo looks dated compared to the competition.'],
    ['B', 'Agreed.'],
  ]), []);
});

test('"decided" set off by a comma or colon, and "the decision itself:", state a decision', () => {
  assert.deepEqual(decisionsIn([
    ['A', 'Okay, decided, no paid install campaign for the launch.'],
    ['B', 'Then, decided: we start with the housekeeping module.'],
    ['A', 'And the decision itself: strict appointment windows from September.'],
    ['B', 'We decided nothing yet?'],
  ]), [
    'Decided, no paid install campaign for the launch.',
    'Then, decided: we start with the housekeeping module.',
    'And the decision itself: strict appointment windows from September.',
  ]);
});
