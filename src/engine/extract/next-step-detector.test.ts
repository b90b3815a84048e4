import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentsOf } from '../__fixtures__/segments-of.ts';
import { buildMeetingDocument } from '../meeting/meeting-document.ts';
import { detectNextSteps } from './next-step-detector.ts';

function stepsIn(turns: ReadonlyArray<readonly [string, string]>): string[] {
  return detectNextSteps(buildMeetingDocument('m', segmentsOf(turns)), new Set()).map((step) => step.text);
}

const FILLER: ReadonlyArray<readonly [string, string]> = Array.from({ length: 12 }, (_, i) => ['A', `Point number ${i} about the quarterly figures.`] as const);

test('finds explicit forward-looking statements anywhere', () => {
  assert.deepEqual(stepsIn([
    ['A', 'The next step is a dry run of the rollout.'],
    ['B', "We'll reconvene on Monday to confirm the fix."],
    ['A', 'Going forward we review the dashboard weekly.'],
    ...FILLER,
  ]), ['The next step is a dry run of the rollout.', "We'll reconvene on Monday to confirm the fix.", 'Going forward we review the dashboard weekly.']);
});

test('a team plan counts when dated, or when said while wrapping up', () => {
  assert.deepEqual(stepsIn([['A', 'We need to migrate the templates by the end of the month.'], ...FILLER]), [
    'We need to migrate the templates by the end of the month.',
  ]);
  assert.deepEqual(stepsIn([['A', 'We need to think about the templates more broadly.'], ...FILLER]), []);
  assert.deepEqual(stepsIn([...FILLER, ['A', 'We need to migrate the templates.']]), ['We need to migrate the templates.']);
});

test('rejects questions, hypotheticals and denials, and sentences already used', () => {
  assert.deepEqual(stepsIn([
    ['A', 'What are the next steps?'],
    ['B', 'If the budget allows, we will follow up with the vendor.'],
    ['A', "We won't reconvene before the holidays."],
    ...FILLER,
  ]), []);
  const doc = buildMeetingDocument('m', segmentsOf([['A', 'The next step is a dry run.']]));
  assert.deepEqual(detectNextSteps(doc, new Set([0])), []);
});
