/**
 * Action items: commitments ("I'll send the deck by Friday"), accepted
 * requests ("Can you update the wiki?" — "Sure"), offers taken up, named
 * assignments ("Priya will draft the brief", "Tom to book the room") and
 * explicit markers ("Action item: …"). Each comes with its owner and due date.
 *
 * Rejected: questions nobody accepted, refusals, hypotheticals, things already
 * done, and speech acts that happen inside the meeting ("I'll share my screen").
 */
import type { DueDate } from '../dates/due-date-finder.ts';
import { findDueDate } from '../dates/due-date-finder.ts';
import type { ZonedInstant } from '../dates/zoned-instant.ts';
import { closingTurn, type MeetingDocument, type MeetingSentence, type MeetingTurn } from '../meeting/meeting-document.ts';
import { analyzeTerms } from '../text/term-analyzer.ts';
import {
  ACTION_MARKER,
  FIRM_REQUEST,
  FIRST_PERSON_CUE,
  NAMED_ASSIGNMENT,
  WEAK_FIRST_PERSON_CUE,
  NAMED_INFINITIVE,
  OFFER_CUE,
  REQUEST_CUE,
  TAKING_IT_ON,
  isTaskPhrase,
  isTaskRequest,
  verbPhrase,
} from './action-cues.ts';
import { classifyReply } from './reply-classifier.ts';
import { clauseLead, isHypothetical, isNegated, isQuestionLike, isReported } from './statement-filters.ts';

export interface DetectedAction {
  /** The words said, as cleaned. */
  text: string;
  /** Id of the sentence quoted. */
  sentence: number;
  /** Turn positions it came from: the statement and, for requests, the reply. */
  turns: number[];
  /** Canonical name, or null when nobody took it on. */
  owner: string | null;
  due: DueDate | null;
}

/** How many turns ahead a reply to a request is looked for. */
const REPLY_WINDOW = 3;

/**
 * Finds the action items of a meeting, in order of appearance.
 *
 * @example
 * detectActionItems(doc, zonedInstant(meetingStart, 'UTC'))
 * // [{ text: "I'll send the deck by Friday.", owner: 'Priya Nair', due: { due: '2024-05-17', dueText: 'by Friday' }, … }]
 */
export function detectActionItems(doc: MeetingDocument, reference: ZonedInstant | null): DetectedAction[] {
  const consumed = new Set<number>();
  const actions: DetectedAction[] = [];
  for (const sentence of doc.sentences) {
    if (consumed.has(sentence.id)) continue;
    const action = markedAction(doc, sentence, reference) ??
      requestedAction(doc, sentence, reference, consumed) ??
      namedAction(doc, sentence, reference) ??
      committedAction(doc, sentence, reference);
    if (action) actions.push(action);
  }
  return actions;
}

