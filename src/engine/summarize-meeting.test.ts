import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AppError } from '../core/errors.ts';
import type { MeetingSummary, SummaryItem } from '../core/outputs.ts';
import type { Segment } from '../core/types.ts';
import { LAUNCH_MEETING, LAUNCH_MEETING_DATE, LAUNCH_MEETING_PARTICIPANTS } from './__fixtures__/launch-meeting.ts';
import { assertCitationsExist, assertQuotedFrom } from './__fixtures__/output-checks.ts';
import { summarizeMeeting } from './summarize-meeting.ts';
import { countWords } from './text/word-count.ts';

const summarizeLaunch = (maxWords?: number): MeetingSummary => summarizeMeeting({
  artifactId: 'mtg_launch',
  segments: LAUNCH_MEETING,
  meetingDate: LAUNCH_MEETING_DATE,
  participants: LAUNCH_MEETING_PARTICIPANTS,
  maxWords,
});

function itemsOf(summary: MeetingSummary): SummaryItem[] {
  return [summary.overview, ...summary.keyPoints, ...summary.decisions, ...summary.actionItems, ...summary.nextSteps];
}

function assertFaithful(summary: MeetingSummary, segments: readonly Segment[], artifactId: string): void {
  for (const item of itemsOf(summary)) {
    assertCitationsExist(item.citations, segments, artifactId);
    assertQuotedFrom(item.text, item.citations, segments);
    if (item.text.length > 0) assert.ok(item.citations.length > 0, `"${item.text}" cites nothing`);
  }
}

test('finds the decisions of the meeting', () => {
  assert.deepEqual(summarizeLaunch().decisions.map((decision) => decision.text), [
    'We agreed: the mobile app launches on June 3rd, with the payment fix as a blocker.',
    "And we're going with the staged rollout, ten percent of users first, then everyone after a week.",
    "Let's go with Tom on Saturday and Sam on Sunday for the support rota.",
  ]);
});

test('finds action items with owners resolved to full names and due dates', () => {
  const actions = summarizeLaunch().actionItems.map(({ owner, due, dueText, citations }) => ({
    owner, due, dueText, segments: citations.map((citation) => citation.segment),
  }));
  assert.deepEqual(actions, [
    { owner: 'Sam Ortiz', due: '2024-05-17', dueText: 'by Friday', segments: [10, 11] },
    { owner: 'Ana Silva', due: '2024-05-15', dueText: 'today', segments: [12, 13] },
    { owner: 'Tom Becker', due: '2024-05-17', dueText: 'by end of week', segments: [14] },
    { owner: 'Tom Becker', due: '2024-05-18', dueText: 'Saturday', segments: [22] },
    { owner: 'Sam Ortiz', due: '2024-05-19', dueText: 'Sunday', segments: [23] },
    { owner: 'Tom Becker', due: null, dueText: null, segments: [25] },
  ]);
});

test('next steps hold plans and the task nobody took', () => {
  const steps = summarizeLaunch(200).nextSteps.map((step) => step.text);
  assert.deepEqual(steps, [
    'Action item: update the support wiki with the launch FAQ.',
    'Next step is a dry run of the rollout on Thursday next week.',
    "We'll reconvene on Monday to confirm the payment fix landed.",
  ]);
});

test('chapters follow the announced topics and cover every segment in order', () => {
  const { chapters } = summarizeLaunch();
  assert.deepEqual(chapters.map(({ fromSegment, toSegment }) => [fromSegment, toSegment]), [[0, 19], [20, 31]]);
  assert.deepEqual(chapters.map((chapter) => [chapter.start, chapter.end]), [[0, 159.5], [160, 255.5]]);
  assert.match(chapters[1]!.title, /support rota/i);
});

test('statistics describe the transcript', () => {
  assert.deepEqual(summarizeLaunch().stats, {
    segments: 32,
    words: LAUNCH_MEETING.reduce((sum, segment) => sum + countWords(segment.text), 0),
    durationSeconds: 255.5,
    speakers: ['Priya', 'Tom', 'Sam', 'Ana'],
  });
});

test('every item quotes the transcript and cites the segments it came from', () => {
  assertFaithful(summarizeLaunch(), LAUNCH_MEETING, 'mtg_launch');
});

test('overview, key points and next steps stay within maxWords', () => {
  for (const maxWords of [12, 25, 40, 80, 150]) {
    const summary = summarizeLaunch(maxWords);
    const used = [summary.overview, ...summary.keyPoints, ...summary.nextSteps].reduce((sum, item) => sum + countWords(item.text), 0);
    assert.ok(used <= maxWords, `${used} words for a budget of ${maxWords}`);
    assert.ok(used > 0);
  }
  assert.ok(summarizeLaunch(150).keyPoints.length > summarizeLaunch(25).keyPoints.length);
});

