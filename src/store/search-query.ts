/**
 * Turns free text into search terms. Users type anything; only letters and
 * digits reach the full-text engines, so no query syntax can be injected.
 */
export function searchTerms(query: string, max = 8): string[] {
  const terms = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(terms)].slice(0, max);
}

/** An FTS5 MATCH expression for one term or any of several terms. */
export function fts5Expression(terms: string[]): string {
  return terms.map((t) => `"${t}"`).join(' OR ');
}
