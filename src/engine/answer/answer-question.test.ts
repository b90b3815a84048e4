import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../../core/errors.ts';
import type { Answer } from '../../core/outputs.ts';
import { LAUNCH_MEETING, LAUNCH_MEETING_DATE } from '../__fixtures__/launch-meeting.ts';
import { assertCitationsExist, assertQuotedFrom } from '../__fixtures__/output-checks.ts';
import { countWords } from '../text/word-count.ts';
import { answerQuestion, DEFAULT_ANSWER } from './answer-question.ts';
import { segmentsOf } from '../__fixtures__/segments-of.ts';
import { NOT_COVERED } from './answer-composer.ts';

const ask = (question: string, maxWords?: number): Answer =>
  answerQuestion({ artifactId: 'mtg_launch', segments: LAUNCH_MEETING, question, meetingDate: LAUNCH_MEETING_DATE, maxWords });

/** The quoted parts of an answer. */
function quotes(answer: Answer): string[] {
  return [...answer.answer.matchAll(/"((?:[^"\n])+)"/g)].map((match) => match[1]!);
}

function assertOnlyQuotes(answer: Answer): void {
  assertCitationsExist(answer.citations, LAUNCH_MEETING, 'mtg_launch');
  assert.ok(answer.citations.length > 0);
  for (const quote of quotes(answer)) assertQuotedFrom(quote, answer.citations, LAUNCH_MEETING);
  // Outside the quotes there is only framing: names, "said by", due dates.
  const framing = answer.answer.replace(/"[^"\n]*"/g, '').split('\n');
  for (const line of framing) assert.match(line, /^[\p{L} ]+(?: \(said by [\p{L} ]+\))?: ?(?: \(due [\w-]+\))?$/u);
}

test('says so when the meeting did not cover the question', () => {
  for (const question of ['What is the budget for the Japan office?', 'Did anyone mention the kubernetes migration?', 'What is the weather like?', 'Why?']) {
    assert.deepEqual(ask(question), { answer: NOT_COVERED, citations: [], covered: false }, question);
  }
});

test('a question on words the meeting keeps coming back to is covered even where no one passage holds them all', () => {
  const parts = ['battery', 'hinge', 'antenna', 'bezel', 'gasket'];
  const filler = [['Ana', 'Let me check the calendar for next week.'], ['Tom', 'Sounds good, we can move on.']] as const;
  /** A meeting that names each part `times` times, never two parts in neighbouring turns. */
  const meeting = (times: number) => segmentsOf(Array.from({ length: times }, (_, round) => parts.flatMap((part) => [
    ['Priya', `The ${part} supplier sent revision ${round + 1} of the ${part} drawing.`] as const,
    ...filler,
  ])).flat());
  const question = 'What about the battery, hinge, antenna, bezel and gasket?';
  // Every part is a topic the meeting returned to: covered.
  assert.equal(answerQuestion({ artifactId: 'mtg_parts', segments: meeting(10), question }).covered, true);
  // Each part named once in passing, one far from the next: not covered.
  assert.equal(answerQuestion({ artifactId: 'mtg_parts', segments: meeting(1), question }).covered, false);
});

test('asked what someone who spoke said, answers from their words even where the question words it differently', () => {
  const question = 'What did Ana think about the campaign wording and tone?';
  const answer = ask(question);
  assert.equal(answer.covered, true);
  assert.ok(answer.answer.startsWith('Ana: "'));
  assert.match(answer.answer, /campaign/);
  assertOnlyQuotes(answer);
  // Without the allowance, or naming nobody who spoke, the same words are not enough.
  const strict = answerQuestion({ artifactId: 'mtg_launch', segments: LAUNCH_MEETING, question }, { ...DEFAULT_ANSWER, speakerCoverageShare: 1 });
  assert.equal(strict.covered, false);
  assert.equal(ask('What did the team think about the campaign wording and tone?').covered, false);
  assert.equal(ask('What did Ana say about the kubernetes budget?').covered, false);
});

test('answers a factual question with the sentence that holds the answer, quoted and cited', () => {
  const answer = ask('What did Ana say about the press release?');
  assert.equal(answer.covered, true);
  assert.ok(answer.answer.startsWith('Ana: "'));
  assert.ok(answer.citations.every((citation) => citation.speaker === 'Ana'));
  assert.match(answer.answer, /press release/);
  assertOnlyQuotes(answer);
});

test('"when" questions come back with the time', () => {
  const answer = ask('When is the launch?');
  assert.ok(answer.citations.some((citation) => citation.segment === 8));
  assert.match(answer.answer, /June 3rd/);
  assertOnlyQuotes(answer);
});

