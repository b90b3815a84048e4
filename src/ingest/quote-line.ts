/**
 * Quotes a line of input for an error message, trimmed and shortened so the
 * message stays on one readable line.
 *
 * @example
 * quoteLine('  00:01:0 --> 00:01:05.000 '); // '"00:01:0 --> 00:01:05.000"'
 */
export function quoteLine(line: string, max = 60): string {
  const trimmed = line.trim();
  return `"${trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed}"`;
}
