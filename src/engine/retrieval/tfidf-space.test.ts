import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TfIdfSpace, cosine, countTerms } from './tfidf-space.ts';

const space = new TfIdfSpace([['budget', 'launch'], ['budget', 'press'], ['budget', 'rota']]);

test('cosine is 1 for the same bag, 0 for disjoint bags and for empty ones', () => {
  assert.ok(Math.abs(cosine(space.vector(['launch', 'budget']), space.vector(['budget', 'launch'])) - 1) < 1e-12);
  assert.equal(cosine(space.vector(['launch']), space.vector(['press'])), 0);
  assert.equal(cosine(space.vector([]), space.vector(['press'])), 0);
});

test('sharing a rare term makes bags more similar than sharing a common one', () => {
  const rare = cosine(space.vector(['launch', 'press']), space.vector(['launch', 'rota']));
  const common = cosine(space.vector(['budget', 'press']), space.vector(['budget', 'rota']));
  assert.ok(rare > common);
});

test('weigh of counted terms equals the vector of the bag', () => {
  const bag = ['budget', 'budget', 'press'];
  assert.deepEqual(space.weigh(countTerms(bag)), space.vector(bag));
});
