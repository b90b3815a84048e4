import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateTimeDetector } from './date-time-detector.ts';
import { found } from './test-helpers.ts';

test('ISO and numeric dates with validated months and days', () => {
  assert.deepEqual(found(dateTimeDetector, 'When: 2000-04-16 11:34:35, born 2/8/1935 or 31.12.1999'), ['2000-04-16 11:34:35', '2/8/1935', '31.12.1999']);
  assert.deepEqual(found(dateTimeDetector, 'codes 2020-13-45 and 45/45/2020'), []);
});

test('dates with month names, weekdays and times become one span', () => {
  assert.deepEqual(found(dateTimeDetector, 'Meet on Tuesday, 12 May 2021 at 3pm.'), ['Tuesday, 12 May 2021 at 3pm']);
  assert.deepEqual(found(dateTimeDetector, 'due March 3rd, 2024; call at 10:30 a.m. or noon'), ['March 3rd, 2024', '10:30 a.m.', 'noon']);
});

test('relative expressions are dates', () => {
  assert.deepEqual(found(dateTimeDetector, 'see you next Tuesday, tomorrow morning, or three days ago'), [
    'next Tuesday',
    'tomorrow morning',
    'three days ago',
  ]);
  assert.deepEqual(found(dateTimeDetector, 'We ship by the end of the month, not next week'), ['the end of the month', 'next week']);
});

test('durations are not dates', () => {
  assert.deepEqual(found(dateTimeDetector, 'It took three days and lasted 2 hours for a week'), []);
});

test('four-digit numbers are years only where the wording says so', () => {
  assert.deepEqual(found(dateTimeDetector, 'founded in 1977, the Act of 1964, since 2001'), ['1977', '1964', '2001']);
  assert.deepEqual(found(dateTimeDetector, 'room 2001, 1987 74 Diakou Street, 2014 employees in 2014 people'), []);
});

test('modal "may" and a lone "March" verb are not months', () => {
  assert.deepEqual(found(dateTimeDetector, 'You may 3 times. They march in May.'), ['May']);
});
