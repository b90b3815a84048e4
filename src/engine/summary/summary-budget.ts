/**
 * How many words a summary may use. Longer meetings get more, but slowly:
 * a reader's attention does not grow with the meeting.
 */

export interface SummaryBudgetOptions {
  /** Words per natural-log unit of meeting length (in hundreds of words). */
  wordsPerLogUnit: number;
  minWords: number;
  maxWords: number;
}

export const DEFAULT_SUMMARY_BUDGET: SummaryBudgetOptions = { wordsPerLogUnit: 45, minWords: 80, maxWords: 250 };

/**
 * The default word budget for a meeting of `meetingWords` words.
 *
 * @example
 * defaultSummaryWords(500)    // 80
 * defaultSummaryWords(1_000)  // 104
 * defaultSummaryWords(10_000) // 207
 */
export function defaultSummaryWords(meetingWords: number, options: SummaryBudgetOptions = DEFAULT_SUMMARY_BUDGET): number {
  const scaled = Math.round(options.wordsPerLogUnit * Math.log(Math.max(1, meetingWords / 100)));
  return Math.min(options.maxWords, Math.max(options.minWords, scaled));
}
