/**
 * Inline continuations (chat and document sentence completion): the model's
 * lines turned into text to append at the cursor, without the words it
 * repeated from what was already typed.
 */
import { z } from 'zod';
import type { FeatureResult } from '../feature.ts';
import type { FeatureModels } from '../route-step.ts';
import { textCall } from './text-call.ts';

/** Text before the cursor: kept as typed, since a trailing space or newline decides how a continuation joins. */
export const typedText = (max: number) =>
  z.string().max(max, `at most ${max} characters`).refine((s) => s.trim() !== '', { message: 'type some text first' });

/** The longest continuation any caller accepts. */
export const MAX_CHARS = 600;

export const suggestionCount = z.number().int().min(1).max(3).default(1);

export const completionOutput = z.object({ completions: z.array(z.string().min(1).max(MAX_CHARS)).min(1).max(3) });
export type CompletionOutput = z.infer<typeof completionOutput>;

export interface CompletionCall {
  /** What to continue and how; the number of continuations and their format are added. */
  system: string;
  content: string;
  /** The text before the cursor, as typed. */
  typed: string;
  suggestions: number;
  /** Continuations longer than this are dropped, and an answer with none is sent back once. */
  maxChars: number;
  tokensPerSuggestion: number;
}

/**
 * Continuations of `typed` from a text provider down the routed chain.
 *
 * @example
 * return complete(run.models, { system: 'You complete …', content: `Message being typed:\n${text}`, typed: text, suggestions: 1, maxChars: 200, tokensPerSuggestion: 40 });
 */
export async function complete(models: FeatureModels, call: CompletionCall): Promise<FeatureResult<CompletionOutput>> {
  const answer = await textCall(models, {
    system: `${call.system} ${suggestionsLine(call.suggestions)}`,
    messages: [{ role: 'user', content: call.content }],
    maxOutputTokens: call.tokensPerSuggestion * call.suggestions,
    check: (text) => continuationProblem(call.typed, text, call.maxChars),
  });
  const completions = continuations(call.typed, answer.text, call.suggestions, call.maxChars);
  return { output: { completions }, provider: answer.provider.name, model: answer.model, usage: answer.usage };
}

/** How many continuations to answer with, and how: the line appended to each system prompt. */
function suggestionsLine(count: number): string {
  return count === 1
    ? 'Reply with the continuation only, on one line, no quotes.'
    : `Reply with ${count} different continuations, one per line, no numbering or quotes.`;
}

const LIST_MARK = /^\s*(?:[-*•]|\d+[.)])\s+/;
const QUOTED = /^(["“'])(.*)(["”'])$/;

/**
 * The continuations in a model's answer, each ready to append to `typed`:
 * list marks and quotes removed, a repeat of the end of `typed` cut off,
 * a space added where a new word starts. Empty, duplicate and overlong
 * (more than `maxChars`) lines are dropped.
 *
 * @example
 * continuations("Let's meet on", 'meet on Friday at 10', 1, 200); // [' Friday at 10']
 */
export function continuations(typed: string, answer: string, count: number, maxChars: number): string[] {
  const found: string[] = [];
  for (const raw of answer.split('\n')) {
    const line = raw.replace(LIST_MARK, '').trim().replace(QUOTED, '$2').trim();
    const rest = withoutEcho(typed, line);
    if (rest === null || rest.trim() === '' || rest.length > maxChars) continue;
    if (!found.includes(rest)) found.push(rest);
  }
  return found.slice(0, count);
}

/** The problem with an answer that holds no usable continuation, for `textCall`'s check. */
export function continuationProblem(typed: string, answer: string, maxChars: number): string | null {
  if (continuations(typed, answer, 1, maxChars).length > 0) return null;
  return continuations(typed, answer, 1, Infinity).length > 0
    ? `the continuation is longer than ${maxChars} characters; continue with a few words`
    : 'it only repeats the text typed so far; answer with the words that come next';
}

const CLOSING = /^[,.;:!?)\]}…'’"”%]/;

/**
 * `line` as appended to `typed`. A start of `line` that repeats an end of
 * `typed` beginning at a word (the whole text, its last words, or the
 * unfinished word at the cursor: "Let's me" + "meet on Friday" gives
 * "et on Friday") is cut off; otherwise a space separates a new word.
 * `null` when the line is nothing but the repeat.
 */
function withoutEcho(typed: string, line: string): string | null {
  const end = typed.trimEnd();
  const inWord = end === typed;
  const head = line.toLowerCase();
  for (let start = 0; start < end.length; start++) {
    if (start > 0 && !/\s/.test(end[start - 1])) continue;
    const tail = end.slice(start);
    if (!head.startsWith(tail.toLowerCase())) continue;
    const rest = line.slice(tail.length);
    // After a finished word ("me "), "meet" is a new word, not a repeat of "me".
    if (!inWord && /^[\p{L}\p{N}]/u.test(rest)) continue;
    if (rest.trim() === '') return null;
    return inWord ? rest : rest.trimStart();
  }
  if (!inWord || CLOSING.test(line)) return line;
  return ` ${line}`;
}
