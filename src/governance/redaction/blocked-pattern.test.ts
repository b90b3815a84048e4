import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { compileBlockedPattern } from './blocked-pattern.ts';
import { redactText } from './redactor.ts';

const isInvalid = (message: RegExp) => (error: unknown) =>
  AppError.isInstance(error) && error.code === 'invalid_input' && message.test(error.message);

test('the SPEC examples compile and block what they describe', () => {
  const digits = compileBlockedPattern('\\b(?:\\d[ -]*?){13,16}\\b');
  const internal = compileBlockedPattern('(?i)internal use only');
  const { text, spans } = redactText('INTERNAL USE ONLY: card 1234 5678 9012 3456.', { entities: [], blockedPatterns: [digits, internal] });
  assert.equal(text, '[BLOCKED]: card [BLOCKED].');
  assert.deepEqual(
    spans.map((s) => s.pattern),
    ['(?i)internal use only', '\\b(?:\\d[ -]*?){13,16}\\b'],
  );
  assert.equal(digits.source, '\\b(?:\\d[ -]*?){13,16}\\b');
  assert.equal(digits.builtIn, false);
});

test('a catastrophically backtracking pattern is refused when saved', () => {
  assert.throws(() => compileBlockedPattern('(a+)+$'), isInvalid(/exceeded its 50 ms time budget on a 5001-character probe input starting "aaaa/));
  assert.throws(() => compileBlockedPattern('(\\w+\\s?)+$', { timeBudgetMs: 20 }), isInvalid(/exceeded its 20 ms time budget/));
});

test('invalid Java and untranslatable constructs are refused when saved', () => {
  assert.throws(() => compileBlockedPattern('\\d++'), isInvalid(/possessive quantifier \+\+ .* at index 2/));
  assert.throws(() => compileBlockedPattern('   '), isInvalid(/the pattern is empty/));
  assert.throws(() => compileBlockedPattern('a'.repeat(2001)), isInvalid(/2001 characters, the limit is 2000/));
  assert.throws(() => compileBlockedPattern('a', { timeBudgetMs: 0 }), isInvalid(/timeBudgetMs must be a whole number .* got 0/));
});

test('a pattern that runs out of time on real text fails closed: the whole text is withheld', () => {
  // A pattern that slipped past the probes (here built by hand) must still never leak text.
  const slow = { ...compileBlockedPattern('a'), name: 'slow', regex: new RegExp('(x+x+)+y', 'gv'), timeBudgetMs: 10 };
  const text = `Ana Lima: ${'x'.repeat(40)}`;
  const result = redactText(text, { entities: ['NAME'], blockedPatterns: [slow] });
  assert.equal(result.text, '[BLOCKED]');
  assert.deepEqual(result.spans, [{ type: 'BLOCKED', start: 0, end: text.length, value: text, pattern: 'slow', timedOut: true }]);
});
