/**
 * How a turn answers a request: "sure, on it" accepts, "sorry, I can't"
 * refuses. Read from the turn as transcribed, because the openers that carry
 * the answer ("yeah", "okay") are exactly what disfluency cleaning drops.
 */
import { foldCase } from '../text/tokenizer.ts';

export type Reply = 'accept' | 'refuse' | 'none';

const REFUSAL = /^\W*(?:no\b|nope\b|nah\b|sorry\b|unfortunately\b|not (?:sure|really|me|today|this week)\b|i (?:can't|cannot|won't|don't think|doubt)\b|i'm not (?:able|sure|going)\b|i am not\b|i'd rather not\b|can't\b)/;
// "Yeah, but I can't": a refusal hiding behind a polite opener.
const REFUSAL_INSIDE = /\b(?:can't|cannot|won't be able|not able to|don't have (?:time|the bandwidth)|no bandwidth)\b/;
const ACCEPTANCE = /^\W*(?:yeah|yes|yep|yup|sure|absolutely|definitely|certainly|of course|ok|okay|alright|all right|fine|no problem|no worries|will do|on it|can do|consider it done|sounds good|got it|you got it|happy to|for sure|i can|i will|i'll|i'm on it|that works|yes please|please do|go ahead|great|perfect)\b/;
const OPENING_WORDS = 12;

/**
 * Classifies a reply by its opening words.
 *
 * @example
 * classifyReply('Sure, I can have it by Thursday.') // 'accept'
 * classifyReply("Yeah, but I can't this week.")     // 'refuse'
 * classifyReply('What format do you need?')         // 'none'
 */
export function classifyReply(text: string): Reply {
  const opening = foldCase(text).split(/\s+/).slice(0, OPENING_WORDS).join(' ');
  if (REFUSAL.test(opening) || REFUSAL_INSIDE.test(opening)) return 'refuse';
  return ACCEPTANCE.test(opening) ? 'accept' : 'none';
}
