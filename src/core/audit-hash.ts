import { createHash } from 'node:crypto';
import type { AuditEventInput } from './types.ts';

/** The hash of the record before the first one in a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so equal records hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Hash of one audit record: SHA-256 over the previous hash and the canonical
 * form of every stored field, so changing, removing or reordering any record
 * breaks the chain from that point.
 */
export function auditHash(prevHash: string, seq: number, id: string, event: AuditEventInput): string {
  const body = canonicalJson({
    id,
    seq,
    accountId: event.accountId,
    at: event.at,
    actorType: event.actorType,
    actorId: event.actorId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId,
    outcome: event.outcome,
    details: event.details,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
