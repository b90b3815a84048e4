/**
 * Shapes of the outputs the meeting features produce. The built-in engine and
 * generative providers both return these; `features/` validates them with zod.
 */
import type { Citation } from './types.ts';

/** One extracted statement and where it was said. */
/**
 * How the built-in engine writes what was said: `quotes` keeps each sentence
 * as spoken (cleaned of fillers); `minutes` reports it, in the third person
 * and past tense with the speaker named, as meeting minutes do.
 */
export const TEXT_STYLES = ['quotes', 'minutes'] as const;
export type TextStyle = (typeof TEXT_STYLES)[number];

export interface SummaryItem {
  text: string;
  citations: Citation[];
}

export interface ActionItem extends SummaryItem {
  /** The person responsible, from the speaker or the person named. */
  owner: string | null;
  /** Resolved due date, `YYYY-MM-DD`, when one was stated. */
  due: string | null;
  /** The words the due date was resolved from, e.g. "by Friday". */
  dueText: string | null;
}

export interface Chapter {
  title: string;
  start: number;
  end: number;
  /** First and last segment index covered. */
  fromSegment: number;
  toSegment: number;
}

export interface MeetingSummary {
  overview: SummaryItem;
  keyPoints: SummaryItem[];
  decisions: SummaryItem[];
  actionItems: ActionItem[];
  nextSteps: SummaryItem[];
  chapters: Chapter[];
  stats: {
    segments: number;
    words: number;
    durationSeconds: number;
    speakers: string[];
  };
}

export interface Answer {
  /** The answer text; extractive answers quote the transcript. */
  answer: string;
  citations: Citation[];
  /** `false` when the meeting did not cover the question. */
  covered: boolean;
  /**
   * The transcript turns that bear on the question, most relevant first
   * (`citations` keep transcript order). Absent when the answer was not
   * found by searching the transcript.
   */
  sources?: RankedSource[];
}

/** A cited turn with its relevance to the question: 1 for the most relevant, less for the others. */
export interface RankedSource extends Citation {
  score: number;
}

/** An action item of a summary, ready to become a task. */
export interface CapturedTask {
  text: string;
  /** The owner as named in the meeting. */
  owner: string | null;
  /** The user of the account the owner resolved to, when exactly one matches. */
  assigneeUserId: string | null;
  due: string | null;
  citations: Citation[];
}

export interface TaskCapture {
  /** The summary output the action items were taken from. */
  summaryId: string;
  tasks: CapturedTask[];
}
