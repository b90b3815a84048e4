/**
 * The word budgets callers pass to the engine, checked the same way everywhere.
 */
import { AppError } from '../core/errors.ts';

/**
 * Throws `invalid_input` unless the budget is absent or a positive whole number.
 *
 * @example
 * checkWordBudget(undefined) // fine: the default applies
 * checkWordBudget(0)         // throws AppError('invalid_input')
 */
export function checkWordBudget(maxWords: number | undefined): void {
  if (maxWords === undefined || (Number.isInteger(maxWords) && maxWords > 0)) return;
  throw new AppError('invalid_input', `maxWords must be a positive whole number of words, not ${maxWords}.`, {
    fields: [{ path: 'maxWords', message: 'must be a positive integer' }],
  });
}
