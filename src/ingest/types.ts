import type { Segment } from '../core/types.ts';

export type TranscriptFormat = 'webvtt' | 'srt' | 'text' | 'json';

export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = ['webvtt', 'srt', 'text', 'json'];

/** Descriptive fields a transcript may carry in a header, front matter or JSON envelope. */
export interface TranscriptMetadata {
  title?: string;
  /** ISO 8601 date, with or without a time, exactly as written in the file. */
  date?: string;
  participants?: string[];
}

export interface ParsedTranscript {
  format: TranscriptFormat;
  /** Indexed 0..n-1 in file order; times in seconds; `kind` is `speech`. */
  segments: Segment[];
  metadata: TranscriptMetadata;
  /** The metadata participants, else the distinct named speakers in order of first appearance. */
  participants: string[];
  /** The latest segment end. */
  durationSeconds: number;
  /**
   * True when any start or end came from word counts rather than the file:
   * untimed turns, the end of the last timestamped plain-text line, and
   * cues shared by several voices.
   */
  timesEstimated: boolean;
}

/** One utterance as a parser reads it, before it becomes a `Segment`. */
export interface Turn {
  speaker: string;
  text: string;
  start?: number;
  end?: number;
}

export interface TimedTurn extends Turn {
  start: number;
  end: number;
}

/** What every format parser returns: turns with non-empty text, in file order. */
export interface FormatResult {
  turns: TimedTurn[];
  metadata: TranscriptMetadata;
  timesEstimated: boolean;
}

/** A format parser: normalised text (LF line ends, no BOM) in, turns out; throws `ParseError`. */
export type FormatParser = (text: string, file: string) => FormatResult;
