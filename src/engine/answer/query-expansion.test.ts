import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bm25Index } from '../retrieval/bm25-index.ts';
import { expandQuery, withFeedback } from './query-expansion.ts';

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

test('feedback adds the terms that stand out in the best turns, below the asked ones', () => {
  const query = expandQuery(['price'], index);
  const widened = withFeedback(query, [['price', 'relaymark', 'contract'], ['relaymark', 'contract', 'june'], ['june']], index);
  assert.equal(widened.weights.get('price'), 1);
  assert.ok((widened.weights.get('contract') ?? 0) > 0 && widened.weights.get('contract')! < 1);
  assert.ok(widened.weights.has('june'), 'seen twice in the feedback turns');
  assert.ok(!widened.weights.has('delay'), 'not in the feedback turns');
  assert.equal(withFeedback(query, [['delay']], index), query, 'nothing recurs: the query stays as it was');
});

test('a product meeting\'s "functions" answer a question about its "features", and "consumers" one about "customers"', () => {
  const product = new Bm25Index([['remot', 'function', 'button'], ['consum', 'want', 'colour']]);
  assert.deepEqual([...expandQuery(['featur', 'custom'], product).equivalents].map(([term, same]) => [term, [...same]]), [
    ['featur', ['featur', 'function']],
    ['custom', ['custom', 'consum']],
  ]);
});
