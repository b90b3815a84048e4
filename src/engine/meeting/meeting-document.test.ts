import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildMeetingDocument, closingTurn } from './meeting-document.ts';
import { citeTurns } from './citations.ts';

const segments = [
  { index: 10, speaker: 'Priya', start: 0, end: 4, text: 'Um, okay. We agreed on the blue case. Is it final?' },
  { index: 11, speaker: 'Tom', start: 4, end: 6, text: 'Yeah.' },
  { index: 12, speaker: 'Tom', start: 6, end: 9, text: "I'll send the order by Friday." },
];

test('splits cleaned turns into sentences that keep their source text', () => {
  const doc = buildMeetingDocument('mtg', segments, ['Priya Nair']);
  assert.deepEqual(doc.sentences.map((sentence) => sentence.text), ['We agreed on the blue case.', 'Is it final?', "I'll send the order by Friday."]);
  assert.deepEqual(doc.sentences.map((sentence) => sentence.source), ['We agreed on the blue case.', 'Is it final?', "I'll send the order by Friday."]);
  assert.deepEqual(doc.sentences.map((sentence) => sentence.turn), [0, 0, 2]);
  assert.deepEqual(doc.turns[1]!.sentences, []);
  assert.equal(doc.sentences[1]!.isQuestion, true);
  assert.deepEqual(doc.sentences[0]!.terms, ['agre', 'blue', 'case']);
});

test('counts words as said, resolves speakers, and lists labels in order', () => {
  const doc = buildMeetingDocument('mtg', segments, ['Priya Nair']);
  assert.equal(doc.words, 11 + 1 + 6);
  assert.equal(doc.turns[0]!.speaker, 'Priya Nair');
  assert.deepEqual(doc.speakerLabels, ['Priya', 'Tom']);
  assert.equal(closingTurn(doc), 3 * 0.85);
});

test('citations carry the segment number, times and speaker label, in order, once each', () => {
  const doc = buildMeetingDocument('mtg', segments);
  assert.deepEqual(citeTurns(doc, [2, 0, 2]), [
    { artifactId: 'mtg', segment: 10, start: 0, end: 4, speaker: 'Priya' },
    { artifactId: 'mtg', segment: 12, start: 6, end: 9, speaker: 'Tom' },
  ]);
});
