/**
 * `summarizeMeeting`: the built-in engine's meeting summary. Every sentence
 * it returns was said in the meeting (cleaned of fillers, never reworded) and
 * cites the segments it came from.
 */
import type { ActionItem, Chapter, MeetingSummary, SummaryItem } from '../core/outputs.ts';
import type { Segment } from '../core/types.ts';
import { titleChapters } from './chapters/chapter-titler.ts';
import { segmentTopics, type TopicSpan } from './chapters/topic-segmenter.ts';
import { zonedInstant, type ZonedInstant } from './dates/zoned-instant.ts';
import { detectActionItems, type DetectedAction } from './extract/action-item-detector.ts';
import { detectDecisions } from './extract/decision-detector.ts';
import { detectNextSteps } from './extract/next-step-detector.ts';
import { citeSentences, citeTurns } from './meeting/citations.ts';
import { buildMeetingDocument, type MeetingDocument } from './meeting/meeting-document.ts';
import { TfIdfSpace } from './retrieval/tfidf-space.ts';
import { selectKeyPoints, selectOverview, toSingleItem, toSummaryItems } from './summary/extractive-summary.ts';
import { scoreSalience } from './summary/salience-scorer.ts';
import { defaultSummaryWords } from './summary/summary-budget.ts';
import { countWords } from './text/word-count.ts';
import type { TextStyle } from '../core/outputs.ts';
import { reportSpeech } from './text/reported-speech.ts';
import { checkWordBudget } from './word-budget.ts';

export interface SummarizeInput {
  /** Goes into every citation. */
  artifactId: string;
  /** In time order; `Segment.index` is the number citations carry. */
  segments: Segment[];
  /** Reference instant for due dates ("by Friday"); null leaves them unresolved (`due` null, `dueText` kept). */
  meetingDate?: Date | null;
  /** Total word budget for overview, key points and next steps; by default it grows with the meeting. */
  maxWords?: number;
  /** Known participant names, so "Priya" resolves to "Priya Nair". */
  participants?: string[];
  /** IANA zone due dates are resolved in; default `UTC`. */
  timeZone?: string;
  /**
   * `quotes` (default): overview, key points and decisions as said;
   * `minutes`: reported in the third person and past tense, naming the speaker.
   */
  style?: TextStyle;
}

/** Share of the budget next steps may take. */
const NEXT_STEPS_SHARE = 0.3;
// Caps that keep a long, decisive meeting's lists readable.
const MAX_DECISIONS = 15;
const MAX_ACTION_ITEMS = 40;

/**
 * Summarises a meeting transcript: overview, key points, decisions, action
 * items (owner, due date), next steps, chapters and statistics.
 *
 * @example
 * const summary = summarizeMeeting({
 *   artifactId: 'mtg_1',
 *   segments: [
 *     { index: 0, speaker: 'Priya', start: 0, end: 6, text: "Let's go with the aluminium case." },
 *     { index: 1, speaker: 'Tom', start: 6, end: 11, text: "I'll send the supplier the order by Friday." },
 *   ],
 *   meetingDate: new Date('2024-05-15T09:00:00Z'),
 * });
 * summary.actionItems[0] // { owner: 'Tom', due: '2024-05-17', dueText: 'by Friday', … }
 */
export function summarizeMeeting(input: SummarizeInput): MeetingSummary {
  checkWordBudget(input.maxWords);
  const doc = buildMeetingDocument(input.artifactId, input.segments, input.participants);
  const reference = input.meetingDate ? zonedInstant(input.meetingDate, input.timeZone ?? 'UTC') : null;
  return summarizeDocument(doc, reference, input.maxWords ?? defaultSummaryWords(doc.words), input.style ?? 'quotes');
}

