/**
 * Shared tests that tell a firm statement from talk around it: questions,
 * hypotheticals, negations. Extractors run them on the words before their
 * cue, where "if we decide…" or "we haven't agreed…" shows itself.
 */

const QUESTION_OPENING = /^(?:and |but |so )?(?:should|shall|do|does|did|are|is|was|were|have|has|can|could|would|will)(?:n't)? (?:we|i|you|they|it|he|she|everyone|everybody|anyone|somebody|someone)\b/;

/**
 * Whether a sentence asks rather than states: a question mark, or an
 * inverted opening ("should we go with…") that lost its mark in
 * transcription. Takes the trimmed sentence after `foldCase`.
 *
 * @example
 * isQuestionLike('should we go with the blue one') // true
 */
export function isQuestionLike(lower: string): boolean {
  return /\?["'”’)]*$/.test(lower) || QUESTION_OPENING.test(lower);
}

const HYPOTHETICAL = /\b(?:if|unless|whether|maybe|perhaps|suppose|supposing|assuming|in case|wonder|wondering|not sure|might|could|would|should we|hypothetically|imagine|what about|how about)\b/;

/** Whether the words leading up to a cue make it conditional or tentative. */
export function isHypothetical(lead: string): boolean {
  return HYPOTHETICAL.test(lead);
}

const NEGATION = /\b(?:not|no|never|nobody|haven't|hasn't|hadn't|didn't|don't|doesn't|can't|cannot|won't|wasn't|weren't|isn't|aren't|yet to)\b|n't\b/;

/** Whether the words leading up to a cue deny it ("we haven't decided…"). */
export function isNegated(lead: string): boolean {
  return NEGATION.test(lead);
}

/** The words of the clause that contains position `at`: from the last clause break before it. */
export function clauseLead(lower: string, at: number): string {
  const before = lower.slice(0, at);
  const breakAt = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(' but '), before.lastIndexOf(':'));
  return before.slice(breakAt + 1);
}

// "remembering what we decided", "what I'm going to do is…": a statement talked about, not made.
const REPORTING_LEAD = /\b(?:what|whatever|which|when|where|why|how|before|after|until|since|because|remember|remembering|forgot|about|whether)\s+$/;

/** Whether the words just before a cue embed it in a clause about something else. */
export function isReported(lead: string): boolean {
  return REPORTING_LEAD.test(lead);
}
