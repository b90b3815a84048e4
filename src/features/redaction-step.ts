/**
 * The redaction step of the pipeline: the account's redaction policy applied
 * to a feature's output before it is stored, so the unredacted output is
 * never persisted. Identifiers, times and dates that give an output its
 * structure are left alone; every other string is redacted.
 */
import type { Ctx } from '../core/context.ts';
import { readRedactionPolicy, redactorFor } from '../governance/lifecycle/redaction-policy.ts';
import type { RedactionCounts } from '../governance/redaction/index.ts';
import type { ContextArtifact } from './feature.ts';

/** Keys whose values are structure (ids, ISO dates, enum-like codes), not prose. */
const STRUCTURAL_KEYS = new Set(['artifactId', 'summaryId', 'assigneeUserId', 'id', 'due', 'meetingId']);

export interface RedactedOutput<O> {
  payload: O;
  counts: RedactionCounts;
  /** How many values were redacted in all. */
  total: number;
}

/**
 * Redacts an output payload with the account's current policy, using the
 * context artifacts' participants as known names.
 *
 * @example
 * const { payload, total } = await redactOutput(ctx, summary, context);
 */
export async function redactOutput<O>(ctx: Ctx, payload: O, context: ContextArtifact[]): Promise<RedactedOutput<O>> {
  const policy = await readRedactionPolicy(ctx.store, ctx.account.id);
  const participants = [...new Set(context.flatMap((c) => [...c.artifact.participants.map((p) => p.name), ...c.segments.map((s) => s.speaker)]))];
  const redactor = redactorFor(policy, participants);
  if (!redactor) return { payload, counts: {}, total: 0 };
  const counts: RedactionCounts = {};
  const walk = (value: unknown, key: string | null): unknown => {
    if (typeof value === 'string') {
      if (key !== null && STRUCTURAL_KEYS.has(key)) return value;
      const { text, spans } = redactor.redact(value);
      for (const s of spans) counts[s.type] = (counts[s.type] ?? 0) + 1;
      return text;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const redacted = walk(payload, null) as O;
  return { payload: redacted, counts, total: Object.values(counts).reduce((a, b) => a + (b ?? 0), 0) };
}
