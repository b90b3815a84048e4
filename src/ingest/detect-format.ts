import { findFrontMatter } from './front-matter.ts';
import { parseSrtTiming } from './srt-parser.ts';
import type { TranscriptFormat } from './types.ts';
import { WEBVTT_HEADER } from './webvtt-parser.ts';

const BY_EXTENSION: Readonly<Record<string, TranscriptFormat>> = {
  vtt: 'webvtt',
  webvtt: 'webvtt',
  srt: 'srt',
  json: 'json',
  txt: 'text',
  text: 'text',
};

// Enough lines to get past any realistic front matter without splitting a whole large file.
const HEAD_LINES = 500;

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The format the content proves, or null when it proves none (plain text proves nothing). */
function formatFromContent(text: string): TranscriptFormat | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, HEAD_LINES);
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return null;
  if (WEBVTT_HEADER.test(lines[first])) return 'webvtt';
  const frontMatter = findFrontMatter(lines);
  let body = frontMatter && frontMatter.close !== -1 ? frontMatter.close + 1 : first;
  while (body < lines.length && lines[body].trim() === '') body++;
  if (/^\s*\d+\s*$/.test(lines[body] ?? '') && parseSrtTiming(lines[body + 1] ?? '')) return 'srt';
  const opening = lines[first].trimStart()[0];
  if ((opening === '[' || opening === '{') && isJson(text)) return 'json';
  return null;
}

/**
 * Decides a transcript's format from its content: a `WEBVTT` header means
 * WebVTT, a number followed by an SRT timing line (after any front matter)
 * means SRT, a document that parses as JSON means JSON. When the content
 * proves none of these, a known file extension decides (so a broken `.srt`
 * gets SRT error messages); otherwise it is plain text.
 *
 * @example
 * detectTranscriptFormat('meeting.txt', 'WEBVTT\n\n00:01.000 --> 00:02.000\nHi'); // 'webvtt'
 * detectTranscriptFormat('notes.json', 'Ana: hi');                                // 'json'
 * detectTranscriptFormat('notes', 'Ana: hi');                                     // 'text'
 */
export function detectTranscriptFormat(filename: string, text: string): TranscriptFormat {
  const extension = /\.([^./\\]+)$/.exec(filename)?.[1].toLowerCase() ?? '';
  return formatFromContent(text) ?? BY_EXTENSION[extension] ?? 'text';
}
