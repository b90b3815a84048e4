import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentsOf } from '../__fixtures__/segments-of.ts';
import { buildMeetingDocument } from '../meeting/meeting-document.ts';
import { indexMeeting } from './passage-ranker.ts';
import { expandQuery } from './query-expansion.ts';
import { DEFAULT_TURN_RANKING, rankTurns } from './turn-ranker.ts';

const filler = (i: number) => ['Anna', `We reviewed item number ${i} of the quarterly spreadsheet and moved on quickly.`] as const;
// Turn 10 mentions the battery in passing; turns 40–46 discuss it.
const turns = Array.from({ length: 80 }, (_, i) => filler(i)) as (readonly [string, string])[];
turns[10] = ['Ben', 'Oh and the battery, whatever.'];
turns[40] = ['Cleo', 'The battery question: a single battery pack keeps the remote cheap.'];
turns[41] = ['Ben', 'Two battery cells would last longer between charges though.'];
turns[42] = ['Cleo', 'Longer life matters less than cost for this battery choice.'];
turns[43] = ['Ben', 'Then one rechargeable battery, and a charging cradle.'];
turns[60] = ['Anna', 'The battery supplier sent a quote for rechargeable cells.'];
const doc = buildMeetingDocument('m', segmentsOf(turns));
const indexes = indexMeeting(doc);
const query = expandQuery(['batteri'], indexes.sentences);
const sentenceScores = indexes.sentences.score(query.weights);

test('ranks turns best first, with the best at 1', () => {
  const ranked = rankTurns(doc, indexes.turns, query, sentenceScores);
  assert.equal(ranked[0]!.score, 1);
  for (let i = 1; i < ranked.length; i++) assert.ok(ranked[i]!.score <= ranked[i - 1]!.score);
  assert.ok(ranked.length <= DEFAULT_TURN_RANKING.limit);
  assert.ok(ranked[0]!.turn >= 40 && ranked[0]!.turn <= 43, 'the discussion outranks the passing mention');
});

test('spreads the ranking over the places that discuss the question', () => {
  const spread = rankTurns(doc, indexes.turns, query, sentenceScores).slice(0, 3).map((r) => r.turn);
  assert.ok(spread.includes(60), `turns ${spread}`);
  const clustered = rankTurns(doc, indexes.turns, query, sentenceScores, { ...DEFAULT_TURN_RANKING, spreadPenalty: 1 }).slice(0, 3);
  assert.ok(clustered.every((r) => r.turn >= 40 && r.turn <= 43), 'without the spread the discussion takes every top place');
});

test('a meeting with nothing on the question ranks nothing', () => {
  const none = expandQuery(['invoic'], indexes.sentences);
  assert.deepEqual(rankTurns(doc, indexes.turns, none, indexes.sentences.score(none.weights)), []);
});

test('turns spoken by a person the question names rank higher', () => {
  const neutral = rankTurns(doc, indexes.turns, query, sentenceScores);
  const byAnna = rankTurns(doc, indexes.turns, query, sentenceScores, DEFAULT_TURN_RANKING, ['Anna']);
  assert.notEqual(doc.turns[neutral[0]!.turn]!.speaker, 'Anna');
  assert.equal(byAnna[0]!.turn, 60, 'Anna\'s turn on the battery supplier');
});

test('asked about someone who spoke, their longer turns are candidates even where they word the topic differently', () => {
  const presented = [...turns];
  presented[20] = ['Dora', 'So my slides cover the casing: rubber on the sides, a curved shell, and a soft grip that children can hold easily.'];
  presented[21] = ['Dora', 'Okay.'];
  const meeting = buildMeetingDocument('m', segmentsOf(presented));
  const meetingIndexes = indexMeeting(meeting);
  const asked = expandQuery(['present'], meetingIndexes.sentences);
  const scores = meetingIndexes.sentences.score(asked.weights);
  const byDora = rankTurns(meeting, meetingIndexes.turns, asked, scores, { ...DEFAULT_TURN_RANKING, speakerFloor: 0.5 }, ['Dora']);
  assert.equal(byDora[0]?.turn, 20, 'her long turn first, her "Okay." after it');
  assert.ok(byDora.findIndex((r) => r.turn === 20) < byDora.findIndex((r) => r.turn === 21));
  assert.equal(DEFAULT_TURN_RANKING.speakerFloor, 0);
  assert.deepEqual(rankTurns(meeting, meetingIndexes.turns, asked, scores, DEFAULT_TURN_RANKING, ['Dora']), [], 'no word of the question is in the meeting');
});
