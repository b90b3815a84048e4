import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { continuationProblem, continuations } from './completion.ts';

describe('continuations: the text appended at the cursor', () => {
  const one = (typed: string, answer: string) => continuations(typed, answer, 1, 200)[0];

  it('adds a space before a new word, and none after a typed space or before closing punctuation', () => {
    assert.equal(one("Let's meet", 'on Friday'), ' on Friday');
    assert.equal(one("Let's meet ", 'on Friday'), 'on Friday');
    assert.equal(one('Thanks', ', see you then'), ', see you then');
    assert.equal(one('Plan:\n', 'ship the beta.'), 'ship the beta.');
  });

  it('cuts a repeat of the whole text, of its last words, or of the unfinished word at the cursor', () => {
    assert.equal(one("Let's meet ", "let's meet on Friday"), 'on Friday');
    assert.equal(one("Let's meet on", 'meet on Friday at 10'), ' Friday at 10');
    assert.equal(one("Let's me", 'meet on Friday'), 'et on Friday');
    assert.equal(one("Let's me ", 'meet on Friday'), 'meet on Friday', 'after a typed space "me" is a finished word');
  });

  it('drops list marks, quotes, repeats only, duplicates and overlong lines, keeping at most the count asked', () => {
    assert.deepEqual(continuations('Hi', '1. there\n2. "everyone"\n- there\nHi\n\n* all', 2, 200), [' there', ' everyone']);
    assert.deepEqual(continuations('Hi', `${'x'.repeat(30)}\nall`, 3, 20), [' all']);
  });

  it('says what is wrong with an answer that has no usable continuation', () => {
    assert.equal(continuationProblem('Hi team', 'Hi team', 200), 'it only repeats the text typed so far; answer with the words that come next');
    assert.equal(continuationProblem('Hi', 'x'.repeat(30), 20), 'the continuation is longer than 20 characters; continue with a few words');
    assert.equal(continuationProblem('Hi', 'there', 20), null);
  });
});
