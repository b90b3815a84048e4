/**
 * `answerQuestion`: answers about a meeting made only of what was said,
 * quoted with the speaker's name and cited — or an honest "the meeting did
 * not cover this" when nothing relevant was said.
 */
import { AppError } from '../../core/errors.ts';
import type { Answer, RankedSource } from '../../core/outputs.ts';
import type { Segment } from '../../core/types.ts';
import { segmentTopics } from '../chapters/topic-segmenter.ts';
import { findDueDate } from '../dates/due-date-finder.ts';
import { zonedInstant } from '../dates/zoned-instant.ts';
import { citeTurns } from '../meeting/citations.ts';
import { buildMeetingDocument, type MeetingDocument } from '../meeting/meeting-document.ts';
import { TfIdfSpace } from '../retrieval/tfidf-space.ts';
import { selectKeyPoints } from '../summary/extractive-summary.ts';
import { scoreSalience } from '../summary/salience-scorer.ts';
import { notCovered, quoteSentences } from './answer-composer.ts';
import { answerFromList } from './list-answers.ts';
import { indexMeeting, rankSentences, type MeetingIndexes } from './passage-ranker.ts';
import { DEFAULT_FEEDBACK, expandQuery, withFeedback, type ExpandedQuery, type FeedbackOptions } from './query-expansion.ts';
import { readQuestion, type QuestionIntent } from './question-intent.ts';
import { DEFAULT_TURN_RANKING, rankTurns, type RankedTurn, type TurnRankingOptions } from './turn-ranker.ts';
import { checkWordBudget } from '../word-budget.ts';
import type { TextStyle } from '../../core/outputs.ts';

export interface AnswerInput {
  artifactId: string;
  segments: Segment[];
  question: string;
  /** Reference instant for due dates in listed action items. */
  meetingDate?: Date | null;
  /** Answer length budget in quoted words; default 60, or 120 for lists and catch-ups. */
  maxWords?: number;
  /** `quotes` (default): what was said, in quotation marks after each speaker; `minutes`: reported, third person and past tense. */
  style?: TextStyle;
}

export interface AnswerOptions {
  defaultWords: number;
  /** Default budget for answers that list items or catch someone up. */
  defaultListWords: number;
  /** Share of the question's term weight (IDF) the meeting must contain anywhere to count as covered. */
  minMeetingCoverage: number;
  /** Share of the question's term weight the best passage (with its nearby turns) must contain. */
  minPassageCoverage: number;
  /**
   * Share of the question's term weight on words the meeting keeps coming back to (see
   * `topicalMentions`) that makes it covered whatever its best passage holds: a stretch of
   * discussion often spreads the question's words over more turns than the passage spans.
   */
  minTopicalCoverage: number;
  /** Sentences mentioning a term (or its equivalents) for it to count fully as a topic of the meeting; fewer count in proportion. */
  topicalMentions: number;
  /** Turns either side of the best sentence that count as its passage. */
  passageTurns: number;
  /** Extra sentences must score at least this share of the best one. */
  supportShare: number;
  maxSentences: number;
  /** Term overlap (Jaccard) above which an extra sentence only repeats one already chosen. */
  redundancy: number;
  /** A best sentence this short is a reply; the turn before it gives it meaning. */
  replyWords: number;
  /** Distinct terms a sentence needs to be quoted as what someone said ("Great." is not). */
  minHighlightTerms: number;
  /** Default budget for questions about a discussion, an opinion or a reason ("what did Ana think of…", "why…"). */
  defaultDiscussionWords: number;
  /** Turns either side of a turn whose relevance counts towards its region (the stretch of the meeting about the question). */
  regionTurns: number;
  /** How much a sentence's score depends on the relevance of its region: 0 ignores it, 1 scales it fully. */
  regionWeight: number;
  /** Sentences shorter than this many words lose score in proportion (square root): fragments inform little. */
  fullWords: number;
  /**
   * Share of both coverage minimums that applies when the question names someone who spoke in
   * the meeting: asked what they said, the meeting is the right place even where the question
   * words it differently.
   */
  speakerCoverageShare: number;
  /** How the turns listed as the answer's sources are ranked. */
  sources: TurnRankingOptions;
  /**
   * How the turns that anchor the answer's discussion (and the feedback) are ranked: a topic's
   * discussion starts where it is named, however briefly, while the listed sources favour the
   * turns that say more, and what was said just before them (where the topic was named). Only
   * the listed sources include the longer turns of a person the question names that do not use
   * its words (`speakerFloor`): worth reading, but no anchor for the answer.
   */
  anchors: TurnRankingOptions;
  /** Pseudo-relevance feedback for the sources ranking. */
  feedback: FeedbackOptions;
  /** Turns after each of the best sources whose informative sentences gain score as the discussion of the topic; 0 turns it off. */
  discussionTurns: number;
  /** Best anchors whose following turns count as discussion. */
  discussionSources: number;
  /** Best listed sources whose following turns also count as discussion. */
  discussionListedSources: number;
  /** The most a discussion sentence gains, as a share of the best sentence score. */
  discussionWeight: number;
}

