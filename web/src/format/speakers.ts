/** Eight calm speaker colours (tokens.css); beyond eight speakers they repeat. */
const PALETTE_SIZE = 8;

/**
 * A class giving each speaker of a meeting a colour, by order of first
 * appearance, so the same meeting always looks the same.
 */
export function speakerClasses(speakers: string[]): (speaker: string) => string {
  const order = new Map<string, number>();
  for (const s of speakers) if (!order.has(s)) order.set(s, order.size);
  return (speaker) => `speaker speaker-${(order.get(speaker) ?? 0) % PALETTE_SIZE}`;
}

/** Up to two initials for an avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1][0] : '')).toUpperCase();
}
