import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeTerms, contentTerm, isQuantityTerm, isTermVariant } from './term-analyzer.ts';

test('keeps content words, stemmed, and drops stop words and their inflections', () => {
  assert.deepEqual(analyzeTerms('The budgets were approved, and it gets looked at by the board'), ['budget', 'approv', 'board']);
});

test('keeps numbers and strips possessives', () => {
  assert.deepEqual(analyzeTerms("Priya's 3 options for Q3"), ['priya', '3', 'option', 'q3']);
  assert.equal(contentTerm('x'), null);
  assert.equal(contentTerm('5'), '5');
});

test('treats spelling variants as one word, short terms only exactly', () => {
  assert.ok(isTermVariant('optimis', 'optimiz'));
  assert.ok(!isTermVariant('plan', 'planet'));
  assert.ok(isTermVariant('plan', 'plan'));
});

test('spelled-out quantities are recognised by their index terms, other words are not', () => {
  for (const word of ['two', 'hundred', 'thousands', 'twenty', 'half']) assert.ok(isQuantityTerm(contentTerm(word)!), word);
  for (const word of ['weeks', 'budget', 'tuesday', 'network']) assert.ok(!isQuantityTerm(contentTerm(word)!), word);
});
