import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pk, textTiling, windowDiff } from './segmentation.ts';

test('Pk on hand-computed cases', () => {
  // Units 0–4 | 5–9; k = 3 gives 7 windows, those starting at 2, 3, 4 straddle the boundary.
  assert.equal(pk([5], [5], 10, 3), 0);
  assert.equal(pk([5], [], 10, 3), 3 / 7);
  assert.equal(pk([], [5], 10, 3), 3 / 7);
  // One unit late: windows 2…5 (reference splits, hypothesis not) and 5…8 (the reverse).
  assert.equal(pk([5], [6], 10, 3), 2 / 7);
  // Two close reference boundaries, one found: only the window 4…7 disagrees.
  assert.equal(pk([4, 5], [4], 10, 3), 1 / 7);
});

test('WindowDiff on hand-computed cases', () => {
  assert.equal(windowDiff([5], [5], 10, 3), 0);
  assert.equal(windowDiff([5], [], 10, 3), 3 / 7);
  assert.equal(windowDiff([5], [6], 10, 3), 2 / 7);
  // Unlike Pk, WindowDiff counts the boundaries: windows 2…5, 3…6 and 4…7 see 2 against 1.
  assert.equal(windowDiff([4, 5], [4], 10, 3), 3 / 7);
});

test('k defaults to half the mean reference segment length, rounded half up', () => {
  // Mean segment length 10 / 2 = 5, so k = 3 (2.5 rounded up).
  assert.equal(pk([5], [], 10), pk([5], [], 10, 3));
  // 12 units in 3 segments of 4, so k = 2: 10 windows, those starting at 2, 3, 6, 7 straddle a boundary.
  assert.equal(pk([4, 8], [], 12), 4 / 10);
});

test('invalid segmentations are rejected with a clear error', () => {
  assert.throws(() => pk([0], [], 10), /boundary 0 is not a unit index in \[1, 9\]/);
  assert.throws(() => windowDiff([5], [10], 10), /hypothesis boundary 10/);
  assert.throws(() => pk([], [], 1), /at least 2 units/);
  assert.throws(() => pk([5], [], 10, 10), /window k/);
});

/** Deterministic turns of 12 words drawn from a topic's vocabulary. */
function topicTurns(vocabulary: readonly string[], count: number, seed: number): string[] {
  let state = seed;
  const next = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 'the' : vocabulary[Math.floor(next() * vocabulary.length)])).join(' '),
  );
}

const COOKING = 'oven flour butter sugar recipe bake dough salt pepper onion garlic simmer boil kitchen sauce'.split(' ');
const FOOTBALL = 'goal striker referee penalty match league coach stadium tackle keeper offside corner team pitch score'.split(' ');
const ASTRONOMY = 'planet orbit telescope galaxy comet nebula star moon asteroid gravity eclipse comet lunar solar cosmic'.split(' ');

test('TextTiling finds the shifts between three topics', () => {
  const units = [...topicTurns(COOKING, 30, 1), ...topicTurns(FOOTBALL, 30, 2), ...topicTurns(ASTRONOMY, 30, 3)];
  const boundaries = textTiling(units);
  for (const expected of [30, 60]) {
    assert.ok(
      boundaries.some((b) => Math.abs(b - expected) <= 1),
      `no boundary near ${expected}: ${boundaries.join(', ')}`,
    );
  }
  assert.ok(pk([30, 60], boundaries, units.length) < 0.15, `boundaries ${boundaries.join(', ')}`);
});

test('TextTiling returns boundaries as sorted turn indices, and none for text too short to tile', () => {
  const units = [...topicTurns(COOKING, 20, 4), ...topicTurns(FOOTBALL, 20, 5)];
  const boundaries = textTiling(units, { w: 10, k: 5 });
  assert.deepEqual(boundaries, [...boundaries].sort((a, b) => a - b));
  assert.ok(boundaries.every((b) => Number.isInteger(b) && b >= 1 && b < units.length));
  assert.ok(boundaries.some((b) => Math.abs(b - 20) <= 1), boundaries.join(', '));
  assert.deepEqual(textTiling(['just a few words here', 'and a few more']), []);
  assert.deepEqual(textTiling([]), []);
});
