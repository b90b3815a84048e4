import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, compareDates, endOfMonth, formatIsoDate, weekdayOf } from './calendar-date.ts';

test('day arithmetic crosses months, years and leap days', () => {
  assert.deepEqual(addDays({ year: 2024, month: 2, day: 28 }, 1), { year: 2024, month: 2, day: 29 });
  assert.deepEqual(addDays({ year: 2024, month: 12, day: 31 }, 1), { year: 2025, month: 1, day: 1 });
  assert.deepEqual(endOfMonth({ year: 2023, month: 2, day: 3 }), { year: 2023, month: 2, day: 28 });
  assert.deepEqual(endOfMonth({ year: 2024, month: 12, day: 3 }, 1), { year: 2025, month: 1, day: 31 });
});

test('weekday, ordering and ISO formatting', () => {
  assert.equal(weekdayOf({ year: 2024, month: 5, day: 15 }), 3);
  assert.ok(compareDates({ year: 2024, month: 5, day: 15 }, { year: 2024, month: 6, day: 1 }) < 0);
  assert.equal(formatIsoDate({ year: 2024, month: 5, day: 3 }), '2024-05-03');
});