export const DEFAULT_ANSWER: AnswerOptions = {
  defaultWords: 60,
  defaultListWords: 120,
  minMeetingCoverage: 0.35,
  minPassageCoverage: 0.25,
  minTopicalCoverage: 0.5,
  topicalMentions: 10,
  passageTurns: 1,
  supportShare: 0.6,
  maxSentences: 4,
  redundancy: 0.6,
  replyWords: 6,
  minHighlightTerms: 3,
  defaultDiscussionWords: 75,
  regionTurns: 25,
  regionWeight: 0.9,
  fullWords: 20,
  speakerCoverageShare: 0.5,
  sources: { ...DEFAULT_TURN_RANKING, fullWords: 50, contextWeight: 1.75, contextAfter: 5, speakerFloor: 0.5 },
  anchors: DEFAULT_TURN_RANKING,
  feedback: DEFAULT_FEEDBACK,
  discussionTurns: 20,
  discussionSources: 2,
  discussionListedSources: 1,
  discussionWeight: 2,
};

// Questions that ask how something was discussed rather than for one fact.
const DISCUSSION = /\b(?:why|how did|how do|how does|(?:think|thought|say|said|feel|felt|discuss|discussed|talk|talked|suggest|suggested|propose|proposed|argue|argued|opinions?|views?|concerns?|reasons?|summari[sz]e|summary|discussions?|debated?|questioning|controvers\w*|comment(?:s|ed)?|recommend(?:s|ed)?|elaborat\w*|mention(?:s|ed)?|describe|description|presentations?|explain(?:s|ed)?|decided|decisions?|conclu(?:ded|sions?)|(?:dis)?advantages?|impact|plans?|polic(?:y|ies)|how would|how will)\b)/i;

const LIST_NAMES = { actions: 'any action items', decisions: 'any decisions', 'next-steps': 'any next steps' } as const;

/**
 * Answers a question about a meeting from its transcript.
 *
 * @example
 * answerQuestion({ artifactId: 'mtg_1', segments, question: 'When is the code freeze?' })
 * // { answer: 'Maya Lindqvist: "Let\'s go with code freeze on April 3rd."\n…', citations: [{ segment: 64, … }, …], covered: true }
 * answerQuestion({ artifactId: 'mtg_1', segments, question: 'What is the marketing budget for Japan?' })
 * // { answer: 'The meeting did not cover this.', citations: [], covered: false }
 */
export function answerQuestion(input: AnswerInput, options: AnswerOptions = DEFAULT_ANSWER): Answer {
  const { answer, retrieval } = answerWithRetrieval(input, options);
  if (!answer.covered || answer.sources || !retrieval) return answer;
  return { ...answer, sources: sourcesOf(retrieval.doc, retrieval.indexes, retrieval.intent, options) };
}