/** "Action item: Priya to send the deck" — owner from a name or "I" inside, else nobody. */
function markedAction(doc: MeetingDocument, sentence: MeetingSentence, reference: ZonedInstant | null): DetectedAction | null {
  const lower = sentence.lower;
  const marker = ACTION_MARKER.exec(lower);
  if (!marker || isQuestionLike(lower)) return null;
  const speaker = doc.turns[sentence.turn]!.speaker;
  const named = doc.people.findMentions(sentence.text.slice(marker[0].length))[0]?.name ?? null;
  const owner = named ?? (/^(?:i|i'll|i will|me)\b/.test(lower.slice(marker[0].length)) ? speaker : null);
  return { text: sentence.text, sentence: sentence.id, turns: [sentence.turn], owner, due: findDueDate(sentence.text, reference) };
}

/** "Priya will draft the brief", "Tom to book the room". */
function namedAction(doc: MeetingDocument, sentence: MeetingSentence, reference: ZonedInstant | null): DetectedAction | null {
  const lower = sentence.lower;
  if (isQuestionLike(lower)) return null;
  for (const mention of doc.people.findMentions(sentence.text)) {
    const after = lower.slice(mention.end);
    const lead = clauseLead(lower, mention.start);
    const atClauseStart = /^(?:(?:and|also|then|so|next)\s+)?$/.test(lead.trim());
    const assignment = NAMED_ASSIGNMENT.exec(after) ?? (atClauseStart ? NAMED_INFINITIVE.exec(after) : null);
    if (!assignment || isHypothetical(lower.slice(0, mention.start)) || isNegated(lead)) continue;
    const phrase = verbPhrase(after.slice(assignment[0].length));
    if (!isTaskPhrase('', phrase) || analyzeTerms(phrase).length === 0) continue;
    return { text: sentence.text, sentence: sentence.id, turns: [sentence.turn], owner: mention.name, due: findDueDate(sentence.text, reference) };
  }
  return null;
}

/** "I'll send the deck by Friday" — owned by the speaker. */
function committedAction(doc: MeetingDocument, sentence: MeetingSentence, reference: ZonedInstant | null): DetectedAction | null {
  const lower = sentence.lower;
  if (isQuestionLike(lower)) return null;
  const cue = FIRST_PERSON_CUE.exec(lower);
  if (!cue) return null;
  const lead = lower.slice(0, cue.index);
  if (isHypothetical(lead) || isNegated(clauseLead(lower, cue.index)) || isReported(lead)) return null;
  const phrase = verbPhrase(lower.slice(cue.index + cue[0].length));
  if (!isTaskPhrase(cue[0], phrase)) return null;
  const owner = doc.turns[sentence.turn]!.speaker;
  if (!TAKING_IT_ON.test(phrase)) {
    if (analyzeTerms(phrase).length === 0) return null;
    const due = findDueDate(sentence.text, reference) ?? dueInFollowUp(doc, sentence, reference);
    if (WEAK_FIRST_PERSON_CUE.test(cue[0]) && !due && sentence.turn < closingTurn(doc)) return null;
    return { text: sentence.text, sentence: sentence.id, turns: [sentence.turn], owner, due };
  }
  // "Let me take that. I'll draft the notes…": the next sentence says what.
  if (restatesCommitment(doc, sentence)) return null;
  // "I'll do it": takes on what someone else just proposed.
  const proposal = previousProposal(doc, sentence);
  if (!proposal) return null;
  return {
    text: proposal.text,
    sentence: proposal.id,
    turns: [proposal.turn, sentence.turn],
    owner,
    due: findDueDate(sentence.text, reference) ?? findDueDate(proposal.text, reference),
  };
}

// "I'll own the announcement. I'll have a draft by end of month.": the speaker goes on to say when.
const FOLLOW_UP = /^\W*(?:(?:and|so|then)\W+)?(?:i'll|i will|i can|i should|i'd|i'm going to|i'm gonna|that'll|it'll|you'll)\b/;
const FOLLOW_UP_SENTENCES = 2;

/** A due date the speaker states in the next sentences of the same turn, when they continue the commitment. */
function dueInFollowUp(doc: MeetingDocument, sentence: MeetingSentence, reference: ZonedInstant | null) {
  for (let id = sentence.id + 1; id <= sentence.id + FOLLOW_UP_SENTENCES; id++) {
    const next = doc.sentences[id];
    if (!next || next.turn !== sentence.turn) return null;
    if (!FOLLOW_UP.test(next.lower) || isQuestionLike(next.lower)) continue;
    const due = findDueDate(next.text, reference);
    if (due) return due;
  }
  return null;
}

/** "Can you update the wiki?" answered "Sure" — owned by whoever was asked and accepted. */
function requestedAction(
  doc: MeetingDocument,
  sentence: MeetingSentence,
  reference: ZonedInstant | null,
  consumed: Set<number>,
): DetectedAction | null {
  const lower = sentence.lower;
  const offer = OFFER_CUE.exec(lower);
  const request = offer ? null : REQUEST_CUE.exec(lower);
  const cue = offer ?? request;
  if (!cue || !isRequestLead(lower.slice(0, cue.index))) return null;
  const phrase = verbPhrase(lower.slice(cue.index + cue[0].length));
  if (!(offer ? isTaskPhrase('', phrase) : isTaskRequest(phrase)) || analyzeTerms(phrase).length === 0) return null;

  const turn = doc.turns[sentence.turn]!;
  const addressee = offer ? null : addresseeOf(doc, turn, sentence);
  const reply = findReply(doc, turn, addressee);
  const answer = reply ? classifyReply(reply.turn.segment.text) : 'none';
  if (answer === 'refuse') return null;
  const firm = !offer && FIRM_REQUEST.test(lower) && !isQuestionLike(sentence.lower);
  if (answer === 'none' && !firm) return null;

  const turns = [sentence.turn];
  let due = findDueDate(sentence.text, reference);
  if (answer === 'accept' && reply) {
    turns.push(reply.turn.position);
    const replySentence = reply.turn.sentences[0];
    if (replySentence !== undefined) {
      consumed.add(replySentence);
      // The one doing the work has the last word on when.
      due = findDueDate(doc.sentences[replySentence]!.text, reference) ?? due;
    }
  }
  const owner = offer ? turn.speaker : addressee ?? (answer === 'accept' ? reply!.turn.speaker : null);
  return { text: sentence.text, sentence: sentence.id, turns, owner, due };
}

/**
 * A request opens its clause, after at most a name or a softener ("Priya, can
 * you…", "So could you…"); "what kinds of projects can you do" is a question
 * about possibilities, and "if you could…" a hypothetical.
 */
function isRequestLead(lead: string): boolean {
  const clause = clauseLead(lead, lead.length).trim();
  return !isHypothetical(lead) && !/\b(?:what|which|how|why|where|when|who|whatever)\b/.test(lead) &&
    clause.split(/\s+/).filter((word) => word.length > 0).length <= 3;
}

/** The person a request is addressed to, by name in the sentence or earlier in the turn. */
function addresseeOf(doc: MeetingDocument, turn: MeetingTurn, sentence: MeetingSentence): string | null {
  const candidates = [sentence, ...turn.sentences.filter((id) => id < sentence.id).reverse().map((id) => doc.sentences[id]!)];
  for (const candidate of candidates) {
    const named = doc.people.findMentions(candidate.text).find((mention) => mention.name !== turn.speaker);
    if (named) return named.name;
  }
  return null;
}

/** The next turn by someone else — by the addressee, when one was named and answers soon. */
function findReply(doc: MeetingDocument, turn: MeetingTurn, addressee: string | null): { turn: MeetingTurn } | null {
  const following = doc.turns.slice(turn.position + 1, turn.position + 1 + REPLY_WINDOW)
    .filter((other) => other.speaker !== turn.speaker);
  const chosen = (addressee ? following.find((other) => other.speaker === addressee) : undefined) ?? following[0];
  return chosen ? { turn: chosen } : null;
}

/** Whether a later sentence of the same turn commits to something in so many words. */
function restatesCommitment(doc: MeetingDocument, sentence: MeetingSentence): boolean {
  return doc.turns[sentence.turn]!.sentences.some((id) => {
    if (id <= sentence.id) return false;
    const cue = FIRST_PERSON_CUE.exec(doc.sentences[id]!.lower);
    return cue !== null && !TAKING_IT_ON.test(verbPhrase(doc.sentences[id]!.lower.slice(cue.index + cue[0].length)));
  });
}

/**
 * What another speaker proposed just before: the last contentful sentence of
 * the previous turn. Open questions ("who owns this?") propose nothing.
 */
function previousProposal(doc: MeetingDocument, sentence: MeetingSentence): MeetingSentence | null {
  const turn = doc.turns[sentence.turn]!;
  const previous = doc.turns.slice(Math.max(0, turn.position - REPLY_WINDOW), turn.position).reverse()
    .find((other) => other.speaker !== turn.speaker && other.sentences.length > 0);
  if (!previous) return null;
  const ids = [...previous.sentences].reverse();
  const id = ids.find((candidate) => new Set(doc.sentences[candidate]!.terms).size >= 2);
  if (id === undefined) return null;
  const proposal = doc.sentences[id]!;
  return /^(?:so |and |but )?(?:who|what|which|when|where|why|how)\b/.test(proposal.lower) ? null : proposal;
}