test('"who" questions name the person, from the action items when one matches', () => {
  const answer = ask('Who is covering the Saturday shift?');
  assert.match(answer.answer, /^Tom: "I can cover the Saturday support shift\."/);
  assert.deepEqual(answer.citations.map((citation) => citation.segment), [22]);
});

test('a question naming a person favours what that person said', () => {
  const answer = ask('What did Sam say about the payment bug?');
  assert.ok(answer.citations.length > 0);
  assert.ok(answer.citations.every((citation) => citation.speaker === 'Sam'));
  assertOnlyQuotes(answer);
});

test('lists the action items with their owners and due dates', () => {
  const answer = ask('What action items were assigned?', 200);
  const lines = answer.answer.split('\n');
  assert.equal(lines[0], 'Sam (said by Priya): "Sam, can you fix the second payment bug by Friday?" (due 2024-05-17)');
  assert.ok(lines.some((line) => line.startsWith('Tom: "I\'ll write the rollout checklist')));
  assertOnlyQuotes(answer);
});

test('narrows action items to the person asked about', () => {
  const answer = ask('What does Tom need to do?', 200);
  assert.ok(answer.answer.split('\n').every((line) => line.startsWith('Tom')));
  assert.ok(answer.answer.split('\n').length >= 2);
});

test('lists decisions and next steps', () => {
  const decisions = ask('What was decided?');
  assert.equal(decisions.answer.split('\n').length, 3);
  assertOnlyQuotes(decisions);
  const steps = ask('What are the next steps?');
  assert.match(steps.answer, /reconvene on Monday/);
  assertOnlyQuotes(steps);
});

test('a list question about something the list does not hold falls back to what was said', () => {
  const answer = ask('What was decided about the screenshots?');
  assert.equal(answer.covered, true);
  assert.match(answer.answer, /screenshots/);
});

test('says when a meeting made no decisions at all', () => {
  const answer = answerQuestion({
    artifactId: 'm',
    segments: [{ index: 0, speaker: 'A', start: 0, end: 3, text: 'The quarterly numbers look fine overall.' }],
    question: 'What decisions were made?',
  });
  assert.deepEqual(answer, { answer: 'The meeting did not cover any decisions.', citations: [], covered: false });
});

test('"catch me up" quotes the key points so far', () => {
  const answer = ask('Catch me up');
  assert.equal(answer.covered, true);
  assert.ok(answer.answer.split('\n').length >= 3);
  assertOnlyQuotes(answer);
  const lateJoiner = answerQuestion({ artifactId: 'mtg_launch', segments: LAUNCH_MEETING.slice(0, 10), question: 'What did I miss?' });
  assert.ok(lateJoiner.citations.every((citation) => citation.segment < 10));
});

test('respects the word budget', () => {
  for (const maxWords of [15, 30, 60]) {
    const answer = ask('What did they say about the payment bugs and the checkout flow?', maxWords);
    const quoted = quotes(answer).reduce((sum, quote) => sum + countWords(quote), 0);
    assert.ok(quoted <= maxWords, `${quoted} quoted words for a budget of ${maxWords}`);
  }
});

test('rejects an empty question and a bad budget', () => {
  assert.throws(() => ask('   '), (error) => AppError.isInstance(error) && error.code === 'invalid_input');
  assert.throws(() => ask('When is the launch?', 0), (error) => AppError.isInstance(error) && error.code === 'invalid_input');
});

test('an empty transcript covers nothing', () => {
  assert.equal(answerQuestion({ artifactId: 'm', segments: [], question: 'catch me up' }).covered, false);
});

test('lists the turns it searched, most relevant first, beside citations in transcript order', () => {
  const answer = ask('When is the launch?');
  const sources = answer.sources ?? [];
  assert.ok(sources.length > 1);
  assert.equal(sources[0]!.score, 1);
  for (let i = 1; i < sources.length; i++) assert.ok(sources[i]!.score <= sources[i - 1]!.score);
  assert.equal(new Set(sources.map((source) => source.segment)).size, sources.length);
  assert.ok(sources.slice(0, 3).some((source) => source.segment === 8), 'the turn naming the date ranks near the top');
  assertCitationsExist(sources.map(({ score: _score, ...citation }) => citation), LAUNCH_MEETING, 'mtg_launch');
  const segments = answer.citations.map((citation) => citation.segment);
  assert.deepEqual(segments, [...segments].sort((a, b) => a - b));
  assert.equal(ask('What is the weather like?').sources, undefined);
});

test('"what did Sam say?" lists Sam\'s most informative turns as its sources', () => {
  const sources = ask('What did Sam say?').sources ?? [];
  assert.ok(sources.length >= 2);
  assert.ok(sources.every((source) => source.speaker === 'Sam'));
  assert.equal(sources[0]!.score, 1);
  for (let i = 1; i < sources.length; i++) assert.ok(sources[i]!.score <= sources[i - 1]!.score);
});