interface Retrieval {
  doc: MeetingDocument;
  indexes: MeetingIndexes;
  intent: QuestionIntent;
}

function answerWithRetrieval(input: AnswerInput, options: AnswerOptions): { answer: Answer; retrieval: Retrieval | null } {
  if (input.question.trim().length === 0) {
    throw new AppError('invalid_input', 'The question is empty: ask something about the meeting.', {
      fields: [{ path: 'question', message: 'required' }],
    });
  }
  checkWordBudget(input.maxWords);
  const doc = buildMeetingDocument(input.artifactId, input.segments);
  if (doc.sentences.length === 0) return { answer: notCovered(), retrieval: null };
  const intent = readQuestion(input.question, doc.people);
  const listBudget = input.maxWords ?? options.defaultListWords;
  const budget = input.maxWords ?? options.defaultWords;
  const indexes = indexMeeting(doc);
  const retrieval = intent.terms.length > 0 ? { doc, indexes, intent } : null;
  const done = (answer: Answer) => ({ answer, retrieval });
  const style = input.style ?? 'quotes';

  if (intent.kind === 'catch-up' && intent.terms.length === 0 && intent.people.length === 0) return done(catchUp(doc, listBudget, style));
  if (intent.kind === 'actions' || intent.kind === 'decisions' || intent.kind === 'next-steps' || intent.kind === 'who') {
    const reference = input.meetingDate ? zonedInstant(input.meetingDate, 'UTC') : null;
    const listed = answerFromList(doc, intent, reference, listBudget, (term) => indexes.sentences.idf(term), style);
    if (listed.status === 'answered') return done(listed.answer);
    // A list question about no topic in particular: the list is the whole answer.
    if (intent.kind !== 'who' && intent.terms.length === 0) return done(notCovered(LIST_NAMES[intent.kind]));
  }
  // "Summarise the discussion about X": a longer answer from the passages about X.
  // "Summarise the discussion about X", "What did Ana think of X?": a discussion,
  // told in more, weaker-matching sentences from the passages about X.
  if (intent.kind === 'catch-up' || (DISCUSSION.test(input.question) && input.maxWords === undefined)) {
    const words = input.maxWords ?? options.defaultDiscussionWords;
    const scale = words / options.defaultWords;
    return done(answerFacts(doc, indexes, intent, words, style, {
      ...options,
      maxSentences: Math.round(options.maxSentences * scale * 2),
      supportShare: options.supportShare / 6,
    }));
  }
  return done(answerFacts(doc, indexes, intent, budget, style, options));
}

/** Quotes the sentences that best answer a factual question. */
function answerFacts(
  doc: MeetingDocument,
  indexes: MeetingIndexes,
  intent: QuestionIntent,
  budget: number,
  style: TextStyle,
  options: AnswerOptions,
): Answer {
  if (intent.terms.length === 0) {
    if (intent.people.length === 0) return notCovered();
    const { chosen, ranked } = personHighlights(doc, indexes, intent.people, budget, options);
    if (chosen.length === 0) return notCovered();
    // The person's most informative turns are the sources, best first.
    const turns = [...new Map(ranked.map(({ id, weight }) => [doc.sentences[id]!.turn, weight] as const).reverse())]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, options.sources.limit);
    const top = turns[0]?.[1] ?? 1;
    const sources = turns.map(([turn, weight]) => ({ ...citeTurns(doc, [turn])[0]!, score: Math.round((weight / top) * 1000) / 1000 }));
    return { ...quoteSentences(doc, chosen, style), sources };
  }
  const query = expandQuery(intent.terms, indexes.sentences);
  const scores = rankSentences(doc, indexes, query, intent);
  weighByRegion(doc, scores, options);
  let best = 0;
  for (let id = 1; id < scores.length; id++) if (scores[id]! > scores[best]!) best = id;
  if (!(scores[best]! > 0) || !isCovered(doc, indexes, query, best, coverageFor(doc, intent, options))) return notCovered();
  // A "when" answer is a time: support that names none only dilutes it.
  const byTime = intent.kind === 'when' ? (id: number) => findDueDate(doc.sentences[id]!.text, null) !== null : () => true;
  // "What did Ana say about…": when Ana spoke to it, her words are the answer.
  const named = new Set(intent.people);
  const spokeOf = (id: number) => named.has(doc.turns[doc.sentences[id]!.turn]!.speaker);
  const bySpeaker = named.size > 0 && spokeOf(best) ? spokeOf : () => true;
  const supports = (id: number) => byTime(id) && bySpeaker(id);
  const { sources, anchors } = rankedSources(doc, indexes, intent, query, scores, options);
  if (options.discussionTurns > 0) {
    const from = [...anchors.slice(0, options.discussionSources), ...sources.slice(0, options.discussionListedSources)];
    weighDiscussion(doc, indexes, scores, from, supports, options);
  }
  const answer = quoteSentences(doc, supportingSentences(doc, scores, budget, supports, options), style);
  return { ...answer, sources };
}

