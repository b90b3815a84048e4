import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseSrtTiming } from './srt-parser.ts';
import { parseTranscript } from './transcript.ts';

const fixture = readFileSync(new URL('./__fixtures__/planning.srt', import.meta.url));
const parse = (content: string) => parseTranscript({ filename: 'call.srt', content, format: 'srt' });

describe('parseSrt', () => {
  it('reads front matter, speaker conventions, markup and blocks missing a blank line', () => {
    const parsed = parseTranscript({ filename: 'planning.srt', content: fixture });
    assert.equal(parsed.format, 'srt');
    assert.deepEqual(parsed.metadata, { title: 'Q3 planning', date: '2024-06-11', participants: ['Dana', 'Eli'] });
    assert.deepEqual(
      parsed.segments.map(({ index, speaker, start, end, text }) => [index, speaker, start, end, text]),
      [
        [0, 'Dana', 0, 3, "Let's look at the Q3 roadmap."],
        [1, 'Eli', 3.5, 6.5, 'I have the numbers here, split over two lines.'],
        [2, 'Dana', 7, 7.5, 'Good.'],
        [3, 'Eli', 7.5, 9, 'Shall I start?'],
        [4, 'Unknown', 9, 10, '(door closes)'],
        [5, 'Dana', 10, 12, 'We ship in 5 weeks, not four.'],
      ],
    );
    assert.equal(parsed.durationSeconds, 12);
    assert.equal(parsed.timesEstimated, true);
  });

  it('keeps file times exact when every block has one speaker', () => {
    const parsed = parse('1\n00:00:01,000 --> 00:00:02,000\nAna: Hi\n\n2\n00:00:02,000 --> 00:00:04,250\nBen: Hello');
    assert.equal(parsed.timesEstimated, false);
    assert.deepEqual(
      parsed.segments.map(({ start, end }) => [start, end]),
      [
        [1, 2],
        [2, 4.25],
      ],
    );
    assert.deepEqual(parsed.participants, ['Ana', 'Ben']);
  });

  it('reads a bare dialogue dash as a new, unnamed speaker', () => {
    const parsed = parse('1\n00:00:00,000 --> 00:00:02,000\nAna: Coffee?\n- Sure.');
    assert.deepEqual(
      parsed.segments.map(({ speaker, text }) => [speaker, text]),
      [
        ['Ana', 'Coffee?'],
        ['Unknown', 'Sure.'],
      ],
    );
  });

  it('parses timing lines with either separator and refuses others', () => {
    assert.deepEqual(parseSrtTiming('01:02:03,004 --> 01:02:05.500'), { start: 3723.004, end: 3725.5 });
    // Exact to the millisecond, without floating-point residue.
    assert.deepEqual(parseSrtTiming('00:00:25,445 --> 00:00:31,702'), { start: 25.445, end: 31.702 });
    assert.equal(parseSrtTiming('00:00:01 --> 00:00:02'), null);
    assert.equal(parseSrtTiming('00:61:00,000 --> 00:62:00,000'), null);
  });

  describe('errors', () => {
    it('rejects a block that does not start with a number', () => {
      assert.throws(() => parse('1\n00:00:01,000 --> 00:00:02,000\nHi\n\nHello again\n00:00:03,000 --> 00:00:04,000\nx'), {
        name: 'ParseError',
        message: 'call.srt:5: expected a subtitle number, found "Hello again"',
      });
    });

    it('names the line of a malformed timing', () => {
      assert.throws(() => parse('1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03 --> 00:00:04,000\nx'), {
        name: 'ParseError',
        message: 'call.srt:6: timing "00:00:03 --> 00:00:04,000" is not hh:mm:ss,mmm',
      });
    });

    it('rejects a number without a timing line', () => {
      assert.throws(() => parse('1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n'), {
        name: 'ParseError',
        message: 'call.srt:5: subtitle 2 has no timing line',
      });
      assert.throws(() => parse('1\n\n00:00:01,000 --> 00:00:02,000\nHi'), { message: 'call.srt:1: subtitle 1 has no timing line' });
    });

    it('rejects a subtitle that ends before it starts', () => {
      assert.throws(() => parse('7\n00:00:05,000 --> 00:00:04,000\nHi'), {
        name: 'ParseError',
        message: 'call.srt:2: subtitle 7 ends before it starts: "00:00:05,000 --> 00:00:04,000"',
      });
    });

    it('rejects front matter that is never closed or has a line that is not key: value', () => {
      assert.throws(() => parse('\n---\ntitle: x\n1\n00:00:01,000 --> 00:00:02,000\nHi'), {
        name: 'ParseError',
        message: 'call.srt:2: front matter is never closed: end it with a "---" line',
      });
      assert.throws(() => parse('---\ntitle: x\njust words\n---\n1\n00:00:01,000 --> 00:00:02,000\nHi'), {
        name: 'ParseError',
        message: 'call.srt:3: front matter line "just words" is not "key: value"',
      });
    });
  });
});
