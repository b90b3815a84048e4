/**
 * The prepared form of a transcript that every extractor reads: turns cleaned
 * of disfluencies, split into sentences, each sentence with its index terms
 * and a way back to the exact source text. Built once per request.
 */
import type { Segment } from '../../core/types.ts';
import { cleanDisfluencies, sourceSpan, type CleanText } from '../text/disfluency-cleaner.ts';
import { splitSentences } from '../text/sentence-splitter.ts';
import { analyzeWords } from '../text/term-analyzer.ts';
import { foldCase } from '../text/tokenizer.ts';
import { PeopleDirectory } from './people-directory.ts';

export interface MeetingSentence {
  /** Position in `MeetingDocument.sentences`. */
  id: number;
  /** Position of its turn in `MeetingDocument.turns`. */
  turn: number;
  /** The sentence after disfluency cleaning: what outputs quote. */
  text: string;
  /** The same sentence exactly as transcribed. */
  source: string;
  /** `text` lower-cased with apostrophes folded, for cue matching. */
  lower: string;
  /** Index terms of `text`. */
  terms: string[];
  /** Words of `text`. */
  words: number;
  isQuestion: boolean;
}

export interface MeetingTurn {
  /** Position in `MeetingDocument.turns`. */
  position: number;
  segment: Segment;
  /** Canonical name of the speaker. */
  speaker: string;
  clean: CleanText;
  /** Ids of its sentences, in order. */
  sentences: number[];
  /** Words as transcribed, fillers included. */
  words: number;
}

export interface MeetingDocument {
  artifactId: string;
  turns: MeetingTurn[];
  sentences: MeetingSentence[];
  people: PeopleDirectory;
  /** Distinct speaker labels in order of first turn. */
  speakerLabels: string[];
  /** Words as transcribed across all turns. */
  words: number;
}

/**
 * Prepares a transcript for the extractors.
 *
 * @example
 * const doc = buildMeetingDocument('m1', segments, ['Priya Nair']);
 * doc.sentences[0].text // first cleaned sentence of the first turn
 */
export function buildMeetingDocument(
  artifactId: string,
  segments: readonly Segment[],
  participants: readonly string[] = [],
): MeetingDocument {
  const speakerLabels = [...new Set(segments.map((segment) => segment.speaker))];
  const people = new PeopleDirectory(speakerLabels, participants);
  const turns: MeetingTurn[] = [];
  const sentences: MeetingSentence[] = [];
  let words = 0;
  segments.forEach((segment, position) => {
    const clean = cleanDisfluencies(segment.text);
    const turn: MeetingTurn = {
      position,
      segment,
      speaker: people.canonicalSpeaker(segment.speaker),
      clean,
      sentences: [],
      words: clean.sourceWords,
    };
    words += turn.words;
    for (const span of splitSentences(clean.text)) {
      const text = clean.text.slice(span.start, span.end);
      const source = sourceSpan(clean, span);
      const { terms, words } = analyzeWords(text);
      const sentence: MeetingSentence = {
        id: sentences.length,
        turn: position,
        text,
        source: segment.text.slice(source.start, source.end),
        lower: foldCase(text),
        terms,
        words,
        isQuestion: /\?["'”’)]*$/.test(text),
      };
      sentences.push(sentence);
      turn.sentences.push(sentence.id);
    }
    turns.push(turn);
  });
  return { artifactId, turns, sentences, people, speakerLabels, words };
}

/** The closing share of a meeting, where plans and commitments are usually restated. */
const CLOSING_SHARE = 0.15;

/**
 * Position of the first turn of the meeting's closing part.
 *
 * @example
 * closingTurn(docWith100Turns) // 85
 */
export function closingTurn(doc: MeetingDocument): number {
  return doc.turns.length * (1 - CLOSING_SHARE);
}
