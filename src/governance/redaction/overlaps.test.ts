import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveOverlaps } from './overlaps.ts';

const c = (type: string, start: number, end: number, score: number) => ({ type, start, end, score });

test('the higher score wins and the output is sorted', () => {
  const out = resolveOverlaps([c('PHONE', 10, 20, 0.6), c('SSN', 10, 21, 0.9), c('EMAIL', 0, 5, 0.9)]);
  assert.deepEqual(out, [c('EMAIL', 0, 5, 0.9), c('SSN', 10, 21, 0.9)]);
});

test('at equal scores the longer span wins', () => {
  assert.deepEqual(resolveOverlaps([c('URL', 4, 15, 0.9), c('URL', 0, 15, 0.9)]), [c('URL', 0, 15, 0.9)]);
});

test('a loser that sticks out enlarges the winner, so nothing flagged stays visible', () => {
  assert.deepEqual(resolveOverlaps([c('BLOCKED', 5, 15, 1), c('NAME', 0, 8, 0.7)]), [c('BLOCKED', 0, 15, 1)]);
});

test('growing merges every span it reaches', () => {
  const out = resolveOverlaps([c('A', 10, 20, 1), c('B', 0, 5, 0.9), c('C', 25, 30, 0.9), c('D', 3, 27, 0.5)]);
  assert.deepEqual(out, [c('A', 0, 30, 1)]);
});
