/**
 * Decisions, found by the words meetings use to close a question: "we
 * agreed", "we decided", "let's go with", "we're going with", "the decision
 * is", "final answer", "we'll stick with", and bare confirmations ("Okay,
 * decided.") that seal what was just proposed. Questions, hypotheticals and
 * denials ("we haven't decided") are not decisions.
 */
import type { MeetingDocument, MeetingSentence } from '../meeting/meeting-document.ts';
import { analyzeTerms } from '../text/term-analyzer.ts';
import { clauseLead, isHypothetical, isNegated, isQuestionLike, isReported } from './statement-filters.ts';

export interface DetectedDecision {
  text: string;
  /** Sentence ids quoted, in order. */
  sentences: number[];
}

const DECISION_CUES: readonly RegExp[] = [
  /^(?:the )?(?:final )?(?:decision|decided|agreed)\s*[:\-–—]/,
  /\b(?:we|everyone|everybody)(?:'ve| have)? (?:(?:all|just|finally|now|already|basically|generally|more or less|kind of|sort of|pretty much)\s+)*(?:agreed|decided)\b/,
  /\b(?:it's|it is|it has been|that's|that is|this is) (?:been )?(?:agreed|decided|settled|final|approved)\b/,
  /\b(?:we're|we are|i'm|i am) (?:going|gonna) (?:to )?(?:go|stick|stay) with\b/,
  /\b(?:we're|we are) going with\b/,
  /\b(?:we'll|we will|we shall|we should|let's|let us) (?:still |just )?(?:go|stick|stay|settle) (?:with|for|on)\b/,
  /\b(?:we'll|we will|let's) (?:go|move) ahead with\b/,
  /\b(?:the |our |my )?(?:final )?decision (?:is|was|has been|will be)\b/,
  /\b(?:we've|we have|i've|i have) (?:made|reached|taken) (?:a|the|our) (?:final )?decision\b/,
  /\bfinal (?:answer|decision|call)\b/,
  /\b(?:we're|we are) (?:all )?(?:agreed|in agreement|aligned)\b/,
  /\b(?:we have|we've got|there's) (?:a )?consensus\b/,
  /\b(?:is|was|has been|have been|got|been) (?:approved|signed off|greenlit|green-lit)\b/,
  // "Okay, decided, no paid campaign…", "Then, decided: we start with…"
  /^(?:(?:ok(?:ay)?|so|then|right|good|fine|great)\W+)*decided\s*[:,;\-–—]\s*\w/,
  // "And the decision itself: strict appointment windows…"
  /\bdecision(?: itself)?\s*[:\-–—]\s*\w/,
];


// Longer sentences ramble; a decision worth listing is said plainly.
const MAX_DECISION_WORDS = 45;

// A short turn that seals the proposal before it.
const CONFIRMATION = /^(?:(?:it's |that's |we're |we've |we have )?(?:decided|settled|a deal)|deal|done deal|let's do (?:it|that|this)|let's go with (?:it|that|this)|we'll go with (?:it|that|this)|(?:ok(?:ay)? )?agreed)\W*$/;
// Bare "agreed" seals only an actual proposal, not any opinion.
const PROPOSAL = /\b(?:let's|we should|we could|we'll|how about|why don't we|i propose|i suggest|i'd suggest|go with|what if we)\b/;

// Words of the cue itself, which say nothing about what was decided.
const CUE_TERMS = new Set(analyzeTerms(
  'agreed decided decision settled final approved consensus answer call ahead aligned agreement concluded stick stay signed greenlit deal',
));
// "Then let's go with Relaymark": one word of substance is enough once the cue is clear.
const MIN_STATED_TERMS = 1;
// A proposal sealed by "decided" must say something on its own.
const MIN_PROPOSAL_TERMS = 2;

/**
 * Finds the decisions of a meeting, in order, without repeats.
 *
 * @example
 * detectDecisions(doc).map((decision) => decision.text)
 * // ["We've agreed to launch on the 3rd of June.", 'Let\'s go with the aluminium case.']
 */
export function detectDecisions(doc: MeetingDocument): DetectedDecision[] {
  const decisions: DetectedDecision[] = [];
  const quoted = new Set<number>();
  for (const sentence of doc.sentences) {
    const decision = statedDecision(sentence) ?? confirmedDecision(doc, sentence);
    if (!decision || decision.sentences.some((id) => quoted.has(id))) continue;
    decision.sentences.forEach((id) => quoted.add(id));
    decisions.push(decision);
  }
  return decisions;
}

function statedDecision(sentence: MeetingSentence): DetectedDecision | null {
  if (isQuestionLike(sentence.lower) || sentence.words > MAX_DECISION_WORDS) return null;
  const lower = sentence.lower;
  for (const cue of DECISION_CUES) {
    const match = cue.exec(lower);
    if (!match) continue;
    const lead = lower.slice(0, match.index);
    if (isHypothetical(lead) || isNegated(clauseLead(lower, match.index)) || isReported(lead)) return null;
    return contentTerms(sentence) >= MIN_STATED_TERMS ? { text: sentence.text, sentences: [sentence.id] } : null;
  }
  return null;
}

/** "Okay, decided." after a proposal: the decision is the proposal, sealed by the confirmation. */
function confirmedDecision(doc: MeetingDocument, sentence: MeetingSentence): DetectedDecision | null {
  const lower = sentence.lower;
  if (!CONFIRMATION.test(lower) || isQuestionLike(sentence.lower)) return null;
  const proposal = proposalBefore(doc, sentence);
  if (!proposal) return null;
  if (/\bagreed\W*$/.test(lower) && !PROPOSAL.test(proposal.lower)) return null;
  return { text: `${proposal.text} ${sentence.text}`, sentences: [proposal.id, sentence.id] };
}

/** The nearest earlier sentence, in this turn or the two before, that says something. */
function proposalBefore(doc: MeetingDocument, sentence: MeetingSentence): MeetingSentence | null {
  const firstTurn = Math.max(0, sentence.turn - 2);
  for (let id = sentence.id - 1; id >= 0 && doc.sentences[id]!.turn >= firstTurn; id--) {
    const candidate = doc.sentences[id]!;
    if (contentTerms(candidate) >= MIN_PROPOSAL_TERMS) return candidate;
  }
  return null;
}

function contentTerms(sentence: MeetingSentence): number {
  return new Set(sentence.terms.filter((term) => !CUE_TERMS.has(term))).size;
}
