/**
 * The PII entity types an administrator can choose for redaction (SPEC §8.4),
 * and the span shape every detector reports.
 */

export const PII_ENTITY_TYPES = [
  'DATE_TIME',
  'DRIVER_ID',
  'EMAIL',
  'INTERNATIONAL_BANK_ACCOUNT_NUMBER',
  'IP_ADDRESS',
  'LICENSE_PLATE',
  'MAC_ADDRESS',
  'NAME',
  'PASSWORD',
  'PHONE',
  'PIN',
  'SWIFT_CODE',
  'URL',
  'USERNAME',
  'VEHICLE_IDENTIFICATION_NUMBER',
  'BANK_ACCOUNT_NUMBER',
  'BANK_ROUTING',
  'PASSPORT_NUMBER',
  'US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER',
  'SSN',
] as const;

export type PiiEntityType = (typeof PII_ENTITY_TYPES)[number];

/** The span type of a custom or built-in blocked pattern match. */
export const BLOCKED = 'BLOCKED';

export type SpanType = PiiEntityType | typeof BLOCKED;

/** One detected value. Offsets are UTF-16 indexes into the scanned text, `end` exclusive. */
export interface PiiSpan {
  type: SpanType;
  start: number;
  end: number;
  value: string;
  /** For `BLOCKED` spans: the name of the blocked pattern that matched. */
  pattern?: string;
  /** Set when the pattern ran out of its time budget: the span then covers the whole text, which is withheld. */
  timedOut?: true;
}

export function isPiiEntityType(value: string): value is PiiEntityType {
  return (PII_ENTITY_TYPES as readonly string[]).includes(value);
}
