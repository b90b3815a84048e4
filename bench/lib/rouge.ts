/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum, computed as google-research's
 * `rouge_score` does with `use_stemmer=True` (itself a replica of
 * ROUGE-1.5.5 with `-m`): lower-case, every run of characters other than
 * `a-z0-9` becomes a space, tokens longer than three characters are Porter
 * stemmed. Scores are fractions in [0, 1]; multiply by 100 to print.
 *
 * Which ROUGE-L the QMSum paper reports: the summary-level ROUGE-Lsum with
 * each summary split into sentences (`sentencesPerLine`), not the LCS of
 * the whole text. On the released HMNet outputs this scorer gives
 * 36.09 / 11.37 / 31.26 that way (the paper: 36.51 / 11.41 / 31.60, and
 * 36.06 / 11.36 / 31.27 for its gold-span HMNet row), while whole-text
 * ROUGE-L gives 22.37. Splitting at Punkt-like sentence ends or only at
 * space-separated `.`/`?`/`!` gives the same 31.26 on that data.
 */
import { porterStem } from '../../src/engine/text/porter-stemmer.ts';
import { splitSentences } from './sentences.ts';

export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

export interface RougeScores {
  rouge1: RougeScore;
  rouge2: RougeScore;
  /** LCS over the whole text, ignoring sentence breaks. */
  rougeL: RougeScore;
  /** Summary-level union LCS over sentences, which are the text's lines. */
  rougeLsum: RougeScore;
}

export interface RougePair {
  candidate: string;
  reference: string;
}

/**
 * The token sequence ROUGE compares.
 *
 * @example
 * rougeTokens("The team's meetings, in 2021.") // ['the', 'team', 's', 'meet', 'in', '2021']
 */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((token) => token.length > 0)
    .map((token) => (token.length > 3 ? porterStem(token) : token));
}

/**
 * Puts each sentence on its own line, as the usual QMSum / Hugging Face
 * evaluation does with `nltk.sent_tokenize` before scoring ROUGE-Lsum.
 *
 * @example
 * sentencesPerLine('we met . we agreed .') // 'we met .\nwe agreed .'
 */
export function sentencesPerLine(text: string): string {
  return splitSentences(text).join('\n');
}

/**
 * Precision, recall and F1 of an overlap count; an empty side scores 0.
 *
 * @example
 * overlapScore(3, 4, 6) // { precision: 0.75, recall: 0.5, f1: 0.6 }
 */
export function overlapScore(overlap: number, candidateSize: number, referenceSize: number): RougeScore {
  const precision = candidateSize > 0 ? overlap / candidateSize : 0;
  const recall = referenceSize > 0 ? overlap / referenceSize : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/**
 * Counts of every n-gram of `tokens`.
 *
 * @example
 * ngramCounts(['a', 'b', 'a', 'b'], 2) // Map { 'a b' => 2, 'b a' => 1 }
 */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = n === 1 ? tokens[i] : tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const candidateGrams = ngramCounts(candidate, n);
  const referenceGrams = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of referenceGrams) overlap += Math.min(count, candidateGrams.get(gram) ?? 0);
  return overlapScore(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * Indices into `reference` of one longest common subsequence with
 * `candidate`. Ties are broken as in `rouge_score` (prefer stepping back in
 * the reference), which decides which tokens the union LCS counts.
 */
function lcsIndices(reference: readonly string[], candidate: readonly string[]): number[] {
  const cols = candidate.length + 1;
  const table = new Int32Array((reference.length + 1) * cols);
  for (let i = 1; i <= reference.length; i++) {
    for (let j = 1; j <= candidate.length; j++) {
      table[i * cols + j] =
        reference[i - 1] === candidate[j - 1]
          ? table[(i - 1) * cols + j - 1] + 1
          : Math.max(table[(i - 1) * cols + j], table[i * cols + j - 1]);
    }
  }
  const indices: number[] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      indices.push(i - 1);
      i--;
      j--;
    } else if (table[i * cols + j - 1] > table[(i - 1) * cols + j]) {
      j--;
    } else {
      i--;
    }
  }
  return indices;
}

function tokenCounts(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences) for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * Summary-level LCS (Lin 2004, §3.2): for each reference sentence, the union
 * of its LCS with every candidate sentence; a token is credited at most as
 * often as it occurs on both sides, as ROUGE-1.5.5 does.
 */
function summaryLevelLcs(candidate: readonly (readonly string[])[], reference: readonly (readonly string[])[]): RougeScore {
  const candidateSize = candidate.reduce((sum, s) => sum + s.length, 0);
  const referenceSize = reference.reduce((sum, s) => sum + s.length, 0);
  if (candidateSize === 0 || referenceSize === 0) return { precision: 0, recall: 0, f1: 0 };
  const candidateLeft = tokenCounts(candidate);
  const referenceLeft = tokenCounts(reference);
  let hits = 0;
  for (const sentence of reference) {
    const union = new Set<number>();
    for (const other of candidate) for (const index of lcsIndices(sentence, other)) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = sentence[index];
      const c = candidateLeft.get(token) ?? 0;
      const r = referenceLeft.get(token) ?? 0;
      if (c > 0 && r > 0) {
        hits++;
        candidateLeft.set(token, c - 1);
        referenceLeft.set(token, r - 1);
      }
    }
  }
  return overlapScore(hits, candidateSize, referenceSize);
}

function lines(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map(rougeTokens);
}

/**
 * Scores one candidate against one reference. ROUGE-Lsum treats each line
 * as a sentence; pass both texts through `sentencesPerLine` first to score
 * it over sentences, as the QMSum figures are.
 *
 * @example
 * rouge('the cat sat on the mat', 'the cat lay on the mat').rouge1.f1 // 0.8333…
 */
export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  const lcs = c.length > 0 && r.length > 0 ? lcsLength(c, r) : 0;
  return {
    rouge1: rougeN(c, r, 1),
    rouge2: rougeN(c, r, 2),
    rougeL: overlapScore(lcs, c.length, r.length),
    rougeLsum: summaryLevelLcs(lines(candidate), lines(reference)),
  };
}

function meanScore(scores: readonly RougeScore[]): RougeScore {
  const mean = (pick: (s: RougeScore) => number): number =>
    scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  return { precision: mean((s) => s.precision), recall: mean((s) => s.recall), f1: mean((s) => s.f1) };
}

/**
 * Corpus-level ROUGE: the mean over examples of each per-example precision,
 * recall and F1 (macro average, as `rouge_score`'s aggregator and the QMSum
 * paper report), not F1 of pooled counts.
 *
 * @example
 * corpusRouge([{ candidate: 'a b', reference: 'a b' }, { candidate: 'a', reference: 'b' }]).rouge1.f1 // 0.5
 */
export function corpusRouge(pairs: readonly RougePair[]): RougeScores {
  if (pairs.length === 0) throw new RangeError('corpusRouge needs at least one candidate/reference pair');
  const all = pairs.map(({ candidate, reference }) => rouge(candidate, reference));
  return {
    rouge1: meanScore(all.map((s) => s.rouge1)),
    rouge2: meanScore(all.map((s) => s.rouge2)),
    rougeL: meanScore(all.map((s) => s.rougeL)),
    rougeLsum: meanScore(all.map((s) => s.rougeLsum)),
  };
}
