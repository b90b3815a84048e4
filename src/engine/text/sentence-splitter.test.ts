import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from './sentence-splitter.ts';

function sentences(text: string): string[] {
  return splitSentences(text).map((span) => text.slice(span.start, span.end));
}

test('splits at terminators followed by a new sentence', () => {
  assert.deepEqual(sentences('We ship Friday. Any questions? No! Good.'), ['We ship Friday.', 'Any questions?', 'No!', 'Good.']);
});

test('does not split after abbreviations, initials, decimals or times', () => {
  assert.deepEqual(
    sentences('Dr. Rao and J. Smith met at 3.30 p.m. today, e.g. about v2.5 etc. and it went fine.'),
    ['Dr. Rao and J. Smith met at 3.30 p.m. today, e.g. about v2.5 etc. and it went fine.'],
  );
});

test('a sentence-final abbreviation ends the sentence when a capital follows', () => {
  assert.deepEqual(sentences('We meet at 5 p.m. Then we eat.'), ['We meet at 5 p.m.', 'Then we eat.']);
});

test('a trailing-off ellipsis continues unless a capital starts the next sentence', () => {
  assert.deepEqual(sentences('we could... maybe wait... Then decide.'), ['we could... maybe wait...', 'Then decide.']);
});

test('handles transcripts that space their punctuation and keeps closing quotes', () => {
  assert.deepEqual(sentences('That \'s great . So we go ?'), ["That 's great .", 'So we go ?']);
  assert.deepEqual(sentences('He said "no." Then left.'), ['He said "no."', 'Then left.']);
});

test('drops runs that hold no words', () => {
  assert.deepEqual(sentences(' . ... '), []);
  assert.deepEqual(sentences(''), []);
});
