/**
 * A meeting of a given length for timing: the example planning meeting,
 * repeated with shifted times.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Segment } from '../../src/core/types.ts';
import { parseTranscript } from '../../src/ingest/index.ts';

const EXAMPLE = fileURLToPath(new URL('../../examples/planning-meeting.vtt', import.meta.url));

/** The example planning meeting, repeated (with shifted times) until it reaches `target` words, then cut there. */
export function meetingOfWords(target: number): Segment[] {
  const base = parseTranscript({ filename: 'planning-meeting.vtt', content: readFileSync(EXAMPLE) }).segments;
  const span = base.at(-1)!.end;
  const out: Segment[] = [];
  let words = 0;
  for (let round = 0; words < target; round++) {
    for (const s of base) {
      const text = s.text.split(/\s+/).slice(0, target - words).join(' ');
      if (!text) break;
      out.push({ ...s, index: out.length, start: s.start + round * span, end: s.end + round * span, text });
      words += text.split(/\s+/).length;
    }
  }
  return out;
}

