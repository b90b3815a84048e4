import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25Index } from './bm25-index.ts';

const documents = [
  ['budget', 'approv', 'board'],
  ['launch', 'date', 'june'],
  ['budget', 'budget', 'budget', 'cut'],
  ['launch', 'campaign', 'budget', 'press', 'releas', 'screenshot', 'store', 'app'],
];

test('scores only documents containing the query terms', () => {
  const scores = new Bm25Index(documents).score(new Map([['june', 1]]));
  assert.ok(scores[1]! > 0);
  assert.deepEqual([scores[0], scores[2], scores[3]], [0, 0, 0]);
});

test('rare terms weigh more than common ones, and idf never goes negative', () => {
  const index = new Bm25Index(documents);
  assert.ok(index.idf('june') > index.idf('budget'));
  assert.ok(index.idf('budget') > 0);
  assert.equal(index.idf('unseen'), index.idf('june'));
});

test('term frequency saturates and long documents are normalised', () => {
  const scores = new Bm25Index(documents).score(new Map([['budget', 1]]));
  // Three mentions beat one, but not three times over.
  assert.ok(scores[2]! > scores[0]!);
  assert.ok(scores[2]! < 3 * scores[0]!);
  // The same single mention counts less in a longer document.
  assert.ok(scores[0]! > scores[3]!);
});

test('query weights scale contributions', () => {
  const index = new Bm25Index(documents);
  const full = index.score(new Map([['launch', 1]]));
  const half = index.score(new Map([['launch', 0.5]]));
  assert.ok(Math.abs(half[1]! - full[1]! / 2) < 1e-12);
});

test('exposes postings and vocabulary for query expansion', () => {
  const index = new Bm25Index(documents);
  assert.deepEqual(index.documentsWith('launch'), [1, 3]);
  assert.deepEqual([...index.termsOf(2)], ['budget', 'cut']);
  assert.ok([...index.vocabulary()].includes('screenshot'));
  assert.equal(index.documentFrequency('budget'), 3);
});
