import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldCase, tokenize } from './tokenizer.ts';

test('keeps contractions, hyphenated words, decimals and times whole', () => {
  const text = "We don't ship v2.5 at 3:30 — it's a follow-up.";
  assert.deepEqual(tokenize(text).map((token) => token.norm), ["we", "don't", 'ship', 'v2.5', 'at', '3:30', "it's", 'a', 'follow-up']);
});

test('offsets point at the exact source characters', () => {
  const text = '  Priya’s   Q3 plan.';
  for (const token of tokenize(text)) {
    assert.equal(foldCase(text.slice(token.start, token.end)), token.norm);
  }
  assert.equal(tokenize(text)[0]!.norm, "priya's");
});

test('marks a cut-off word with its trailing hyphen', () => {
  assert.deepEqual(tokenize('we- we need').map((token) => token.norm), ['we-', 'we', 'need']);
});
