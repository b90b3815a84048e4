import type { MeetingSummary } from '../core/outputs.ts';
import type { Citation } from '../core/types.ts';

/** All citations of a summary, in section order. */
export function summaryCitations(summary: MeetingSummary): Citation[] {
  return [
    ...summary.overview.citations,
    ...summary.keyPoints.flatMap((i) => i.citations),
    ...summary.decisions.flatMap((i) => i.citations),
    ...summary.actionItems.flatMap((i) => i.citations),
    ...summary.nextSteps.flatMap((i) => i.citations),
  ];
}