/**
 * A topic is often named in one turn ("Cat will present the evaluation
 * criteria") and discussed in the turns after it. The informative sentences
 * that follow the best sources gain score, so the answer tells what was said
 * about the topic, not only that it came up.
 */
function weighDiscussion(
  doc: MeetingDocument,
  indexes: MeetingIndexes,
  scores: Float64Array,
  sources: readonly RankedSource[],
  supports: (id: number) => boolean,
  options: AnswerOptions,
): void {
  let top = 0;
  for (const score of scores) top = Math.max(top, score);
  const position = new Map(doc.turns.map((turn) => [turn.segment.index, turn.position]));
  const informative = (id: number) => {
    const sentence = doc.sentences[id]!;
    const distinct = new Set(sentence.terms);
    if (sentence.isQuestion || distinct.size < options.minHighlightTerms || !supports(id)) return 0;
    return [...distinct].reduce((sum, term) => sum + indexes.sentences.idf(term), 0) / Math.sqrt(sentence.words || 1);
  };
  const bonus = new Map<number, number>();
  let maxInfo = 0;
  for (const source of sources) {
    const from = position.get(source.segment)!;
    for (let turn = from; turn <= Math.min(doc.turns.length - 1, from + options.discussionTurns); turn++) {
      const nearness = 1 - (turn - from) / (options.discussionTurns + 1);
      for (const id of doc.turns[turn]!.sentences) {
        const info = informative(id);
        maxInfo = Math.max(maxInfo, info);
        bonus.set(id, Math.max(bonus.get(id) ?? 0, info * nearness * source.score));
      }
    }
  }
  if (maxInfo <= 0) return;
  for (const [id, value] of bonus) scores[id]! += options.discussionWeight * top * (value / maxInfo);
}

/** The turns that bear on the question, most relevant first, as cited sources. */
function sourcesOf(doc: MeetingDocument, indexes: MeetingIndexes, intent: QuestionIntent, options: AnswerOptions): RankedSource[] {
  const query = expandQuery(intent.terms, indexes.sentences);
  const scores = rankSentences(doc, indexes, query, intent);
  weighByRegion(doc, scores, options);
  return rankedSources(doc, indexes, intent, query, scores, options).sources;
}

/**
 * Ranks the turns, then ranks them again with the query widened by what the
 * best of them say (pseudo-relevance feedback): once as the sources listed,
 * once as the anchors of the discussion the answer quotes.
 */
