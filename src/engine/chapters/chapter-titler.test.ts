import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentsOf } from '../__fixtures__/segments-of.ts';
import { buildMeetingDocument } from '../meeting/meeting-document.ts';
import { TfIdfSpace } from '../retrieval/tfidf-space.ts';
import { titleChapters } from './chapter-titler.ts';
import { nounPhrases } from './noun-phrases.ts';

test('noun phrases end in a noun and leave out stop words', () => {
  const [phrases] = nounPhrases([['We chose the new battery supplier.', 'It is really about the remote control']]);
  assert.deepEqual(phrases!.map((phrase) => phrase.surface.join(' ')), ['new battery supplier', 'remote control']);
});

test('titles each chapter with its own key phrases, not shared or generic ones', () => {
  const doc = buildMeetingDocument('m', segmentsOf([
    ['Priya', 'The battery supplier sent a new quote this morning.'],
    ['Tom', 'Is the battery supplier quote better than the first one?'],
    ['Priya', 'The battery supplier dropped the price by ten percent.'],
    ['Tom', 'Then the launch video needs a new script for the campaign.'],
    ['Priya', 'The launch video should be ready two weeks before release.'],
    ['Tom', 'I can storyboard the launch video on Monday.'],
  ]), ['Priya Nair', 'Tom Becker']);
  const space = new TfIdfSpace(doc.sentences.map((sentence) => sentence.terms));
  const titles = titleChapters(doc, [{ fromTurn: 0, toTurn: 2 }, { fromTurn: 3, toTurn: 5 }], space);
  assert.match(titles[0]!, /^Battery supplier/);
  assert.match(titles[1]!, /^Launch video/);
});