test('a discussion question quotes what followed the turn that named the topic', () => {
  const segments = segmentsOf([
    ['Ana', 'Let us start with the weekly numbers for the warehouse.'],
    ['Ben', 'Shipments rose eleven percent, returns stayed flat.'],
    ['Ana', 'Next, Cat will present the evaluation criteria.'],
    ['Cat', 'Fashionable looks scored seven, ease of use scored six.'],
    ['Cat', 'The scroll wheel and the spoken commands both rated highly with testers.'],
    ['Ben', 'Average overall comes to six point five, a solid result.'],
    ['Ana', 'Good. Lunch is at noon, by the way.'],
  ]);
  const withDiscussion = answerQuestion({ artifactId: 'm', segments, question: 'Summarize the presentation on evaluation criteria.' });
  assert.equal(withDiscussion.covered, true);
  assert.match(withDiscussion.answer, /scored seven|scroll wheel|six point five/);
  const without = answerQuestion(
    { artifactId: 'm', segments, question: 'Summarize the presentation on evaluation criteria.' },
    { ...DEFAULT_ANSWER, discussionTurns: 0 },
  );
  assert.doesNotMatch(without.answer, /scored seven|scroll wheel|six point five/);
});

test('the sources list the turn that says the most about the question before the short one that named it', () => {
  const segments = segmentsOf([
    ['Priya', 'Good morning. First the hiring plan, then the office move.'],
    ['Tom', 'We hired two engineers this month and one more starts in June.'],
    ['Ana', 'The office move is set for the last week of July.'],
    ['Priya', 'Next is the travel budget for the team.'],
    ['Tom', 'Sure.'],
    ['Tom', 'We spent about twelve thousand on travel last quarter, mostly customer visits in Berlin and Madrid, and I expect the same again because the renewals all land in the spring, so we should keep the same amount.'],
    ['Ana', 'Okay, that sounds fine to me.'],
    ['Priya', 'The movers need the floor plan by Friday.'],
    ['Ana', 'I will send the floor plan to the movers.'],
  ]);
  const question = 'What did they say about the travel budget?';
  const answer = answerQuestion({ artifactId: 'mtg_travel', segments, question });
  assert.deepEqual(answer.sources?.slice(0, 2).map((source) => source.segment), [5, 3]);
  // Ranked as the discussion's anchors are, the turn naming the topic comes first.
  const byAnchors = answerQuestion({ artifactId: 'mtg_travel', segments, question }, { ...DEFAULT_ANSWER, sources: DEFAULT_ANSWER.anchors });
  assert.deepEqual(byAnchors.sources?.slice(0, 2).map((source) => source.segment), [3, 5]);
});

test('the minutes style reports the answer in the speaker\'s name instead of quoting it, with the same citations', () => {
  const question = 'What did Ana say about the press release?';
  const quoted = ask(question);
  const minutes = answerQuestion({ artifactId: 'mtg_launch', segments: LAUNCH_MEETING, question, meetingDate: LAUNCH_MEETING_DATE, style: 'minutes' });
  assert.deepEqual(minutes.citations, quoted.citations);
  assert.deepEqual(minutes.sources, quoted.sources);
  assert.doesNotMatch(minutes.answer, /"/);
  assert.match(minutes.answer, /^Ana\b/);
  assert.match(minutes.answer, /press release/);
  assert.doesNotMatch(minutes.answer, /\b(?:I|I'll|we|our)\b/);
});

test('a minutes answer retells what someone will do as what they would do; a listed action item stays in the future', () => {
  const retold = answerQuestion({ artifactId: 'mtg_launch', segments: LAUNCH_MEETING, question: 'What did Sam say about the Sunday shift?', style: 'minutes' });
  assert.match(retold.answer, /Sam would take the Sunday support shift\./);
  assert.doesNotMatch(retold.answer, /\bwill\b/);
  const listed = answerQuestion({ artifactId: 'mtg_launch', segments: LAUNCH_MEETING, question: 'Who will take the Sunday support shift?', style: 'minutes' });
  assert.match(listed.answer, /Sam will take the Sunday support shift\. \(due Sunday\)/);
});

test('in the minutes style, listed action items are reported in their owner\'s name, due dates kept', () => {
  const minutes = answerQuestion({ artifactId: 'mtg_launch', segments: LAUNCH_MEETING, question: 'What are the action items?', meetingDate: LAUNCH_MEETING_DATE, style: 'minutes' });
  const quoted = ask('What are the action items?');
  assert.deepEqual(minutes.citations, quoted.citations);
  assert.doesNotMatch(minutes.answer, /"/);
  assert.match(minutes.answer, /^Tom will write the rollout checklist and share it with the team by end of week\. \(due 2024-05-17\)$/m);
});
