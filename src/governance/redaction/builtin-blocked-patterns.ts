import { definePattern, type BlockedPattern } from './blocked-pattern.ts';
import { isCardNumber } from './credit-card.ts';
import type { MatchRange } from './regex-sandbox.ts';

/**
 * Card numbers inside a match of digit groups. A card starts at the first
 * group of a run (or right after a previous card), so a card followed by
 * another number ("4111 1111 1111 1111 2025") is found, while the tail of a
 * longer reference number is not mistaken for one.
 */
function cardNumbersIn(match: string): MatchRange[] {
  const groups = [...match.matchAll(/\d+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, digits: m[0].length }));
  const found: MatchRange[] = [];
  let i = 0;
  while (i < groups.length) {
    let best = -1;
    let digits = 0;
    for (let j = i; j < groups.length && digits + groups[j]!.digits <= 19; j++) {
      digits += groups[j]!.digits;
      if (digits >= 12 && isCardNumber(match.slice(groups[i]!.start, groups[j]!.end))) best = j;
    }
    if (best < 0) break;
    found.push([groups[i]!.start, groups[best]!.end]);
    i = best + 1;
  }
  return found;
}

/**
 * Blocked patterns the product ships. `CREDIT_CARD`: 12–19 digits, optionally
 * grouped by single spaces or dashes, with a known issuer prefix and length
 * and a valid Luhn check digit (12 digits only for Maestro). The regex grabs
 * up to 22 digits so that a card followed by another number is still seen.
 */
export const BUILTIN_BLOCKED_PATTERNS = {
  CREDIT_CARD: definePattern('CREDIT_CARD', '(?<![\\d-])\\d(?:[ -]?\\d){11,21}(?!\\d)', cardNumbersIn),
} as const satisfies Record<string, BlockedPattern>;
