import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAllMatches, RegexSandbox } from './regex-sandbox.ts';

test('findAllMatches lists non-empty matches and steps over empty ones by code point', () => {
  assert.deepEqual(findAllMatches(/a+/g, 'baab a'), [1, 3, 5, 6]);
  assert.deepEqual(findAllMatches(new RegExp('x*', 'gv'), '😀x'), [2, 3]);
});

test('a catastrophic pattern is stopped at its budget', () => {
  const sandbox = new RegexSandbox();
  const started = Date.now();
  assert.equal(sandbox.findAll(/(a+)+$/g, `${'a'.repeat(40)}!`, 20), null);
  assert.ok(Date.now() - started < 2000, 'the watchdog interrupted the backtracking');
});

test('a linear pattern completes within the budget and the sandbox is reusable', () => {
  const sandbox = new RegexSandbox();
  assert.equal(sandbox.findAll(/(a+)+$/g, `${'a'.repeat(40)}!`, 20), null);
  assert.deepEqual(sandbox.findAll(/\d+/g, 'a 12 b 345', 50), [
    [2, 4],
    [7, 10],
  ]);
});
