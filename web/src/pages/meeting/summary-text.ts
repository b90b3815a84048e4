import type { Citation, MeetingSummary, SummaryItem } from '../../api/types.ts';
import { clock, day } from '../../format/time.ts';

const cite = (citations: Citation[]) => citations.map((c) => ` [${clock(c.start)} ${c.speaker}]`).join('');
const bullet = (item: SummaryItem) => `- ${item.text}${cite(item.citations)}`;

/**
 * The summary as plain text with its citations, for pasting into mail or
 * chat: one heading per section, one line per item.
 */
export function summaryAsText(title: string, s: MeetingSummary): string {
  const section = (heading: string, lines: string[]) => (lines.length ? [`${heading}`, ...lines, ''] : []);
  return [
    title,
    '',
    ...section('Overview', s.overview.text ? [`${s.overview.text}${cite(s.overview.citations)}`] : []),
    ...section('Key points', s.keyPoints.map(bullet)),
    ...section('Decisions', s.decisions.map(bullet)),
    ...section(
      'Action items',
      s.actionItems.map((a) => {
        const who = [a.owner, a.due ? `due ${day(a.due)}` : null].filter(Boolean).join(', ');
        return `- ${a.text}${who ? ` (${who})` : ''}${cite(a.citations)}`;
      }),
    ),
    ...section('Next steps', s.nextSteps.map(bullet)),
  ]
    .join('\n')
    .trimEnd();
}
