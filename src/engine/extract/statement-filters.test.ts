import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clauseLead, isHypothetical, isNegated, isQuestionLike, isReported } from './statement-filters.ts';

test('questions show by their mark or by an inverted opening', () => {
  assert.ok(isQuestionLike('we ship friday?'));
  assert.ok(isQuestionLike('should we go with the blue one'));
  assert.ok(!isQuestionLike('what we decided is to go with blue.'));
});

test('hypotheticals, negations and reported statements are recognised in the lead', () => {
  assert.ok(isHypothetical('if the budget allows, '));
  assert.ok(!isHypothetical('so '));
  assert.ok(isNegated("we haven't "));
  assert.ok(!isNegated('so we '));
  assert.ok(isReported("i don't remember what "));
  assert.equal(clauseLead('no, we decided', 'no, we '.length), ' we ');
});
