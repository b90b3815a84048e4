import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import { zonedInstant } from './zoned-instant.ts';

test('gives the local day and offset of an instant', () => {
  const paris = zonedInstant(new Date('2024-05-15T23:30:00Z'), 'Europe/Paris');
  assert.deepEqual(paris.date, { year: 2024, month: 5, day: 16 });
  assert.equal(paris.offsetMinutes, 120);
  const newYork = zonedInstant(new Date('2024-01-15T03:00:00Z'), 'America/New_York');
  assert.deepEqual(newYork.date, { year: 2024, month: 1, day: 14 });
  assert.equal(newYork.offsetMinutes, -300);
});

test('rejects unknown zones and invalid dates with a typed error', () => {
  assert.throws(() => zonedInstant(new Date(), 'Mars/Olympus'), (error) => AppError.isInstance(error) && error.code === 'invalid_input');
  assert.throws(() => zonedInstant(new Date('nope'), 'UTC'), (error) => AppError.isInstance(error) && error.code === 'invalid_input');
});
