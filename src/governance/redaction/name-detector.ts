import { SCORE, type Candidate, type DetectionContext, type Detector } from './detector.ts';
import { isHonorific } from './honorifics.ts';
import { bareWord, findNameChunks, type NameChunk } from './name-chunks.ts';
import {
  ADDRESS_AFTER,
  ADDRESS_BEFORE,
  ADDRESS_WORD,
  CUE_AFTER,
  CUE_BEFORE,
  FIRM_BEFORE,
  LOWERCASE_CUE,
  ORGANISATION_SUFFIX,
  PLACE_BEFORE,
  SURNAME_ENDING,
} from './name-evidence.ts';
import { analyse, isOrganisationWord, isPlaceWord, isVocabularyWord, lexiconTags, type NlpAnalysis, type NlpWord } from './nlp-adapter.ts';

/**
 * Person names. Evidence is added up per capitalised chunk:
 * - compromise's person tagging and its first/last-name lexicon;
 * - a title before the chunk ("Dr.", "Ms."), the meeting's participant list;
 * - words around it that introduce people ("my name is", "said", "by", a
 *   speaker label "Ana:" at the start of a line, a vocative "Ana, can you…");
 * - wink's English vocabulary: words outside it are most likely names (wink
 *   knows "weekly" and "tales", not "Szöllösy").
 * Evidence against: place and organisation tags, organisation and street
 * words, house numbers next to the chunk, a chunk made only of ordinary
 * English words, a place preposition before a lone word. Afterwards, names
 * listed with an accepted name are accepted, lists of surnames that read as a
 * firm ("at Jones, Mitchell and Williams") are dropped, and the parts of an
 * accepted full name mark the same person elsewhere in the text.
 */

const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];
const PLACE_OR_ORG_TAGS = ['Place', 'Country', 'City', 'Region', 'Organization', 'SportsTeam', 'Demonym'];
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
const NAME_TAGS = new Set([...FIRST_NAME_TAGS, 'LastName']);

const ACCEPT = 2;
/** Separators of a list of names: "Eklund, Michael and Hodge". */
const LIST_GAP = /^(?:\s*,\s*|\s+(?:and|&|or)\s+|\s*,\s*(?:and|&)\s+)$/;

const hasTag = (word: NlpWord, tags: readonly string[]) => tags.some((t) => word.tags.has(t));
const isLexiconName = (word: string) => lexiconTags(word).some((t) => NAME_TAGS.has(t));
const isFirstName = (word: string) => lexiconTags(word).some((t) => FIRST_NAME_TAGS.has(t));
const isUnknownWord = (word: string) => !isVocabularyWord(word) && !isLexiconName(word);

interface Scored {
  chunk: NameChunk;
  points: number;
  /** Some sign the words are names rather than common words; needed to join a list. */
  plausible: boolean;
  firstName: boolean;
}

function lineAround(text: string, start: number, end: number): { whole: boolean; previous: string } {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const whole = /^[\s>?*-]*$/.test(text.slice(lineStart, start)) && /^[\s.,;:]*$/.test(text.slice(end, lineEnd === -1 ? undefined : lineEnd));
  const before = text.slice(0, Math.max(0, lineStart - 1)).split('\n');
  const previous = before.reverse().find((l) => l.trim().length > 0) ?? '';
  return { whole, previous };
}

function scoreChunk(text: string, chunk: NameChunk, analysis: NlpAnalysis, context: DetectionContext): Scored {
  const words = chunk.words.filter((w) => w.text.length > 1).map(bareWord);
  const before = text.slice(Math.max(0, chunk.start - 40), chunk.start);
  const after = text.slice(chunk.end, chunk.end + 40);
  const personTagged =
    chunk.words.some((w) => hasTag(w, PERSON_TAGS)) ||
    words.some(isLexiconName) ||
    analysis.people.some((p) => p.start < chunk.end && chunk.start < p.end);
  const participant = words.some((w) => context.participants.hasName(w));
  const unknown = words.filter(isUnknownWord);
  const placeOrOrg = chunk.words.some((w) => hasTag(w, PLACE_OR_ORG_TAGS) && !hasTag(w, PERSON_TAGS));
  const nextWord = /^\s+([\p{L}]+)/u.exec(after)?.[1];
  const institutional =
    words.some((w) => isOrganisationWord(w) || isPlaceWord(w) || ADDRESS_WORD.test(w) || ORGANISATION_SUFFIX.test(w)) ||
    (nextWord !== undefined && /^\p{Lu}/u.test(nextWord) && (isOrganisationWord(nextWord) || ORGANISATION_SUFFIX.test(nextWord)));
  const line = lineAround(text, chunk.start, chunk.end);

  let points = 0;
  if (personTagged) points += 3;
  if (chunk.titled) points += 3;
  if (participant) points += 4;
  if (CUE_BEFORE.test(before)) points += 2;
  if (CUE_AFTER.test(after)) points += 2;
  if (chunk.possessive) points += 1;
  if (/(?:^|\n)[ \t>?]*$/.test(before) && /^[ \t]*:/.test(after)) points += 2;
  if (unknown.length >= 2 && unknown.length === words.length) points += 2;
  else if (unknown.length >= 1) points += 1;
  if (unknown.some((w) => SURNAME_ENDING.test(w))) points += 1;

  if (placeOrOrg) points -= 4;
  if (institutional) points -= 4;
  if (ADDRESS_AFTER.test(after) || ADDRESS_BEFORE.test(before)) points -= 3;
  if (line.whole && /\d/.test(line.previous) && !chunk.titled) points -= 3;
  if (unknown.length === 0 && !personTagged && !participant && !chunk.titled) points -= 3;
  if (words.length === 1 && !personTagged && PLACE_BEFORE.test(before)) points -= 2;

  return {
    chunk,
    points,
    plausible: (personTagged || unknown.length > 0) && !placeOrOrg && !institutional,
    firstName: words.some(isFirstName),
  };
}

