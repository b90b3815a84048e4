import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../core/errors.ts';
import { rangeBound } from './range-bound.ts';

test('a bare date as the end of a range covers the whole of that day', () => {
  assert.equal(rangeBound('2026-02-28', 'to'), '2026-02-28T23:59:59.999Z');
  assert.equal(rangeBound('2026-02-28', 'from'), '2026-02-28T00:00:00.000Z');
});

test('an instant is kept as given, normalised to UTC', () => {
  assert.equal(rangeBound('2026-02-28T10:00:00+02:00', 'to'), '2026-02-28T08:00:00.000Z');
  assert.equal(rangeBound(undefined, 'from'), undefined);
});

test('a value that is not a date is rejected with the label the caller used', () => {
  assert.throws(
    () => rangeBound('next week', 'from', '--from'),
    (err: unknown) => err instanceof AppError && err.code === 'invalid_input' && /--from "next week" is not an ISO-8601 date/.test(err.message),
  );
});