function rankedSources(
  doc: MeetingDocument,
  indexes: MeetingIndexes,
  intent: QuestionIntent,
  query: ExpandedQuery,
  scores: Float64Array,
  options: AnswerOptions,
): { sources: RankedSource[]; anchors: RankedSource[] } {
  let [widened, rescored] = [query, scores];
  const first = rankTurns(doc, indexes.turns, query, scores, options.anchors, intent.people);
  const { feedback } = options;
  if (feedback.turns > 0 && feedback.terms > 0 && first.length > 0) {
    const relevant: string[][] = [];
    for (const { turn } of first.slice(0, feedback.turns)) {
      for (let position = Math.max(0, turn - feedback.around); position <= Math.min(doc.turns.length - 1, turn + feedback.around); position++) {
        relevant.push(doc.turns[position]!.sentences.flatMap((id) => doc.sentences[id]!.terms));
      }
    }
    widened = withFeedback(query, relevant, indexes.sentences, feedback);
    rescored = rankSentences(doc, indexes, widened, intent);
    weighByRegion(doc, rescored, options);
  }
  const cite = (turns: RankedTurn[]) => turns.map(({ turn, score }) => ({ ...citeTurns(doc, [turn])[0]!, score }));
  return {
    sources: cite(rankTurns(doc, indexes.turns, widened, rescored, options.sources, intent.people)),
    anchors: cite(rankTurns(doc, indexes.turns, widened, rescored, options.anchors, intent.people)),
  };
}

/**
 * Neighbouring-turn context: a sentence in a stretch of the meeting that
 * keeps talking about the question outranks an equally matching sentence
 * said in passing elsewhere. Each turn's region score is the triangular-
 * weighted sum of its neighbours' best sentence scores.
 */
function weighByRegion(doc: MeetingDocument, scores: Float64Array, options: AnswerOptions): void {
  if (options.regionWeight <= 0 || options.regionTurns <= 0) return;
  const turnBest = new Float64Array(doc.turns.length);
  for (const sentence of doc.sentences) turnBest[sentence.turn] = Math.max(turnBest[sentence.turn]!, scores[sentence.id]!);
  const region = new Float64Array(doc.turns.length);
  const radius = options.regionTurns;
  let top = 0;
  for (let turn = 0; turn < doc.turns.length; turn++) {
    let sum = 0;
    for (let other = Math.max(0, turn - radius); other <= Math.min(doc.turns.length - 1, turn + radius); other++) {
      sum += turnBest[other]! * (1 - Math.abs(other - turn) / (radius + 1));
    }
    region[turn] = sum;
    top = Math.max(top, sum);
  }
  if (top <= 0) return;
  for (const sentence of doc.sentences) {
    const length = options.fullWords > 0 ? Math.sqrt(Math.min(1, sentence.words / options.fullWords)) : 1;
    scores[sentence.id] = length * scores[sentence.id]! * (1 - options.regionWeight + options.regionWeight * (region[sentence.turn]! / top));
  }
}

/** The coverage minimums for a question, lowered when it names someone who spoke in the meeting. */
function coverageFor(doc: MeetingDocument, intent: QuestionIntent, options: AnswerOptions): AnswerOptions {
  const spoke = intent.people.some((person) => doc.turns.some((turn) => turn.speaker === person));
  if (!spoke) return options;
  const share = options.speakerCoverageShare;
  return {
    ...options,
    minMeetingCoverage: options.minMeetingCoverage * share,
    minPassageCoverage: options.minPassageCoverage * share,
    minTopicalCoverage: options.minTopicalCoverage * share,
  };
}

/**
 * Whether the meeting covers the question: most of the question's term
 * weight occurs in the meeting at all, and enough of it around the best
 * sentence; or most of it is on words the meeting keeps coming back to.
 * Words absent from the meeting weigh the most (IDF), so a question about
 * something never mentioned is not "covered" by a sentence that shares only
 * its commonest word, nor by words said once in passing.
 */
