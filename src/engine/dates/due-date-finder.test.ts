import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDueDate } from './due-date-finder.ts';
import { zonedInstant } from './zoned-instant.ts';

// Wednesday 15 May 2024, mid-morning in UTC.
const wednesday = zonedInstant(new Date('2024-05-15T10:00:00Z'), 'UTC');
const due = (text: string, reference = wednesday) => findDueDate(text, reference);

test('weekdays resolve forward: "by Friday" on a Wednesday is this Friday', () => {
  assert.deepEqual(due("I'll send it by Friday."), { due: '2024-05-17', dueText: 'by Friday' });
  assert.deepEqual(due('before Monday'), { due: '2024-05-20', dueText: 'before Monday' });
  assert.deepEqual(due('next Tuesday'), { due: '2024-05-21', dueText: 'next Tuesday' });
});

test('a bare weekday naming the meeting day means next week', () => {
  assert.equal(due('by Wednesday')?.due, '2024-05-22');
});

test('business shorthand: EOD, end of week, end of month, end of quarter', () => {
  assert.deepEqual(due('send it EOD'), { due: '2024-05-15', dueText: 'EOD' });
  assert.deepEqual(due('done by the end of the week'), { due: '2024-05-17', dueText: 'by the end of the week' });
  assert.deepEqual(due('by end of month'), { due: '2024-05-31', dueText: 'by end of month' });
  assert.equal(due('end of next week')?.due, '2024-05-24');
  assert.equal(due('by end of quarter')?.due, '2024-06-30');
});

test('relative and calendar dates', () => {
  assert.deepEqual(due('in two weeks'), { due: '2024-05-29', dueText: 'in two weeks' });
  assert.equal(due('tomorrow')?.due, '2024-05-16');
  assert.deepEqual(due('by June 3rd'), { due: '2024-06-03', dueText: 'by June 3rd' });
});

test('"by the Nth" is the next such day of a month', () => {
  assert.equal(due('by the 20th')?.due, '2024-05-20');
  assert.equal(due('by the 10th')?.due, '2024-06-10');
});

test('weekday boundaries: said on a Friday evening in Paris, it is already Saturday there', () => {
  const saturdayInParis = zonedInstant(new Date('2024-05-17T23:30:00Z'), 'Europe/Paris');
  assert.equal(due('by Monday', saturdayInParis)?.due, '2024-05-20');
  assert.equal(due('end of week', saturdayInParis)?.due, '2024-05-24');
  assert.equal(due('EOD', saturdayInParis)?.due, '2024-05-18');
  // The same instant in Los Angeles is still Friday afternoon.
  const fridayInLosAngeles = zonedInstant(new Date('2024-05-17T23:30:00Z'), 'America/Los_Angeles');
  assert.equal(due('EOD', fridayInLosAngeles)?.due, '2024-05-17');
  assert.equal(due('by Monday', fridayInLosAngeles)?.due, '2024-05-20');
});

test('a deadline wins over another date in the sentence', () => {
  assert.deepEqual(due("After Monday's call I will send it by Thursday"), { due: '2024-05-16', dueText: 'by Thursday' });
});

test('past dates, lengths of time, instants and ordinals that are not days are no deadlines', () => {
  assert.equal(due('we looked at last Friday numbers'), null);
  assert.equal(due('the site refresh waits a week'), null);
  assert.equal(due('I will call you in a second'), null);
  assert.equal(due('meet me on the 2nd floor'), null);
  assert.equal(due('no date here at all'), null);
});

test('without a meeting date the words are kept and the day is left open', () => {
  assert.deepEqual(findDueDate('I will send it by Friday', null), { due: null, dueText: 'by Friday' });
  assert.deepEqual(findDueDate('EOD please', null), { due: null, dueText: 'EOD' });
});

test('a moment on hold, a starting point and a recent day without a year are no deadlines', () => {
  assert.equal(due('Let me just check our status page, one second.'), null);
  assert.equal(due('give me two minutes to pull it up'), null);
  assert.equal(due("I'm going to refund the charge from May 14th back to the card."), null);
  assert.equal(due('Nothing changed since June 2nd, which is odd.'), null);
  // Said on 15 May: "May 10th" is five days ago, not next year's.
  assert.equal(due('The invoice of May 10th was wrong.'), null);
  // A month named well ahead is still next year's when it has passed this year.
  assert.equal(due('by January 10th')?.due, '2025-01-10');
  assert.equal(due('starting from next Monday, reviews are due by Friday')?.due, '2024-05-17');
  assert.equal(due("I'll call you back by noon on Friday, the 17th, either way.")?.dueText.endsWith(','), false);
});
