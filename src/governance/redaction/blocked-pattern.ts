import { AppError } from '../../core/errors.ts';
import { translateJavaRegex } from './java-regex.ts';
import { RegexSandbox, type MatchRange } from './regex-sandbox.ts';

/**
 * Custom blocked patterns (SPEC §8.4): administrators write them in Java
 * regex syntax; they are translated, compiled and probed when saved, and run
 * under a time budget on every output.
 */

export interface BlockedPattern {
  /** Reported as `PiiSpan.pattern`: the Java source for custom patterns, a name such as `CREDIT_CARD` for built-ins. */
  readonly name: string;
  /** The Java regex as saved. */
  readonly source: string;
  /** The translated JavaScript regex (flags `gv`). */
  readonly regex: RegExp;
  /** Milliseconds one search of one text may take before the text is withheld. */
  readonly timeBudgetMs: number;
  /** Narrows a match to the parts that are really blocked (e.g. Luhn-valid card numbers); absent for custom patterns. */
  readonly refine?: (match: string) => MatchRange[];
  /** Built-in patterns are linear by construction and run without the sandbox. */
  readonly builtIn: boolean;
}

export const DEFAULT_TIME_BUDGET_MS = 50;
const MAX_SOURCE_LENGTH = 2000;
const PROBE_LENGTH = 5000;

/**
 * Inputs that make backtracking blow up when a pattern has nested or
 * overlapping repetition: long runs of one character, and of two alternating
 * characters, drawn from the pattern's own literals plus common classes, each
 * ended by a character that makes the match fail at the last moment.
 */
function probeInputs(source: string): string[] {
  const alphabet = new Set<string>(['a', 'A', '0', ' ', '_', '-', '.', '@', '\n']);
  for (const ch of source) if (/[\p{L}\p{N}\p{P}\p{S} ]/u.test(ch) && !'\\()[]{}|*+?^$'.includes(ch)) alphabet.add(ch);
  const chars = [...alphabet].slice(0, 48);
  const inputs: string[] = [];
  for (const a of chars) {
    inputs.push(a.repeat(PROBE_LENGTH) + '\u0000');
    for (const b of ['a', '0', ' ', '.', '-']) if (a !== b) inputs.push((a + b).repeat(PROBE_LENGTH / 2) + '\u0000');
  }
  return inputs;
}

function budgetOf(opts: { timeBudgetMs?: number }): number {
  const budget = opts.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  if (!Number.isInteger(budget) || budget < 1 || budget > 10_000) {
    throw new AppError('invalid_input', `timeBudgetMs must be a whole number of milliseconds between 1 and 10000, got ${budget}`);
  }
  return budget;
}

/** Builds a pattern without probing it: for the built-in patterns, whose shapes are known to be linear. */
export function definePattern(name: string, javaSource: string, refine?: (match: string) => MatchRange[]): BlockedPattern {
  const { source, flags } = translateJavaRegex(javaSource);
  return { name, source: javaSource, regex: new RegExp(source, `g${flags}`), timeBudgetMs: DEFAULT_TIME_BUDGET_MS, refine, builtIn: true };
}

/**
 * Validates and compiles a custom blocked pattern written in Java regex
 * syntax. Throws `AppError('invalid_input')` with the reason when the pattern
 * is empty, too long, not valid Java, uses a construct JavaScript cannot
 * express, or exceeds its time budget on an adversarial probe input
 * (catastrophic backtracking).
 *
 * @example
 * const p = compileBlockedPattern('(?i)internal use only');
 * redactText('Internal use only: Q3 plan', { entities: [], blockedPatterns: [p] }).text;
 * // '[BLOCKED]: Q3 plan'
 *
 * compileBlockedPattern('(a+)+$'); // throws: … exceeded its 50 ms time budget …
 */
export function compileBlockedPattern(javaSource: string, opts: { timeBudgetMs?: number } = {}): BlockedPattern {
  const timeBudgetMs = budgetOf(opts);
  if (javaSource.trim().length === 0) throw new AppError('invalid_input', 'invalid blocked pattern: the pattern is empty');
  if (javaSource.length > MAX_SOURCE_LENGTH) {
    throw new AppError('invalid_input', `invalid blocked pattern: ${javaSource.length} characters, the limit is ${MAX_SOURCE_LENGTH}`);
  }
  const pattern: BlockedPattern = { ...definePattern(javaSource, javaSource), timeBudgetMs, builtIn: false };
  const sandbox = new RegexSandbox();
  for (const input of probeInputs(javaSource)) {
    if (sandbox.findAll(pattern.regex, input, timeBudgetMs) === null) {
      const sample = JSON.stringify(input.slice(0, 12) + '…');
      throw new AppError(
        'invalid_input',
        `invalid blocked pattern ${JSON.stringify(javaSource)}: it exceeded its ${timeBudgetMs} ms time budget on a ${input.length}-character probe input starting ${sample}; ` +
          'nested or overlapping repetition such as (a+)+ or (\\w|\\d)* backtracks catastrophically — make each repetition unambiguous',
        { details: { pattern: javaSource, timeBudgetMs } },
      );
    }
  }
  return pattern;
}
