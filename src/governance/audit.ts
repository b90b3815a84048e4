import type { Ctx } from '../core/context.ts';
import type { AuditEvent, AuditOutcome } from '../core/types.ts';

export interface AuditEntry {
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome?: AuditOutcome;
  /** Ids, counts, names, durations. Never content. */
  details?: Record<string, unknown>;
}

/**
 * Appends one event to the account's audit chain, through `ctx.store` — so
 * inside a transaction the event commits or rolls back with the change.
 *
 * @example
 * await audit(ctx, { action: 'meeting.ingest', targetType: 'meeting', targetId: id, details: { segments: 120 } });
 */
export function audit(ctx: Ctx, entry: AuditEntry): Promise<AuditEvent> {
  return ctx.store.audit.append({
    accountId: ctx.account.id,
    at: ctx.clock.now().toISOString(),
    actorType: ctx.actor.type,
    actorId: ctx.actor.userId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome ?? 'ok',
    details: { via: ctx.actor.via, ...(ctx.actor.tokenId ? { tokenId: ctx.actor.tokenId } : {}), ...entry.details },
  });
}
