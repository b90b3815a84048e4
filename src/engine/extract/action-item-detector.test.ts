import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segmentsOf } from '../__fixtures__/segments-of.ts';
import { zonedInstant, type ZonedInstant } from '../dates/zoned-instant.ts';
import { buildMeetingDocument } from '../meeting/meeting-document.ts';
import { detectActionItems } from './action-item-detector.ts';

const WEDNESDAY = zonedInstant(new Date('2024-05-15T09:00:00Z'), 'UTC');
const PARTICIPANTS = ['Priya Nair', 'Tom Becker', 'Sam Ortiz'];

function actionsIn(turns: ReadonlyArray<readonly [string, string]>, reference: ZonedInstant | null = WEDNESDAY) {
  const doc = buildMeetingDocument('m', segmentsOf(turns), PARTICIPANTS);
  return detectActionItems(doc, reference).map((action) => ({
    text: action.text,
    owner: action.owner,
    due: action.due?.due ?? null,
    dueText: action.due?.dueText ?? null,
    turns: action.turns,
  }));
}

test('a first-person commitment is owned by its speaker, with its due date', () => {
  assert.deepEqual(actionsIn([['Tom', "I'll send the revised budget to finance by Friday."]]), [
    { text: "I'll send the revised budget to finance by Friday.", owner: 'Tom Becker', due: '2024-05-17', dueText: 'by Friday', turns: [0] },
  ]);
  assert.equal(actionsIn([['Sam', 'Let me check with legal about the contract.']])[0]?.owner, 'Sam Ortiz');
});

test('an accepted request is owned by the person named in it, due when the reply says', () => {
  assert.deepEqual(actionsIn([
    ['Priya', 'Sam, can you fix the payment bug by Friday?'],
    ['Sam', 'Sure, I can have it done by Thursday.'],
  ]), [{ text: 'Sam, can you fix the payment bug by Friday?', owner: 'Sam Ortiz', due: '2024-05-16', dueText: 'by Thursday', turns: [0, 1] }]);
});

test('a request to hold something is a task; asking someone to hold the line is not', () => {
  assert.equal(actionsIn([
    ['Priya', 'Tom, can you hold the hardware budget at forty thousand until the review?'],
    ['Tom', 'Sure, I will.'],
  ])[0]?.owner, 'Tom Becker');
});

test('an unnamed request goes to whoever accepts it; a request nobody accepts is no task', () => {
  assert.equal(actionsIn([
    ['Priya', 'Could you update the roadmap before Tuesday?'],
    ['Tom', 'Yep, on it.'],
  ])[0]?.owner, 'Tom Becker');
  assert.deepEqual(actionsIn([
    ['Priya', 'Can someone update the support wiki?'],
    ['Sam', 'Which section of the wiki?'],
  ]), []);
});

test('refusals, hypotheticals, past tense and in-meeting speech acts are not tasks', () => {
  assert.deepEqual(actionsIn([
    ['Priya', 'Tom, could you translate the screenshots?'],
    ['Tom', "Sorry, I can't, I don't speak Spanish."],
    ['Sam', 'If we had more time, I would rewrite the checkout flow.'],
    ['Sam', 'Maybe I will look at the logs.'],
    ['Tom', 'I already updated the release notes last week.'],
    ['Priya', "I'll share my screen."],
    ['Priya', 'Let me think about that.'],
    ['Sam', 'Let me just check our status page, one second.'],
    ['Tom', "I'll pull up your account real quick."],
    ['Tom', "I'll be honest, the numbers look bad."],
    ['Sam', "I'll go with the blue casing then."],
    ['Sam', "I won't be able to join on Monday."],
    ['Priya', 'Can you hear me now?'],
    ['Sam', 'Please hold for just a moment while I bring in billing.'],
    ['Tom', 'Yes.'],
  ]), []);
});

test('a named person taking something on owns it, matched to the full name', () => {
  assert.deepEqual(actionsIn([['Priya', 'Tom will brief the support team before the launch.']]).map((action) => action.owner), ['Tom Becker']);
  assert.deepEqual(actionsIn([['Priya', 'Sam to book the room for the offsite.']]).map((action) => action.owner), ['Sam Ortiz']);
});

test('"I\'ll do it" takes on the proposal before it', () => {
  assert.deepEqual(actionsIn([
    ['Priya', 'Someone needs to renew the SSL certificate before it expires.'],
    ['Sam', "I'll do it."],
  ]), [{ text: 'Someone needs to renew the SSL certificate before it expires.', owner: 'Sam Ortiz', due: null, dueText: null, turns: [0, 1] }]);
});

test('an accepted offer is owned by the one who offered', () => {
  assert.equal(actionsIn([
    ['Priya', 'Do you want me to draft the release notes?'],
    ['Tom', 'Yes please.'],
  ])[0]?.owner, 'Priya Nair');
});

test('an explicit action item marker without a name has no owner', () => {
  assert.deepEqual(actionsIn([['Priya', 'Action item: update the support wiki with the launch FAQ.']]).map((action) => action.owner), [null]);
});

test('without a meeting date the due words are kept and the day left open', () => {
  assert.deepEqual(actionsIn([['Tom', "I'll send the deck by end of week."]], null).map((action) => [action.due, action.dueText]), [[null, 'by end of week']]);
});

test('a due date the speaker adds in the next sentence of the same turn belongs to the commitment', () => {
  const [action] = actionsIn([['Tom', "I'll own the announcement. I'll have a draft by Friday."]]);
  assert.equal(action?.text, "I'll own the announcement.");
  assert.equal(action?.due, '2024-05-17');
  // A date in another speaker's turn, or a sentence that is not the speaker's own plan, is not taken.
  const [other] = actionsIn([['Tom', "I'll own the announcement. The launch is on Friday."], ['Sam', "I'll have mine by Monday."]]);
  assert.equal(other?.due, null);
});