function isCovered(doc: MeetingDocument, indexes: MeetingIndexes, query: ExpandedQuery, best: number, options: AnswerOptions): boolean {
  const turn = doc.sentences[best]!.turn;
  const nearby = new Set<string>();
  const from = Math.max(0, turn - options.passageTurns);
  const to = Math.min(doc.turns.length - 1, turn + options.passageTurns);
  for (let position = from; position <= to; position++) {
    for (const term of indexes.turns.termsOf(position)) nearby.add(term);
  }
  let total = 0;
  let inMeeting = 0;
  let inPassage = 0;
  let topical = 0;
  for (const [term, same] of query.equivalents) {
    const weight = indexes.sentences.idf(term);
    total += weight;
    let mentions = 0;
    for (const equivalent of same) mentions += indexes.sentences.documentFrequency(equivalent);
    if (mentions > 0) inMeeting += weight;
    topical += weight * Math.min(1, mentions / options.topicalMentions);
    if ([...same].some((equivalent) => nearby.has(equivalent))) inPassage += weight;
  }
  if (total <= 0) return false;
  return (inMeeting / total >= options.minMeetingCoverage && inPassage / total >= options.minPassageCoverage) ||
    topical / total >= options.minTopicalCoverage;
}

/** The best sentence, its context when it is a bare reply, and strong non-repeating support, within budget. */
function supportingSentences(
  doc: MeetingDocument,
  scores: Float64Array,
  budget: number,
  supports: (id: number) => boolean,
  options: AnswerOptions,
): number[] {
  const ranked = [...scores.keys()].filter((id) => scores[id]! > 0).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const top = scores[ranked[0]!]!;
  const first = ranked.find((id) => scores[id]! >= top * (1 - options.supportShare / 2) && doc.sentences[id]!.words <= budget) ??
    ranked[0]!;
  const chosen = [first];
  let left = budget - doc.sentences[first]!.words;
  const reply = doc.sentences[first]!;
  const before = doc.sentences[first - 1];
  if (reply.words <= options.replyWords && before && before.turn !== reply.turn && before.words <= left) {
    chosen.push(before.id);
    left -= before.words;
  }
  for (const id of ranked) {
    if (chosen.length >= options.maxSentences || scores[id]! < top * options.supportShare) break;
    const sentence = doc.sentences[id]!;
    if (chosen.includes(id) || sentence.words > left || !supports(id)) continue;
    if (chosen.some((other) => overlap(doc.sentences[other]!.terms, sentence.terms) > options.redundancy)) continue;
    chosen.push(id);
    left -= sentence.words;
  }
  return chosen;
}

/** "What did Priya say?": the person's most informative sentences. */
function personHighlights(
  doc: MeetingDocument,
  indexes: MeetingIndexes,
  people: readonly string[],
  budget: number,
  options: AnswerOptions,
): { chosen: number[]; ranked: { id: number; weight: number }[] } {
  const informative = doc.sentences
    .filter((sentence) => people.includes(doc.turns[sentence.turn]!.speaker) && !sentence.isQuestion &&
      new Set(sentence.terms).size >= options.minHighlightTerms)
    .map((sentence) => ({
      id: sentence.id,
      words: sentence.words,
      weight: [...new Set(sentence.terms)].reduce((sum, term) => sum + indexes.sentences.idf(term), 0) / Math.sqrt(sentence.words || 1),
    }))
    .sort((a, b) => b.weight - a.weight || a.id - b.id);
  const chosen: number[] = [];
  let left = budget;
  for (const candidate of informative) {
    if (candidate.words > left) continue;
    chosen.push(candidate.id);
    left -= candidate.words;
  }
  return { chosen: chosen.length > 0 ? chosen : informative.slice(0, 1).map((candidate) => candidate.id), ranked: informative };
}

/** "Catch me up": the meeting's key points so far, quoted in order. */
function catchUp(doc: MeetingDocument, budget: number, style: TextStyle): Answer {
  const space = new TfIdfSpace(doc.sentences.map((sentence) => sentence.terms));
  const salience = scoreSalience(doc, space, segmentTopics(doc, space));
  const ids = selectKeyPoints(doc, salience, budget, new Set());
  return ids.length > 0 ? quoteSentences(doc, ids, style) : notCovered('anything of substance yet');
}

function overlap(a: readonly string[], b: readonly string[]): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const term of left) if (right.has(term)) shared++;
  const union = left.size + right.size - shared;
  return union > 0 ? shared / union : 0;
}
