import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leadSummary, oracleSummary, randomSummary, textRankScores, textRankSummary } from './baselines.ts';
import { countWords } from './word-budget.ts';

const SENTENCES = Array.from({ length: 40 }, (_, i) => `sentence number ${i} has some words`);

test('random: reproducible for a seed, different across seeds, within budget, in document order', () => {
  const a = randomSummary(SENTENCES, 30, 7);
  assert.deepEqual(randomSummary(SENTENCES, 30, 7), a);
  assert.notDeepEqual(randomSummary(SENTENCES, 30, 8), a);
  assert.equal(a.length, 5);
  const positions = a.map((s) => SENTENCES.indexOf(s));
  assert.deepEqual(positions, [...positions].sort((x, y) => x - y));
  assert.notDeepEqual(positions, [0, 1, 2, 3, 4]);
});

test('lead: the first sentences that fit', () => {
  assert.deepEqual(leadSummary(['a b', 'c d', 'e f'], 4), ['a b', 'c d']);
  assert.deepEqual(leadSummary(['a b', 'c d', 'e f'], 1), []);
});

test('TextRank scores match a hand-solved path graph A–B–C', () => {
  // Equal edge weights: A = C = 0.15 + 0.425·B and B = 0.15 + 0.85·(A + C).
  const [a, b, c, isolated] = textRankScores(['apple banana', 'banana cherry', 'cherry durian', 'zebra']);
  const expectedA = 0.21375 / 0.2775;
  assert.ok(Math.abs(a - expectedA) < 2e-3, `A ${a}`);
  assert.ok(Math.abs(c - expectedA) < 2e-3, `C ${c}`);
  assert.ok(Math.abs(b - (0.15 + 1.7 * expectedA)) < 2e-3, `B ${b}`);
  assert.ok(Math.abs(isolated - 0.15) < 1e-9);
});

test('TextRank: the same overlap makes a weaker edge to a longer sentence', () => {
  // One shared term each, but log|Si| + log|Sj| grows with the second sentence's length.
  const [hub, short, long] = textRankScores([
    'remote control',
    'remote colour',
    'control buttons shapes materials prices batteries',
  ]);
  assert.ok(hub > short && short > long, `${hub} ${short} ${long}`);
  // Without dangling nodes the scores of weighted PageRank sum to the node count.
  assert.ok(Math.abs(hub + short + long - 3) < 1e-3);
});

test('TextRank summary takes the central sentences first', () => {
  const sentences = [
    'we should order lunch',
    'the remote control needs big buttons',
    'big buttons make the remote easy',
    'the remote control should be easy to find',
    'the weather is nice',
  ];
  const summary = textRankSummary(sentences, 8);
  assert.ok(summary.length > 0 && summary.every((s) => s.includes('remote')), summary.join(' | '));
  assert.ok(summary.reduce((sum, s) => sum + countWords(s), 0) <= 8);
});

test('oracle: greedily adds the sentence that raises ROUGE-1 + ROUGE-2 F1 most, within budget', () => {
  const reference = 'the remote control has big buttons';
  const sentences = ['we talked about lunch', 'the remote control', 'it has big buttons', 'the remote control has big buttons'];
  assert.deepEqual(oracleSummary(sentences.slice(0, 3), reference, 7), ['the remote control', 'it has big buttons']);
  assert.deepEqual(oracleSummary(sentences.slice(0, 3), reference, 5), ['the remote control']);
  // A perfect sentence ends the search: nothing else can raise the score.
  assert.deepEqual(oracleSummary(sentences, reference, 100), ['the remote control has big buttons']);
  assert.deepEqual(oracleSummary(['nothing in common'], reference, 100), []);
});