test('key points are free of fillers and do not repeat the overview', () => {
  const summary = summarizeLaunch(150);
  for (const item of [summary.overview, ...summary.keyPoints]) assert.doesNotMatch(item.text, /\b(?:um|uh|you know)\b/i);
  const overviewSegments = new Set(summary.overview.citations.map((citation) => citation.segment));
  for (const point of summary.keyPoints) assert.ok(!point.text.split(/(?<=\.) /).some((sentence) => summary.overview.text.includes(sentence)));
  assert.ok(overviewSegments.size > 0);
});

test('is deterministic', () => {
  assert.deepEqual(summarizeLaunch(), summarizeLaunch());
});

test('without a meeting date due words are kept and days left open', () => {
  const summary = summarizeMeeting({ artifactId: 'm', segments: LAUNCH_MEETING, meetingDate: null });
  const checklist = summary.actionItems.find((action) => action.text.includes('rollout checklist'));
  assert.deepEqual([checklist?.due, checklist?.dueText], [null, 'by end of week']);
});

test('an empty transcript gives an empty summary', () => {
  assert.deepEqual(summarizeMeeting({ artifactId: 'm', segments: [] }), {
    overview: { text: '', citations: [] },
    keyPoints: [],
    decisions: [],
    actionItems: [],
    nextSteps: [],
    chapters: [],
    stats: { segments: 0, words: 0, durationSeconds: 0, speakers: [] },
  });
});

test('rejects a budget that is not a positive whole number, and unknown time zones', () => {
  for (const maxWords of [0, -5, 2.5]) {
    assert.throws(() => summarizeLaunch(maxWords), (error) => AppError.isInstance(error) && error.code === 'invalid_input');
  }
  assert.throws(
    () => summarizeMeeting({ artifactId: 'm', segments: LAUNCH_MEETING, meetingDate: LAUNCH_MEETING_DATE, timeZone: 'Nowhere/Land' }),
    (error) => AppError.isInstance(error) && error.code === 'invalid_input',
  );
});

const QMSUM_SAMPLE = new URL('./__fixtures__/qmsum/val-first4.jsonl', import.meta.url);

test('stays faithful on real meetings (QMSum validation)', () => {
  const meetings = readFileSync(QMSUM_SAMPLE, 'utf8').trim().split('\n');
  assert.equal(meetings.length, 4);
  for (const line of meetings) {
    const transcript = (JSON.parse(line) as { meeting_transcripts: { speaker: string; content: string }[] }).meeting_transcripts;
    let clock = 0;
    const segments: Segment[] = transcript.map((turn, index) => {
      const start = clock;
      clock += countWords(turn.content) * 0.4;
      return { index, speaker: turn.speaker, start, end: clock, text: turn.content };
    });
    const summary = summarizeMeeting({ artifactId: 'qmsum', segments, maxWords: 150 });
    assertFaithful(summary, segments, 'qmsum');
    const used = [summary.overview, ...summary.keyPoints, ...summary.nextSteps].reduce((sum, item) => sum + countWords(item.text), 0);
    assert.ok(used <= 150 && used > 50);
    assert.equal(summary.chapters[0]!.fromSegment, 0);
    assert.equal(summary.chapters.at(-1)!.toSegment, segments.length - 1);
    summary.chapters.slice(1).forEach((chapter, i) => assert.equal(chapter.fromSegment, summary.chapters[i]!.toSegment + 1));
  }
});

test('the minutes style reports what was said in the third person and past tense, citing the same segments', () => {
  const quoted = summarizeLaunch(200);
  const minutes = summarizeMeeting({
    artifactId: 'mtg_launch',
    segments: LAUNCH_MEETING,
    meetingDate: LAUNCH_MEETING_DATE,
    participants: LAUNCH_MEETING_PARTICIPANTS,
    maxWords: 200,
    style: 'minutes',
  });
  const [before, after] = [itemsOf(quoted), itemsOf(minutes)];
  assert.equal(after.length, before.length);
  assert.deepEqual(after.map((item) => item.citations), before.map((item) => item.citations));
  assert.deepEqual(minutes.actionItems.map((item) => [item.owner, item.due]), quoted.actionItems.map((item) => [item.owner, item.due]));
  const text = after.map((item) => item.text).join('\n');
  assert.doesNotMatch(text, /\b(?:I|we|we'll|I'll|our)\b/i);
  assert.ok(before.some((item, i) => item.text !== after[i]!.text), 'some item changed');
  assert.deepEqual(minutes.nextSteps.map((step) => step.text).at(-1), 'The group will reconvene on Monday to confirm the payment fix landed.');
});