/** Chunks joined by list separators ("Eklund, Michael and Hodge"), as index ranges into `scored`. */
function lists(text: string, scored: readonly Scored[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 1; i <= scored.length; i++) {
    const joined = i < scored.length && LIST_GAP.test(text.slice(scored[i - 1]!.chunk.end, scored[i]!.chunk.start));
    if (!joined) {
      if (i - from >= 2) out.push([from, i - 1]);
      from = i;
    }
  }
  return out;
}

function chunkNames(text: string, analysis: NlpAnalysis, context: DetectionContext): Candidate[] {
  const scored = findNameChunks(text, analysis.words).map((c) => scoreChunk(text, c, analysis, context));
  const accepted = new Set(scored.filter((s) => s.points >= ACCEPT));

  for (const [from, to] of lists(text, scored)) {
    const members = scored.slice(from, to + 1);
    if (!members.some((m) => accepted.has(m))) continue;
    const first = members[0]!.chunk;
    const last = members[members.length - 1]!.chunk;
    const nextWord = /^\s+(\p{L}+)/u.exec(text.slice(last.end))?.[1] ?? '';
    const firm =
      !members.some((m) => m.firstName || m.chunk.titled) &&
      (FIRM_BEFORE.test(text.slice(Math.max(0, first.start - 20), first.start)) || isOrganisationWord(nextWord) || ORGANISATION_SUFFIX.test(nextWord));
    for (const m of members) {
      if (firm) accepted.delete(m);
      else if (m.plausible) accepted.add(m);
    }
  }

  // Parts of an accepted full name ("Yefremova" after "Faina D. Yefremova") are the same person.
  const knownParts = new Set<string>();
  for (const s of accepted) for (const w of s.chunk.words) if (w.text.length > 1) knownParts.add(bareWord(w));
  for (const s of scored) {
    if (s.plausible && s.chunk.words.every((w) => w.text.length === 1 || knownParts.has(bareWord(w)))) accepted.add(s);
  }
  return [...accepted].map((s) => ({
    type: 'NAME' as const,
    start: s.chunk.start,
    end: s.chunk.end,
    score: Math.min(SCORE.context, SCORE.weak + 0.05 * s.points),
  }));
}

/** A lower-case word that can be a name: outside the vocabulary or a known first/last name. */
function nameLike(word: NlpWord): boolean {
  return /^\p{Ll}/u.test(word.text) && !/\p{N}/u.test(word.text) && !isHonorific(word.text) && (isUnknownWord(bareWord(word)) || isLexiconName(bareWord(word)));
}

/**
 * Lower-case names, which speech recognisers and chat produce: after a strong
 * cue ("my name is vitoria"), as a speaker label ("mika: who are you?"), or
 * where compromise reads a person ("follow up with patricia desrosiers").
 */
function lowerCaseNames(text: string, analysis: NlpAnalysis): Candidate[] {
  const { words } = analysis;
  const out: Candidate[] = [];
  /** End (exclusive) of a run of name-like words from `from`, with single-letter initials inside ("benjamin a seiler"). */
  const run = (from: number): number => {
    let to = from + 1;
    for (;;) {
      const next = words[to];
      if (next === undefined || !/^\.? $/.test(text.slice(words[to - 1]!.end, next.start))) return to;
      if (nameLike(next)) to++;
      else if (/^\p{Ll}$/u.test(next.text) && words[to + 1] !== undefined && nameLike(words[to + 1]!)) to += 2;
      else return to;
    }
  };
  const push = (from: number, to: number) => {
    const last = words[to - 1]!;
    out.push({ type: 'NAME', start: words[from]!.start, end: last.end - (/['’]s$/.test(last.text) ? 2 : 0), score: SCORE.shape + 0.1 });
  };
  words.forEach((word, i) => {
    if (!nameLike(word)) return;
    const previous = words[i - 1];
    if (previous !== undefined && nameLike(previous) && text.slice(previous.end, word.start) === ' ') return;
    const before = text.slice(Math.max(0, word.start - 20), word.start);
    const end = Math.min(run(i), i + 4);
    const speaker = /(?:^|\n)[ \t>?]*$/.test(before) && /^[ \t]*:/.test(text.slice(words[end - 1]!.end));
    const cued = LOWERCASE_CUE.test(before);
    const person = analysis.people.some((p) => p.start <= word.start && word.start < p.end) && isLexiconName(bareWord(word));
    if (speaker || cued || person) push(i, end);
  });
  return out;
}

export const nameDetector: Detector = {
  detect(text, context) {
    const analysis = analyse(text);
    return [
      ...chunkNames(text, analysis, context),
      ...lowerCaseNames(text, analysis),
      ...context.participants.find(text).map((p) => ({ type: 'NAME' as const, ...p, score: SCORE.context })),
    ];
  },
};
