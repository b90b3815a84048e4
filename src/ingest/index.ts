/**
 * Transcript ingestion: WebVTT, SRT, plain text and JSON transcripts in,
 * speech segments with speakers and times out (SPEC §11).
 */
export { detectTranscriptFormat } from './detect-format.ts';
export { MAX_SEGMENTS, MAX_TRANSCRIPT_BYTES } from './limits.ts';
export { parseTranscript } from './transcript.ts';
export { TRANSCRIPT_FORMATS } from './types.ts';
export type { ParsedTranscript, TranscriptFormat, TranscriptMetadata } from './types.ts';
