import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords, fillBudget } from './word-budget.ts';

test('spaced-out punctuation is not counted as words', () => {
  assert.equal(countWords('so , we agreed on 12 buttons .'), 6);
  assert.equal(countWords('  '), 0);
  assert.equal(countWords("it 's fine"), 3);
});

test('sentences are taken in priority order, overflowing ones skipped, returned in document order', () => {
  const sentences = ['one two three', 'four five', 'six', 'seven eight nine ten'];
  assert.deepEqual(fillBudget([3, 0, 1, 2], sentences, 6), ['four five', 'seven eight nine ten']);
  assert.deepEqual(fillBudget([3, 0, 1, 2], sentences, 5), ['six', 'seven eight nine ten']);
  assert.deepEqual(fillBudget([3, 0, 1, 2], sentences, 3), ['one two three']);
  assert.deepEqual(fillBudget([0, 1, 2, 3], sentences, 0), []);
});

test('sentences without words are never taken', () => {
  assert.deepEqual(fillBudget([0, 1], ['. .', 'yes'], 5), ['yes']);
});
