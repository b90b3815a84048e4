import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseClosure, caseVariants, toRanges } from './case-folding.ts';

test('ASCII folding only touches ASCII letters', () => {
  assert.deepEqual(caseVariants(0x61, false), [0x61, 0x41]);
  assert.deepEqual(caseVariants(0xe9, false), [0xe9], 'é has no ASCII variant');
  assert.deepEqual(caseVariants(0x31, false), [0x31]);
});

test('Unicode folding follows Java: Kelvin sign with k, long s with s, dotless i with i', () => {
  assert.deepEqual(new Set(caseVariants(0x6b, true)), new Set([0x6b, 0x4b, 0x212a]));
  assert.deepEqual(new Set(caseVariants(0x73, true)), new Set([0x73, 0x53, 0x17f]));
  assert.ok(caseVariants(0x69, true).includes(0x131));
  assert.ok(caseVariants(0x69, true).includes(0x130));
  assert.deepEqual(new Set(caseVariants(0x3c3, true)), new Set([0x3c3, 0x3a3, 0x3c2]), 'sigma');
});

test('range closure adds the other case', () => {
  assert.deepEqual(caseClosure([0x61, 0x63], false), [[0x41, 0x43]]);
  assert.deepEqual(caseClosure([0x30, 0x39], false), []);
  assert.ok(caseClosure([0x61, 0x7a], true).some(([from, to]) => from <= 0x212a && 0x212a <= to));
});

test('toRanges merges neighbours', () => {
  assert.deepEqual(toRanges([5, 1, 2, 3, 7, 6]), [
    [1, 3],
    [5, 7],
  ]);
});
