import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matches, scores, sumTallies, tallyDocument, type Tally } from './metrics.ts';

const span = (label: string, start: number, end: number) => ({ label, start, end });

test('exact matching needs the same label and boundaries', () => {
  assert.equal(matches(span('NAME', 0, 10), span('NAME', 0, 10), 'exact'), true);
  assert.equal(matches(span('NAME', 0, 10), span('NAME', 0, 9), 'exact'), false);
  assert.equal(matches(span('NAME', 0, 10), span('PHONE', 0, 10), 'exact'), false);
});

test('overlap matching needs half of each span to be shared', () => {
  // "Dr. Ana Lima" predicted for gold "Ana Lima": 8 of 12 predicted characters shared.
  assert.equal(matches(span('NAME', 4, 12), span('NAME', 0, 12), 'overlap'), true);
  // A prediction three times longer than the gold span is not a match.
  assert.equal(matches(span('NAME', 0, 4), span('NAME', 0, 12), 'overlap'), false);
  assert.equal(matches(span('NAME', 0, 4), span('NAME', 4, 8), 'overlap'), false);
});

test('each gold span is matched at most once', () => {
  const tallies = new Map<string, Tally>();
  tallyDocument([span('NAME', 0, 5)], [span('NAME', 0, 5), span('NAME', 0, 5)], 'exact', tallies);
  assert.deepEqual(tallies.get('NAME'), { tp: 1, fp: 1, fn: 0 });
});

test('unmatched gold spans are false negatives of their own label', () => {
  const tallies = new Map<string, Tally>();
  tallyDocument([span('EMAIL', 0, 5), span('NAME', 10, 15)], [span('NAME', 10, 15), span('PHONE', 20, 30)], 'exact', tallies);
  assert.deepEqual(tallies.get('EMAIL'), { tp: 0, fp: 0, fn: 1 });
  assert.deepEqual(tallies.get('NAME'), { tp: 1, fp: 0, fn: 0 });
  assert.deepEqual(tallies.get('PHONE'), { tp: 0, fp: 1, fn: 0 });
  assert.deepEqual(sumTallies(tallies.values()), { tp: 1, fp: 1, fn: 1 });
});

test('F2 weighs recall four times as much as precision', () => {
  const s = scores({ tp: 8, fp: 2, fn: 0 });
  assert.equal(s.precision, 0.8);
  assert.equal(s.recall, 1);
  assert.ok(Math.abs(s.f2 - 5 * 0.8 / (4 * 0.8 + 1)) < 1e-12);
  assert.deepEqual(scores({ tp: 0, fp: 0, fn: 3 }), { precision: 0, recall: 0, f2: 0 });
});
