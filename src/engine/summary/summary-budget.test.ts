import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultSummaryWords } from './summary-budget.ts';

test('the default budget grows with the meeting, slowly and within bounds', () => {
  assert.equal(defaultSummaryWords(0), 80);
  assert.equal(defaultSummaryWords(1_000), 104);
  assert.equal(defaultSummaryWords(10_000), 207);
  assert.equal(defaultSummaryWords(1_000_000), 250);
});
