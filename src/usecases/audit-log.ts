/**
 * Reading, verifying and exporting the account's audit log (`audit.read`).
 * Verification recomputes the hash chain from the first record and reports
 * the first record that was changed, removed or moved.
 */
import { auditHash, GENESIS_HASH } from '../core/audit-hash.ts';
import type { Ctx } from '../core/context.ts';
import { invalidInput } from '../core/errors.ts';
import type { AuditFilter } from '../core/store.ts';
import type { AuditEvent } from '../core/types.ts';
import { audit } from '../governance/audit.ts';
import { authorize } from '../governance/authorization.ts';

/** The most events one page of `listAudit` returns. */
export const AUDIT_PAGE_MAX = 1000;

export interface AuditQuery {
  actor?: string;
  action?: string;
  /** `type:id`, or an id alone. */
  target?: string;
  from?: string;
  to?: string;
  afterSeq?: number;
  limit?: number;
}

function isoOrThrow(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw invalidInput(`invalid ${name}`, [{ path: name, message: `expected an ISO-8601 date or time, got "${value}"` }]);
  return new Date(t).toISOString();
}

function toFilter(q: AuditQuery): AuditFilter {
  const filter: AuditFilter = { limit: q.limit ?? 100 };
  if (q.actor) filter.actorId = q.actor;
  if (q.action) filter.action = q.action;
  if (q.target) {
    const colon = q.target.indexOf(':');
    if (colon > 0) {
      filter.targetType = q.target.slice(0, colon);
      filter.targetId = q.target.slice(colon + 1);
    } else filter.targetId = q.target;
  }
  filter.from = isoOrThrow('from', q.from);
  filter.to = isoOrThrow('to', q.to);
  if (q.afterSeq !== undefined) filter.afterSeq = q.afterSeq;
  return filter;
}

/** Events in sequence order, filtered; page on with `afterSeq` = the last `seq` seen. */
export async function listAudit(ctx: Ctx, q: AuditQuery = {}): Promise<AuditEvent[]> {
  await authorize(ctx, 'audit.read');
  let actor = q.actor;
  if (actor?.includes('@')) actor = (await ctx.store.users.getByEmail(ctx.account.id, actor))?.id ?? actor;
  return ctx.store.audit.list(ctx.account.id, toFilter({ ...q, actor }));
}

export interface AuditProblem {
  kind: 'tampered' | 'missing' | 'reordered' | 'truncated';
  /** The sequence number of the first record affected. */
  seq: number;
  /** The id of the stored record at that place, when there is one. */
  id: string | null;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  problem: AuditProblem | null;
}

/**
 * Recomputes the chain. Stops at the first problem: a record whose content
 * no longer matches its hash (tampered), a gap in the sequence (missing), a
 * record that does not follow its predecessor's hash (reordered), or a chain
 * shorter than its recorded head (truncated).
 */
export async function verifyAudit(ctx: Ctx, opts: { pageSize?: number } = {}): Promise<AuditVerification> {
  await authorize(ctx, 'audit.read');
  const head = await ctx.store.audit.head(ctx.account.id);
  let prev = GENESIS_HASH;
  let expected = 1;
  let checked = 0;
  const fail = (problem: AuditProblem): AuditVerification => ({ ok: false, checked, head, problem });
  for (;;) {
    const page = await ctx.store.audit.list(ctx.account.id, { afterSeq: expected - 1, limit: opts.pageSize ?? 1000 });
    if (page.length === 0) break;
    for (const e of page) {
      if (e.seq > expected) {
        return fail({ kind: 'missing', seq: expected, id: null, message: `record ${expected}${e.seq - expected > 1 ? `–${e.seq - 1}` : ''} is missing (the next stored record is ${e.seq}, ${e.id})` });
      }
      if (e.prevHash !== prev) {
        return fail({ kind: 'reordered', seq: e.seq, id: e.id, message: `record ${e.seq} (${e.id}) does not follow record ${e.seq - 1}: its previous hash differs` });
      }
      const recomputed = auditHash(e.prevHash, e.seq, e.id, e);
      if (recomputed !== e.hash) {
        return fail({ kind: 'tampered', seq: e.seq, id: e.id, message: `record ${e.seq} (${e.id}, ${e.action} at ${e.at}) was changed: its content no longer matches its hash` });
      }
      prev = e.hash;
      expected++;
      checked++;
    }
  }
  if (head && (head.seq !== expected - 1 || head.hash !== prev)) {
    return fail({ kind: 'truncated', seq: expected, id: null, message: `the log ends at record ${expected - 1} but its head says ${head.seq}: records ${expected}–${head.seq} are missing` });
  }
  return { ok: true, checked, head, problem: null };
}

/**
 * Writes every event since `since` (inclusive) as JSON lines through
 * `write`, in sequence order; audits the export itself first.
 */
export async function exportAudit(ctx: Ctx, opts: { since?: string; until?: string }, write: (line: string) => void | Promise<void>): Promise<number> {
  await authorize(ctx, 'audit.read');
  const filter = toFilter({ from: opts.since, to: opts.until });
  await audit(ctx, { action: 'audit.export', targetType: 'account', targetId: ctx.account.id, details: { since: filter.from ?? null, until: filter.to ?? null } });
  let afterSeq = 0;
  let count = 0;
  for (;;) {
    const page = await ctx.store.audit.list(ctx.account.id, { ...filter, afterSeq, limit: 1000 });
    if (page.length === 0) return count;
    for (const e of page) {
      await write(JSON.stringify(e));
      count++;
    }
    afterSeq = page[page.length - 1].seq;
  }
}
