/**
 * Sentence splitting for summaries and transcripts, close to what NLTK's
 * Punkt `sent_tokenize` does on English: a sentence ends at `.`, `?` or `!`
 * followed by white space, unless the word is a known abbreviation, an
 * initial or initialism (`J.`, `e.g.`), or an ellipsis followed by a
 * lower-case word. A full stop after an ordinary word ends the sentence even
 * when the next word is lower-case, as Punkt does; this matters for
 * lower-cased, space-tokenised text such as QMSum's (`ok . so we ...`).
 */

/** Abbreviations that take a full stop but rarely end a sentence. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'vs', 'etc', 'cf', 'approx',
  'inc', 'ltd', 'co', 'corp', 'dept', 'univ', 'fig', 'eq', 'vol', 'ch', 'sec',
  'gen', 'gov', 'sen', 'rep', 'rev', 'hon', 'capt', 'col', 'lt', 'sgt',
  'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

const CLOSING = /["')\]}\u2019\u201d]+$/u;

function endsSentence(token: string, next: string | undefined): boolean {
  const bare = token.replace(CLOSING, '');
  if (/[?!]$/.test(bare)) return true;
  if (bare.endsWith('\u2026') || bare.endsWith('..')) {
    return next !== undefined && /^[^\p{Ll}]*\p{Lu}/u.test(next);
  }
  if (!bare.endsWith('.')) return false;
  const word = bare.slice(0, -1).replace(/^["'(\[{\u2018\u201c]+/u, '').toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  // Initials and initialisms (`J.`, `e.g.`, `U.S.`); a lone `I.` or `a.` is
  // far more often the end of a sentence than someone's initial.
  if (word === 'i' || word === 'a') return true;
  return !/^(\p{L}\.)*\p{L}$/u.test(word);
}

/**
 * Splits text into sentences, returned trimmed and in order. Fragments with
 * no letter or digit (a stray `.`) are dropped.
 *
 * @example
 * splitSentences('Dr. Smith arrived. ok . so we start ? Yes!')
 * // ['Dr. Smith arrived.', 'ok .', 'so we start ?', 'Yes!']
 */
export function splitSentences(text: string): string[] {
  const tokens = [...text.matchAll(/\S+/g)];
  const sentences: string[] = [];
  let start = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (start < 0) start = token.index;
    const next = tokens[i + 1]?.[0];
    if (next === undefined || endsSentence(token[0], next)) {
      const sentence = text.slice(start, token.index + token[0].length);
      if (/[\p{L}\p{N}]/u.test(sentence)) sentences.push(sentence);
      start = -1;
    }
  }
  return sentences;
}

/** One speaker turn of a transcript. */
export interface Turn {
  speaker: string;
  content: string;
}

/** A sentence of a transcript, with the index of the turn it came from. */
export interface TranscriptSentence {
  text: string;
  speaker: string;
  turn: number;
}

/**
 * Splits every turn into sentences; a sentence never spans two turns, since
 * a change of speaker always ends one.
 *
 * @example
 * splitTranscript([{ speaker: 'A', content: 'Hi . Ready ?' }, { speaker: 'B', content: 'Yes' }])
 * // [{ text: 'Hi .', speaker: 'A', turn: 0 }, { text: 'Ready ?', speaker: 'A', turn: 0 },
 * //  { text: 'Yes', speaker: 'B', turn: 1 }]
 */
export function splitTranscript(turns: readonly Turn[]): TranscriptSentence[] {
  return turns.flatMap((turn, index) =>
    splitSentences(turn.content).map((text) => ({ text, speaker: turn.speaker, turn: index })),
  );
}
