import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer, MeetingSummary } from '../../core/outputs.ts';
import { answerAsMarkdown, answerAsText, summaryAsText } from './summary-format.ts';

const cite = (segment: number) => ({ artifactId: 'm', segment, start: segment * 10, end: segment * 10 + 5, speaker: 'Ana' });

const summary: MeetingSummary = {
  overview: { text: 'We reviewed the launch plan.', citations: [cite(0)] },
  keyPoints: [{ text: 'The beta opens on June 3rd.', citations: [cite(4)] }, { text: '', citations: [] }],
  decisions: [{ text: "Let's go with the aluminium case.", citations: [cite(7)] }],
  actionItems: [{ text: "I'll send the order by Friday.", citations: [cite(9)], owner: 'Tom', due: '2026-03-06', dueText: 'by Friday' }],
  nextSteps: [{ text: 'The beta opens on June 3rd.', citations: [cite(4)] }],
  chapters: [{ title: 'Launch plan', start: 0, end: 100, fromSegment: 0, toSegment: 9 }],
  stats: { segments: 10, words: 120, durationSeconds: 100, speakers: ['Ana', 'Tom'] },
};

describe('plain-text output', () => {
  it('prints a summary as its sentences only, one item per line, in section order, without repeats or blanks', () => {
    assert.equal(
      summaryAsText(summary),
      ['We reviewed the launch plan.', 'The beta opens on June 3rd.', "Let's go with the aluminium case.", "I'll send the order by Friday."].join('\n'),
    );
  });

  it('prints an answer without its sources, while markdown lists them', () => {
    const answer: Answer = { answer: 'Ana: "The beta opens on June 3rd."', citations: [cite(4)], covered: true };
    assert.equal(answerAsText(answer), 'Ana: "The beta opens on June 3rd."');
    assert.match(answerAsMarkdown(answer), /Sources:\n- .*Ana \(segment 4\)/);
  });
});
