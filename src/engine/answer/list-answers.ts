/**
 * Answers to "what action items / decisions / next steps…" from the same
 * extractors the summary uses, narrowed to the people and topic the question
 * names, each item quoted with its citation.
 */
import type { Answer } from '../../core/outputs.ts';
import type { Citation } from '../../core/types.ts';
import type { ZonedInstant } from '../dates/zoned-instant.ts';
import { detectActionItems, type DetectedAction } from '../extract/action-item-detector.ts';
import { detectDecisions } from '../extract/decision-detector.ts';
import { detectNextSteps } from '../extract/next-step-detector.ts';
import { citeTurns } from '../meeting/citations.ts';
import type { MeetingDocument } from '../meeting/meeting-document.ts';
import { analyzeTerms, isTermVariant } from '../text/term-analyzer.ts';
import { countWords } from '../text/word-count.ts';
import { quoteSentences } from './answer-composer.ts';
import { reportSpeech } from '../text/reported-speech.ts';
import type { TextStyle } from '../../core/outputs.ts';
import type { QuestionIntent } from './question-intent.ts';

/** Share of the question's term weight an item must contain to be on topic. */
const MIN_TOPIC_MATCH = 0.6;

interface ListedItem {
  /** One line of the answer. */
  line: string;
  /** Words quoted from the meeting, for the budget. */
  words: number;
  citations: Citation[];
  /** Index terms of what it says, for topic filtering. */
  terms: string[];
  /** People it belongs to: owner, or the speakers quoted. */
  people: string[];
}

/**
 * The list the question asks for: `empty` when the meeting has no such items
 * for the people asked about, `off-topic` when it has some but none touch the
 * topic asked about (retrieval may still find that topic discussed).
 */
export type ListAnswer = { status: 'answered'; answer: Answer } | { status: 'empty' } | { status: 'off-topic' };

/**
 * Answers a list question.
 *
 * @example
 * answerFromList(doc, { kind: 'actions', people: ['Priya Nair'], terms: [] }, reference, 120)
 * // { status: 'answered', answer: { answer: 'Priya Nair: "I\'ll update the roadmap before Tuesday." (due 2026-03-17)', … } }
 */
export function answerFromList(
  doc: MeetingDocument,
  intent: QuestionIntent,
  reference: ZonedInstant | null,
  budget: number,
  weigh: (term: string) => number,
  style: TextStyle = 'quotes',
): ListAnswer {
  const items = listItems(doc, intent, reference, style)
    .filter((item) => intent.people.length === 0 || item.people.some((person) => intent.people.includes(person)));
  if (items.length === 0) return { status: 'empty' };
  const relevant = intent.terms.length === 0 ? items : items
    .map((item) => ({ item, match: topicMatch(item.terms, intent.terms, weigh) }))
    .filter(({ match }) => match >= MIN_TOPIC_MATCH)
    .sort((a, b) => b.match - a.match)
    .map(({ item }) => item);
  if (relevant.length === 0) return { status: 'off-topic' };
  const chosen: ListedItem[] = [];
  let left = budget;
  for (const item of relevant) {
    if (chosen.length > 0 && item.words > left) break;
    chosen.push(item);
    left -= item.words;
  }
  const answer = {
    answer: chosen.map((item) => item.line).join('\n'),
    citations: dedupeCitations(chosen.flatMap((item) => item.citations)),
    covered: true,
  };
  return { status: 'answered', answer };
}

function listItems(doc: MeetingDocument, intent: QuestionIntent, reference: ZonedInstant | null, style: TextStyle): ListedItem[] {
  if (intent.kind === 'decisions') {
    return detectDecisions(doc).map((decision) => quotedItem(doc, decision.sentences, style));
  }
  const actions = detectActionItems(doc, reference);
  // "Who…" questions are answered from action items when one matches: owners are the answer.
  if (intent.kind === 'actions' || intent.kind === 'who') {
    return actions.filter((action) => action.owner !== null).map((action) => actionItem(doc, action, style));
  }
  const used = new Set(actions.map((action) => action.sentence));
  for (const decision of detectDecisions(doc)) decision.sentences.forEach((id) => used.add(id));
  const steps = [
    ...actions.filter((action) => action.owner === null).map((action) => quotedItem(doc, [action.sentence], style)),
    ...detectNextSteps(doc, used).map((step) => quotedItem(doc, [step.sentence], style)),
  ].sort((a, b) => a.citations[0]!.segment - b.citations[0]!.segment);
  // Asked for next steps, people mean what happens after the meeting: the action items, when no plan was stated.
  return steps.length > 0 ? steps : actions.filter((action) => action.owner !== null).map((action) => actionItem(doc, action, style));
}

function quotedItem(doc: MeetingDocument, sentences: number[], style: TextStyle): ListedItem {
  const quote = quoteSentences(doc, sentences, style);
  return {
    line: quote.answer,
    words: sentences.reduce((sum, id) => sum + doc.sentences[id]!.words, 0),
    citations: quote.citations,
    terms: sentences.flatMap((id) => doc.sentences[id]!.terms),
    people: [...new Set(sentences.map((id) => doc.turns[doc.sentences[id]!.turn]!.speaker))],
  };
}

function actionItem(doc: MeetingDocument, action: DetectedAction, style: TextStyle): ListedItem {
  const owner = action.owner!;
  const speaker = doc.turns[doc.sentences[action.sentence]!.turn]!.speaker;
  const who = owner === speaker ? owner : `${owner} (said by ${speaker})`;
  const due = action.due ? ` (due ${action.due.due ?? action.due.dueText})` : '';
  let line = `${who}: "${action.text}"`;
  if (style === 'minutes') {
    const reported = reportSpeech(action.text, { speaker });
    line = reported.startsWith(owner) ? reported : `${who}: ${reported}`;
  }
  return {
    line: `${line}${due}`,
    words: countWords(action.text),
    citations: citeTurns(doc, action.turns),
    terms: analyzeTerms(action.text),
    people: [owner],
  };
}

/**
 * The share of the question's term weight an item contains, so "who is
 * sending the budget?" matches the budget item, not every item with "send".
 */
function topicMatch(itemTerms: readonly string[], questionTerms: readonly string[], weigh: (term: string) => number): number {
  let total = 0;
  let found = 0;
  for (const asked of new Set(questionTerms)) {
    const weight = weigh(asked);
    total += weight;
    if (itemTerms.some((term) => isTermVariant(term, asked))) found += weight;
  }
  return total > 0 ? found / total : 0;
}

function dedupeCitations(citations: Citation[]): Citation[] {
  const seen = new Map<number, Citation>();
  for (const citation of citations) seen.set(citation.segment, citation);
  return [...seen.values()].sort((a, b) => a.segment - b.segment);
}
