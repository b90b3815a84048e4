import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Segment } from '../../core/types.ts';
import { buildMeetingDocument } from '../meeting/meeting-document.ts';
import { TfIdfSpace } from '../retrieval/tfidf-space.ts';
import { scoreSalience } from './salience-scorer.ts';

/** Every other line says a number; the meeting is about the warehouse migration. */
const LINES = [
  'Ann Lee: The warehouse migration moves the inventory database to the new cluster.',
  'Bo Chen: We have two people and two weeks and maybe two more days after that.',
  'Ann Lee: The migration needs a rollback plan for the inventory database before the cutover.',
  'Bo Chen: Two of them, two rounds, two tickets, and I counted two again yesterday.',
  'Ann Lee: Testing the warehouse cutover on a copy of the inventory database comes first.',
  'Bo Chen: That is two hundred rows times two, so two batches of two hundred each.',
];

const segments: Segment[] = LINES.map((line, index) => {
  const [speaker, text] = line.split(': ') as [string, string];
  return { index, speaker, start: index * 6, end: index * 6 + 5, text, kind: 'speech' };
});

test('a spelled-out number said again and again does not make a sentence central', () => {
  const doc = buildMeetingDocument('mtg', segments);
  const space = new TfIdfSpace(doc.sentences.map((sentence) => sentence.terms));
  const salience = scoreSalience(doc, space, [{ fromTurn: 0, toTurn: doc.turns.length - 1 }]);
  const ranked = [...salience.candidates].sort((a, b) => salience.score[b]! - salience.score[a]!);
  const top = doc.sentences[ranked[0]!]!;
  assert.match(top.text, /migration|inventory|cutover/);
  const numbery = ranked.filter((id) => /\btwo\b/i.test(doc.sentences[id]!.text));
  assert.ok(numbery.every((id) => ranked.indexOf(id) >= 3), `ranking: ${ranked.map((id) => doc.sentences[id]!.text).join(' | ')}`);
});
