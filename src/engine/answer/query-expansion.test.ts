import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25Index } from '../retrieval/bm25-index.ts';
import { expandQuery } from './query-expansion.ts';

const index = new Bm25Index([
  ['rout', 'optimis', 'june'],
  ['rout', 'optimis', 'delay'],
  ['price', 'relaymark'],
  ['relaymark', 'contract'],
]);

test('asked terms weigh fully; spellings and synonyms the meeting uses stand in for them', () => {
  const { weights, equivalents } = expandQuery(['optimiz', 'cost'], index);
  assert.equal(weights.get('optimiz'), 1);
  assert.equal(weights.get('optimis'), 0.6);
  assert.equal(weights.get('price'), 0.5);
  assert.deepEqual([...equivalents.get('optimiz')!], ['optimiz', 'optimis']);
  assert.deepEqual([...equivalents.get('cost')!], ['cost', 'price']);
});

test('adds terms that keep company with an asked term, lightly', () => {
  const { weights } = expandQuery(['optimis'], index);
  assert.ok((weights.get('rout') ?? 0) > 0 && weights.get('rout')! < 0.5);
  assert.equal(weights.has('relaymark'), false);
});
