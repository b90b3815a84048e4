import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateTimes, splitByWords } from './estimate-times.ts';
import type { Turn } from './types.ts';

const turn = (text: string, start?: number, end?: number): Turn => ({
  speaker: 'A',
  text,
  ...(start === undefined ? {} : { start }),
  ...(end === undefined ? {} : { end }),
});
const spans = (turns: Turn[]) => estimateTimes(turns).turns.map(({ start, end }) => [start, end]);

describe('splitByWords', () => {
  it('shares a window by word count, rounded to the millisecond, ending exactly at its end', () => {
    assert.deepEqual(splitByWords(10, 13, ['one two', 'three']), [
      { start: 10, end: 12 },
      { start: 12, end: 13 },
    ]);
    assert.deepEqual(splitByWords(0, 1, ['a', 'b', 'c']), [
      { start: 0, end: 0.333 },
      { start: 0.333, end: 0.667 },
      { start: 0.667, end: 1 },
    ]);
  });
});

describe('estimateTimes', () => {
  it('runs untimed turns back to back at 150 words per minute', () => {
    const result = estimateTimes([turn('one two three'), turn('four five')]);
    assert.deepEqual(
      result.turns.map(({ start, end }) => [start, end]),
      [
        [0, 1.2],
        [1.2, 2],
      ],
    );
    assert.equal(result.estimated, true);
  });

  it('ends a timestamped turn at the next start without calling it an estimate', () => {
    const result = estimateTimes([turn('hi', 5), turn('there', 9), turn('end', 20, 21)]);
    assert.deepEqual(
      result.turns.map(({ start, end }) => [start, end]),
      [
        [5, 9],
        [9, 20],
        [20, 21],
      ],
    );
    assert.equal(result.estimated, false);
  });

  it('estimates the end of a last turn that has only a start', () => {
    const result = estimateTimes([turn('hi', 5), turn('one two', 9)]);
    assert.deepEqual(result.turns.at(-1), { speaker: 'A', text: 'one two', start: 9, end: 9.8 });
    assert.equal(result.estimated, true);
  });

  it('stretches or squeezes untimed turns to fill the gap between anchors', () => {
    assert.deepEqual(spans([turn('a', 0), turn('b c d'), turn('e', 100)]), [
      [0, 25],
      [25, 100],
      [100, 100.4],
    ]);
    assert.deepEqual(spans([turn('a b', 0), turn('c d'), turn('e', 1)]), [
      [0, 0.5],
      [0.5, 1],
      [1, 1.4],
    ]);
  });

  it('fits untimed turns between the end of a fully timed turn and the next start', () => {
    assert.deepEqual(spans([turn('a', 0, 2), turn('b'), turn('c'), turn('d', 10)]), [
      [0, 2],
      [2, 6],
      [6, 10],
      [10, 10.4],
    ]);
  });

  it('runs back to back from the last known time when the next start is earlier', () => {
    assert.deepEqual(spans([turn('a', 0, 10), turn('b c'), turn('d', 5, 6)]), [
      [0, 10],
      [10, 10.8],
      [5, 6],
    ]);
  });

  it('returns nothing for no turns', () => {
    assert.deepEqual(estimateTimes([]), { turns: [], estimated: false });
  });
});
