import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences, splitTranscript } from './sentences.ts';

test('splits at full stops, question and exclamation marks followed by space', () => {
  assert.deepEqual(splitSentences('We met today. Did it go well? Yes! Fine'), [
    'We met today.',
    'Did it go well?',
    'Yes!',
    'Fine',
  ]);
});

test('splits space-tokenised, lower-cased text as Punkt does', () => {
  assert.deepEqual(splitSentences('ok . so we start . the remote is , um , expensive .'), [
    'ok .',
    'so we start .',
    'the remote is , um , expensive .',
  ]);
});

test('keeps abbreviations, initials and initialisms inside the sentence', () => {
  assert.deepEqual(splitSentences('Dr. Smith met J. Doe in the U.S. today, e.g. at noon. Then we left.'), [
    'Dr. Smith met J. Doe in the U.S. today, e.g. at noon.',
    'Then we left.',
  ]);
});

test('a lone I or a ends a sentence; decimals do not', () => {
  assert.deepEqual(splitSentences('So did I. It costs 12.5 euros. Give me a.'), [
    'So did I.',
    'It costs 12.5 euros.',
    'Give me a.',
  ]);
});

test('closing quotes and brackets stay with their sentence', () => {
  assert.deepEqual(splitSentences('He said "stop." (We did.) Then more.'), ['He said "stop."', '(We did.)', 'Then more.']);
});

test('an ellipsis ends a sentence only before a capital', () => {
  assert.deepEqual(splitSentences('well... maybe. I think… Yes.'), ['well... maybe.', 'I think…', 'Yes.']);
});

test('fragments without words are dropped', () => {
  assert.deepEqual(splitSentences('. Okay . . ?'), ['Okay .']);
  assert.deepEqual(splitSentences('   '), []);
});

test('transcript sentences never cross turns and remember their speaker', () => {
  assert.deepEqual(
    splitTranscript([
      { speaker: 'A', content: 'Hi . Ready' },
      { speaker: 'B', content: 'Yes , go ahead .' },
      { speaker: 'A', content: '.' },
    ]),
    [
      { text: 'Hi .', speaker: 'A', turn: 0 },
      { text: 'Ready', speaker: 'A', turn: 0 },
      { text: 'Yes , go ahead .', speaker: 'B', turn: 1 },
    ],
  );
});
