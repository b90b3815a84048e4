/** Support for this folder's tests. */
import assert from 'node:assert/strict';
import { ScimError } from './errors.ts';

/**
 * The `ScimError` that `fn` throws; fails the test when it throws nothing or something else.
 *
 * @example
 * assert.equal(catchScimError(() => parseFilter('')).scimType, 'invalidFilter');
 */
export function catchScimError(fn: () => unknown): ScimError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ScimError, `expected a ScimError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ScimError, but nothing was thrown');
}
