import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { MAX_SEGMENTS, MAX_TRANSCRIPT_BYTES, parseTranscript } from './index.ts';
import type { TranscriptFormat } from './index.ts';

const read = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const FIXTURES: [string, TranscriptFormat][] = [
  ['team-sync.vtt', 'webvtt'],
  ['planning.srt', 'srt'],
  ['standup.txt', 'text'],
  ['segments.json', 'json'],
];

describe('parseTranscript', () => {
  it('gives the same result for CRLF, a BOM and UTF-16 in every format', () => {
    for (const [name, format] of FIXTURES) {
      const text = read(name);
      const expected = parseTranscript({ filename: name, content: text });
      assert.equal(expected.format, format);
      const crlf = text.replaceAll('\n', '\r\n');
      const variants: (string | Buffer)[] = [
        crlf,
        text.replaceAll('\n', '\r'),
        Buffer.from(`\uFEFF${crlf}`),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(crlf, 'utf16le')]),
        Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
      ];
      for (const content of variants) assert.deepEqual(parseTranscript({ filename: name, content }), expected, name);
    }
  });

  it('parses the example transcripts shipped with the project', () => {
    for (const [name, format] of [['planning-meeting.vtt', 'webvtt'], ['support-call.srt', 'srt'], ['standup.txt', 'text']] as const) {
      const parsed = parseTranscript({ filename: name, content: readFileSync(new URL(`../../examples/${name}`, import.meta.url)) });
      assert.equal(parsed.format, format, name);
      assert.ok(parsed.segments.length > 10, name);
      assert.ok(parsed.metadata.title && parsed.metadata.date, name);
      const speakers = new Set(parsed.segments.map((segment) => segment.speaker));
      assert.deepEqual([...speakers].sort(), [...parsed.participants].sort(), `${name}: every participant speaks, nobody else does`);
      parsed.segments.forEach((segment, index) => {
        assert.equal(segment.index, index);
        assert.ok(segment.end >= segment.start && segment.text !== '', `${name} segment ${index}`);
      });
    }
  });

  it('lists metadata participants first, else named speakers in order of appearance', () => {
    const named = parseTranscript({ filename: 'a.txt', content: '---\nparticipants: Zed, Ana\n---\nAna: hi\nBen: yo' });
    assert.deepEqual(named.participants, ['Zed', 'Ana']);
    const spoken = parseTranscript({ filename: 'a.txt', content: '[00:00:01] intro\nBen: yo\nAna: hi\nBen: again' });
    assert.deepEqual(spoken.participants, ['Ben', 'Ana'], 'Unknown is nobody in particular');
  });

  it('refuses a format it does not know', () => {
    assert.throws(() => parseTranscript({ filename: 'a.doc', content: 'Ana: hi', format: 'docx' as TranscriptFormat }), {
      name: 'AppError',
      code: 'invalid_input',
      message: 'format "docx" is not one of webvtt, srt, text, json',
    });
  });

  it('refuses content over 50 MB with payload_too_large', () => {
    assert.throws(() => parseTranscript({ filename: 'big.vtt', content: `WEBVTT\n${' '.repeat(MAX_TRANSCRIPT_BYTES)}` }), {
      code: 'payload_too_large',
      message: `big.vtt is ${MAX_TRANSCRIPT_BYTES + 7} bytes; the limit for a transcript is ${MAX_TRANSCRIPT_BYTES} bytes (50 MB)`,
    });
  });

  describe('segment limit', () => {
    const over = `segment ${MAX_SEGMENTS + 1} is over the limit of ${MAX_SEGMENTS} segments per transcript; split the transcript into smaller files`;

    it('accepts exactly the limit', () => {
      const lines = Array.from({ length: MAX_SEGMENTS }, () => 'A: x').join('\n');
      assert.equal(parseTranscript({ filename: 'max.txt', content: lines }).segments.length, MAX_SEGMENTS);
    });

    it('fails at the first text turn over the limit', () => {
      const lines = Array.from({ length: MAX_SEGMENTS + 1 }, () => 'A: x').join('\n');
      assert.throws(() => parseTranscript({ filename: 'huge.txt', content: lines }), {
        name: 'AppError',
        code: 'payload_too_large',
        message: `huge.txt:${MAX_SEGMENTS + 1}: ${over}`,
      });
    });

    it('counts segments, not cues, in subtitles', () => {
      const cues = Array.from({ length: MAX_SEGMENTS / 2 + 1 }, (_, k) => `${k + 1}\n00:00:01,000 --> 00:00:02,000\nA: x\nB: y\n`);
      assert.throws(() => parseTranscript({ filename: 'huge.srt', content: cues.join('\n') }), {
        code: 'payload_too_large',
        message: `huge.srt:${(MAX_SEGMENTS / 2) * 5 + 2}: ${over}`,
      });
    });

    it('names the line of the first JSON segment over the limit', () => {
      const items = Array.from({ length: MAX_SEGMENTS + 5 }, () => '{"speaker": "A", "text": "x"}').join(',\n');
      assert.throws(() => parseTranscript({ filename: 'huge.json', content: `[\n${items}\n]` }), {
        code: 'payload_too_large',
        message: `huge.json:${MAX_SEGMENTS + 2}: ${over}`,
      });
    });
  });

  it('parses a text transcript at the 20,000-segment limit, estimating the missing times in order', () => {
    const clock = (seconds: number) => new Date(seconds * 1000).toISOString().slice(11, 19);
    const lines = Array.from(
      { length: MAX_SEGMENTS },
      (_, k) => `${k % 7 === 0 ? `[${clock(k * 3)}] ` : ''}Speaker ${k % 5}: we should ship item ${k} by friday, ok?`,
    ).join('\n');
    const parsed = parseTranscript({ filename: 'long.txt', content: lines });
    assert.equal(parsed.segments.length, MAX_SEGMENTS);
    assert.equal(parsed.segments[7].start, 21, 'a stated time is kept');
    for (let k = 1; k < parsed.segments.length; k++) {
      assert.ok(parsed.segments[k].start >= parsed.segments[k - 1].start, `segment ${k} starts before segment ${k - 1}`);
    }
  });
});
