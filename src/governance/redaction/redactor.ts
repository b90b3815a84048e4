import { AppError } from '../../core/errors.ts';
import type { BlockedPattern } from './blocked-pattern.ts';
import type { DetectionContext, Detector } from './detector.ts';
import { DETECTORS } from './detectors.ts';
import { BLOCKED, isPiiEntityType, type PiiEntityType, type PiiSpan, type SpanType } from './entity-types.ts';
import { resolveOverlaps } from './overlaps.ts';
import { ParticipantIndex } from './participants.ts';
import { findAllMatches, RegexSandbox, toRanges, type MatchRange } from './regex-sandbox.ts';

export interface RedactionOptions {
  /** The entity types the administrator chose to redact. */
  entities: readonly PiiEntityType[];
  /** The meeting's own participant names; their full, first and last names count as NAME. */
  participants?: readonly string[];
  /** Compiled custom patterns (see `compileBlockedPattern`) and chosen built-ins. */
  blockedPatterns?: readonly BlockedPattern[];
}

export interface RedactionResult {
  text: string;
  spans: PiiSpan[];
}

/** How many values of each type were redacted: what an audit record may hold, never the values. */
export type RedactionCounts = Partial<Record<SpanType, number>>;

/** Blocked patterns are the administrator's explicit rules: they outrank every detector. */
const BLOCKED_SCORE = 1;

interface RankedSpan extends PiiSpan {
  score: number;
}

/**
 * Redacts text for one request. Build it once with the request's options and
 * call it for every string of an output: detectors, participant names and the
 * regex sandbox are prepared once, and repeated strings are detected once.
 *
 * A blocked pattern that exceeds its time budget fails closed: the whole text
 * is withheld as `[BLOCKED]` and the span is marked `timedOut`.
 *
 * @example
 * const redactor = new Redactor({ entities: ['EMAIL', 'NAME'], participants: ['Ana Lima'] });
 * redactor.redact('Ana will mail bob@example.com').text; // '[NAME] will mail [EMAIL]'
 */
export class Redactor {
  private readonly detectors: readonly Detector[];
  private readonly context: DetectionContext;
  private readonly patterns: readonly BlockedPattern[];
  private sandbox: RegexSandbox | null = null;
  private readonly seen = new Map<string, PiiSpan[]>();

  constructor(options: RedactionOptions) {
    const unknown = options.entities.filter((e) => !isPiiEntityType(e));
    if (unknown.length > 0) {
      throw new AppError('invalid_input', `unknown PII entity type(s): ${unknown.join(', ')}`, {
        fields: unknown.map((e) => ({ path: 'entities', message: `unknown entity type ${e}` })),
      });
    }
    this.detectors = [...new Set(options.entities)].map((e) => DETECTORS[e]);
    this.context = { participants: ParticipantIndex.from(options.participants ?? []) };
    this.patterns = options.blockedPatterns ?? [];
  }

  /** Sorted, non-overlapping spans of everything to redact in `text`. */
  detect(text: string): PiiSpan[] {
    const cached = this.seen.get(text);
    if (cached) return cached.map((s) => ({ ...s }));
    const spans = /\S/.test(text) ? this.detectUncached(text) : [];
    this.seen.set(text, spans);
    return spans.map((s) => ({ ...s }));
  }

  private detectUncached(text: string): PiiSpan[] {
    const ranked: RankedSpan[] = [];
    for (const pattern of this.patterns) {
      const matches = this.match(pattern, text);
      if (matches === null) return [{ type: BLOCKED, start: 0, end: text.length, value: text, pattern: pattern.name, timedOut: true }];
      for (const [start, end] of matches) {
        const parts: MatchRange[] = pattern.refine ? pattern.refine(text.slice(start, end)).map(([s, e]) => [start + s, start + e]) : [[start, end]];
        for (const [s, e] of parts) ranked.push({ type: BLOCKED, start: s, end: e, value: '', pattern: pattern.name, score: BLOCKED_SCORE });
      }
    }
    for (const detector of this.detectors) {
      for (const c of detector.detect(text, this.context)) ranked.push({ ...c, value: '' });
    }
    return resolveOverlaps(ranked).map(({ score: _score, ...span }) => ({ ...span, value: text.slice(span.start, span.end) }));
  }

  private match(pattern: BlockedPattern, text: string): MatchRange[] | null {
    if (pattern.builtIn) return toRanges(findAllMatches(pattern.regex, text));
    this.sandbox ??= new RegexSandbox();
    return this.sandbox.findAll(pattern.regex, text, pattern.timeBudgetMs);
  }

  /** `text` with every span replaced by its placeholder (`[NAME]`, `[PHONE]`, `[BLOCKED]`…). */
  redact(text: string): RedactionResult {
    const spans = this.detect(text);
    let out = '';
    let at = 0;
    for (const span of spans) {
      out += `${text.slice(at, span.start)}[${span.type}]`;
      at = span.end;
    }
    return { text: out + text.slice(at), spans };
  }

  /**
   * Redacts every string inside a JSON-like value (an output payload) and
   * returns a copy together with per-type counts.
   *
   * @example
   * new Redactor({ entities: ['PHONE'] }).redactValue({ items: [{ text: 'Call +1 415 555 0100' }] });
   * // { value: { items: [{ text: 'Call [PHONE]' }] }, counts: { PHONE: 1 } }
   */
  redactValue<T>(value: T): { value: T; counts: RedactionCounts } {
    const counts: RedactionCounts = {};
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') {
        const { text, spans } = this.redact(v);
        for (const s of spans) counts[s.type] = (counts[s.type] ?? 0) + 1;
        return text;
      }
      if (Array.isArray(v)) return v.map(walk);
      if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      }
      return v;
    };
    return { value: walk(value) as T, counts };
  }
}

/**
 * Finds PII and blocked-pattern matches in `text`: sorted, non-overlapping spans.
 *
 * @example
 * detectPii('Mail ana@example.com', { entities: ['EMAIL'] });
 * // [{ type: 'EMAIL', start: 5, end: 20, value: 'ana@example.com' }]
 */
export function detectPii(text: string, opts: RedactionOptions): PiiSpan[] {
  return new Redactor(opts).detect(text);
}

/**
 * Replaces PII with `[TYPE]` placeholders and blocked-pattern matches with `[BLOCKED]`.
 *
 * @example
 * redactText('PIN 4821, call 415-555-0100', { entities: ['PIN', 'PHONE'] }).text;
 * // 'PIN [PIN], call [PHONE]'
 */
export function redactText(text: string, opts: RedactionOptions): RedactionResult {
  return new Redactor(opts).redact(text);
}