function summarizeDocument(doc: MeetingDocument, reference: ZonedInstant | null, maxWords: number, style: TextStyle): MeetingSummary {
  const space = new TfIdfSpace(doc.sentences.map((sentence) => sentence.terms));
  const topics = segmentTopics(doc, space);
  const salience = scoreSalience(doc, space, topics);

  const decisions = detectDecisions(doc).slice(0, MAX_DECISIONS);
  const actions = detectActionItems(doc, reference);
  const owned = actions.filter((action) => action.owner !== null).slice(0, MAX_ACTION_ITEMS);
  const ownerless = actions.filter((action) => action.owner === null);
  const used = new Set([...actions.map((action) => action.sentence), ...decisions.flatMap((decision) => decision.sentences)]);
  const statedSteps = detectNextSteps(doc, used);

  const overviewIds = selectOverview(doc, salience, maxWords);
  const overview = overviewIds.length > 0 ? toSingleItem(doc, overviewIds, style) : { text: '', citations: [] };
  // Budgets count the words as said, so both styles pick the same sentences.
  const overviewWords = countWords(style === 'quotes' ? overview.text : toSingleItem(doc, overviewIds, 'quotes').text);

  const stepBudget = Math.min(maxWords - overviewWords, Math.floor(maxWords * NEXT_STEPS_SHARE));
  const steps = fitNextSteps(doc, ownerless, statedSteps, stepBudget);
  const stepWords = steps.items.reduce((sum, item) => sum + countWords(item.text), 0);

  // Items found by the extractors are reported in the name of whoever said them.
  const styledItem = (text: string, sentence: number) =>
    style === 'quotes' ? text : reportSpeech(text, { speaker: doc.turns[doc.sentences[sentence]!.turn]!.speaker });
  const taken = new Set([...overviewIds, ...steps.sentences, ...owned.map((action) => action.sentence)]);
  const keyPointIds = selectKeyPoints(doc, salience, maxWords - overviewWords - stepWords, taken);

  return {
    overview,
    keyPoints: toSummaryItems(doc, keyPointIds, style),
    decisions: decisions.map((decision) => ({ text: styledItem(decision.text, decision.sentences[0]!), citations: citeSentences(doc, decision.sentences) })),
    actionItems: owned.map((action) => ({ ...toActionItem(doc, action), text: styledItem(action.text, action.sentence) })),
    nextSteps: steps.items.map((item, i) => ({ ...item, text: styledItem(item.text, steps.sentences[i]!) })),
    chapters: toChapters(doc, topics, titleChapters(doc, topics, space)),
    stats: {
      segments: doc.turns.length,
      words: doc.words,
      durationSeconds: duration(doc),
      speakers: doc.speakerLabels,
    },
  };
}

/**
 * Next steps within their budget: actions nobody took on come first, then
 * stated plans; shown in transcript order.
 */
function fitNextSteps(
  doc: MeetingDocument,
  ownerless: readonly DetectedAction[],
  stated: readonly { text: string; sentence: number }[],
  budget: number,
): { items: SummaryItem[]; sentences: number[] } {
  const chosen: { sentence: number; item: SummaryItem }[] = [];
  let left = budget;
  const offers = [
    ...ownerless.map((action) => ({ sentence: action.sentence, item: { text: action.text, citations: citeTurns(doc, action.turns) } })),
    ...stated.map((step) => ({ sentence: step.sentence, item: { text: step.text, citations: citeSentences(doc, [step.sentence]) } })),
  ];
  for (const offer of offers) {
    const words = countWords(offer.item.text);
    if (words > left) continue;
    chosen.push(offer);
    left -= words;
  }
  chosen.sort((a, b) => a.sentence - b.sentence);
  return { items: chosen.map((offer) => offer.item), sentences: chosen.map((offer) => offer.sentence) };
}

function toActionItem(doc: MeetingDocument, action: DetectedAction): ActionItem {
  return {
    text: action.text,
    citations: citeTurns(doc, action.turns),
    owner: action.owner,
    due: action.due?.due ?? null,
    dueText: action.due?.dueText ?? null,
  };
}

function toChapters(doc: MeetingDocument, topics: readonly TopicSpan[], titles: string[]): Chapter[] {
  return topics.map((topic, i) => {
    const first = doc.turns[topic.fromTurn]!.segment;
    const last = doc.turns[topic.toTurn]!.segment;
    return { title: titles[i]!, start: first.start, end: last.end, fromSegment: first.index, toSegment: last.index };
  });
}

function duration(doc: MeetingDocument): number {
  if (doc.turns.length === 0) return 0;
  let first = Infinity;
  let last = -Infinity;
  for (const { segment } of doc.turns) {
    first = Math.min(first, segment.start);
    last = Math.max(last, segment.end);
  }
  return Math.max(0, last - first);
}
