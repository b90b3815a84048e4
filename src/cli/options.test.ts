import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../core/errors.ts';
import { instantOption, wholeNumberOption } from './options.ts';

const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as AppError).fields;
  }
  assert.fail('expected an error');
};

describe('CLI option readers', () => {
  it('names the flag of a time it cannot read', () => {
    assert.equal(instantOption('--since', '2026-01-02'), '2026-01-02T00:00:00.000Z');
    assert.equal(instantOption('--since', undefined), undefined);
    assert.deepEqual(fieldsOf(() => instantOption('--since', 'garbage')), [{ path: '--since', message: 'expected an ISO-8601 date or time, got "garbage"' }]);
  });

  it('keeps whole numbers within the bounds the API applies', () => {
    assert.equal(wholeNumberOption('--limit', undefined, { min: 1, max: 100, fallback: 20 }), 20);
    assert.equal(wholeNumberOption('--limit', '100', { min: 1, max: 100, fallback: 20 }), 100);
    for (const bad of ['1e9', '0', '101', '2.5', '', 'ten']) {
      assert.deepEqual(fieldsOf(() => wholeNumberOption('--limit', bad, { min: 1, max: 100, fallback: 20 })), [
        { path: '--limit', message: `expected a whole number from 1 to 100, got "${bad}"` },
      ]);
    }
  });
});
