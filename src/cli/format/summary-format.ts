import type { Answer, MeetingSummary, SummaryItem } from '../../core/outputs.ts';
import type { Citation } from '../../core/types.ts';
import { clock } from './time.ts';

export type SummaryFormat = 'markdown' | 'text' | 'json';

const cite = (citations: Citation[]): string =>
  citations.length === 0 ? '' : ` [${citations.slice(0, 3).map((c) => `${clock(c.start)} ${c.speaker}`).join('; ')}]`;

/** Plain text only: every extracted sentence, one per line, no headings or citations (for scoring). */
export function summaryAsText(summary: MeetingSummary): string {
  const lines = [
    summary.overview.text,
    ...summary.keyPoints.map((i) => i.text),
    ...summary.decisions.map((i) => i.text),
    ...summary.actionItems.map((i) => i.text),
    ...summary.nextSteps.map((i) => i.text),
  ].filter((line) => line.trim() !== '');
  return [...new Set(lines)].join('\n');
}

/** Markdown with sections and a citation (time and speaker) after every item. */
export function summaryAsMarkdown(summary: MeetingSummary, title?: string): string {
  const out: string[] = [];
  if (title) out.push(`# ${title}`, '');
  const { stats } = summary;
  out.push(`_${stats.speakers.length} speakers · ${clock(stats.durationSeconds)} · ${stats.words} words_`, '');
  out.push('## Overview', '', summary.overview.text + cite(summary.overview.citations), '');
  const section = (heading: string, items: SummaryItem[], render: (item: SummaryItem) => string = (i) => i.text) => {
    out.push(`## ${heading}`, '');
    if (items.length === 0) out.push('_None._');
    for (const item of items) out.push(`- ${render(item)}${cite(item.citations)}`);
    out.push('');
  };
  section('Key points', summary.keyPoints);
  section('Decisions', summary.decisions);
  out.push('## Action items', '');
  if (summary.actionItems.length === 0) out.push('_None._');
  for (const item of summary.actionItems) {
    const owner = item.owner ? `**${item.owner}**` : '_unassigned_';
    const due = item.due ? ` (due ${item.due}${item.dueText ? `, "${item.dueText}"` : ''})` : '';
    out.push(`- ${owner}: ${item.text}${due}${cite(item.citations)}`);
  }
  out.push('');
  section('Next steps', summary.nextSteps);
  if (summary.chapters.length > 0) {
    out.push('## Chapters', '');
    for (const chapter of summary.chapters) out.push(`- ${clock(chapter.start)}–${clock(chapter.end)} ${chapter.title}`);
    out.push('');
  }
  return out.join('\n');
}

export function answerAsText(answer: Answer): string {
  return answer.answer;
}

export function answerAsMarkdown(answer: Answer): string {
  if (!answer.covered) return answer.answer;
  const sources = answer.citations.map((c) => `- ${clock(c.start)}–${clock(c.end)} ${c.speaker} (segment ${c.segment})`);
  return [answer.answer, '', 'Sources:', ...sources].join('\n');
}
