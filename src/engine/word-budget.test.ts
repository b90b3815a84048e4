import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../core/errors.ts';
import { checkWordBudget } from './word-budget.ts';

test('accepts no budget or a positive whole number, rejects anything else', () => {
  checkWordBudget(undefined);
  checkWordBudget(1);
  for (const bad of [0, -3, 1.5, Number.NaN]) {
    assert.throws(() => checkWordBudget(bad), (error) => AppError.isInstance(error) && error.code === 'invalid_input' && /maxWords/.test(error.message));
  }
});
