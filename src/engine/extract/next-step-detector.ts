/**
 * Next steps: forward-looking statements that are not one person's task —
 * "the next step is…", "we'll reconvene on Monday", "follow up with legal",
 * "going forward we…", and team commitments ("we need to…") when a date or the
 * closing part of the meeting marks them as the plan.
 */
import { findDueDate } from '../dates/due-date-finder.ts';
import { closingTurn, type MeetingDocument, type MeetingSentence } from '../meeting/meeting-document.ts';
import { isTaskPhrase, verbPhrase } from './action-cues.ts';
import { foldCase } from '../text/tokenizer.ts';
import { clauseLead, isHypothetical, isNegated, isQuestionLike } from './statement-filters.ts';

export interface DetectedNextStep {
  text: string;
  sentence: number;
}

const EXPLICIT_CUES: readonly RegExp[] = [
  /\bnext steps?\b/,
  /^next,? (?:we|i|let's)\b/,
  /\b(?:going|moving) forward\b/,
  /\bfollow(?:-| )?up\b/,
  /\b(?:reconvene|regroup|circle back|touch base)\b/,
  /\bthe plan is to\b/,
  /\bbefore (?:the|our) next\b/,
  /\b(?:for|at|in|by) (?:the )?next (?:meeting|session|call|sync|time)\b/,
  /\b(?:take (?:this|that|it) offline|after (?:the|this) meeting)\b/,
];

// "We need to…": a plan only when dated or said while wrapping up.
const TEAM_CUE = /\b(?:we'll|we will|we're going to|we are going to|we're gonna|we need to|we have to|we've got to|we must|someone needs to|somebody needs to|someone should|somebody should|someone has to)\s+/;

const MIN_CONTENT_TERMS = 2;

/**
 * Finds next steps among sentences not already used as action items or decisions.
 *
 * @example
 * detectNextSteps(doc, new Set()).map((step) => step.text)
 * // ["We'll reconvene on Monday with the numbers."]
 */
export function detectNextSteps(doc: MeetingDocument, used: ReadonlySet<number>): DetectedNextStep[] {
  const closingFrom = closingTurn(doc);
  const steps: DetectedNextStep[] = [];
  for (const sentence of doc.sentences) {
    if (used.has(sentence.id) || new Set(sentence.terms).size < MIN_CONTENT_TERMS || isQuestionLike(sentence.lower)) continue;
    if (isNextStep(sentence, sentence.turn >= closingFrom)) steps.push({ text: sentence.text, sentence: sentence.id });
  }
  return steps;
}

function isNextStep(sentence: MeetingSentence, closing: boolean): boolean {
  const lower = sentence.lower;
  for (const cue of EXPLICIT_CUES) {
    const match = cue.exec(lower);
    if (match) return isAffirmed(lower, match.index);
  }
  const team = TEAM_CUE.exec(lower);
  if (!team || !isAffirmed(lower, team.index)) return false;
  const plan = sentence.text.slice(team.index + team[0].length);
  if (!isTaskPhrase('', verbPhrase(foldCase(plan)))) return false;
  // The date must belong to the plan, not to an earlier clause.
  return closing || findDueDate(plan, null) !== null;
}

function isAffirmed(lower: string, at: number): boolean {
  return !isHypothetical(lower.slice(0, at)) && !isNegated(clauseLead(lower, at));
}
