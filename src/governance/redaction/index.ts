/**
 * PII redaction and custom blocked patterns for outputs (SPEC §8.4).
 *
 * @example
 * import { Redactor, compileBlockedPattern, BUILTIN_BLOCKED_PATTERNS } from './governance/redaction/index.ts';
 * const redactor = new Redactor({
 *   entities: ['NAME', 'EMAIL', 'PHONE'],
 *   participants: ['Ana Lima'],
 *   blockedPatterns: [BUILTIN_BLOCKED_PATTERNS.CREDIT_CARD, compileBlockedPattern('(?i)internal use only')],
 * });
 * redactor.redact('Ana: card 4111 1111 1111 1111, internal use only').text;
 * // '[NAME]: card [BLOCKED], [BLOCKED]'
 */
export { PII_ENTITY_TYPES, BLOCKED, isPiiEntityType, type PiiEntityType, type PiiSpan, type SpanType } from './entity-types.ts';
export { Redactor, detectPii, redactText, type RedactionOptions, type RedactionResult, type RedactionCounts } from './redactor.ts';
export { compileBlockedPattern, DEFAULT_TIME_BUDGET_MS, type BlockedPattern } from './blocked-pattern.ts';
export { BUILTIN_BLOCKED_PATTERNS } from './builtin-blocked-patterns.ts';
export { translateJavaRegex, type TranslatedRegex } from './java-regex.ts';
