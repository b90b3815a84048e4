import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TfIdfSpace } from '../retrieval/tfidf-space.ts';
import { selectByMmr, type MmrCandidate } from './mmr-selector.ts';

const bags = [['budget', 'cut'], ['budget', 'cut'], ['launch', 'june'], ['rota', 'weekend']];
const space = new TfIdfSpace(bags);
const candidate = (id: number, score: number, words = 5, group = 0): MmrCandidate => ({ id, score, vector: space.vector(bags[id]!), words, group });

test('skips a near-copy of a pick in favour of something new', () => {
  const picked = selectByMmr([candidate(0, 1), candidate(1, 0.95), candidate(2, 0.6)], { budgetWords: 100, maxItems: 2 });
  assert.deepEqual(picked, [0, 2]);
});

test('never exceeds the word budget, skipping what does not fit', () => {
  const picked = selectByMmr([candidate(0, 1, 30), candidate(2, 0.9, 25), candidate(3, 0.8, 10)], { budgetWords: 40, maxItems: 5 });
  assert.deepEqual(picked, [0, 3]);
});

test('spreads picks across groups and avoids what is already taken', () => {
  const picked = selectByMmr(
    [candidate(2, 1, 5, 0), candidate(3, 0.9, 5, 1), candidate(0, 0.5, 5, 0)],
    { budgetWords: 100, maxItems: 2, taken: [space.vector(['launch', 'june'])] },
  );
  assert.deepEqual(picked, [3, 0]);
});
