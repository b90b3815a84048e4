import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTranscript } from './transcript.ts';

const fixture = readFileSync(new URL('./__fixtures__/team-sync.vtt', import.meta.url));
const parse = (content: string) => parseTranscript({ filename: 'meeting.vtt', content, format: 'webvtt' });
const cue = (text: string) => `WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n${text}\n`;

describe('parseWebVtt', () => {
  it('reads voices, classes, cue settings, tags, entities and missing hours from a full file', () => {
    const parsed = parseTranscript({ filename: 'team-sync.vtt', content: fixture });
    assert.equal(parsed.format, 'webvtt');
    assert.deepEqual(parsed.metadata, {
      title: 'Weekly team sync',
      date: '2024-05-02T09:30:00Z',
      participants: ['Ana Lima', 'Ben Okafor', 'Chloé Martin'],
    });
    assert.deepEqual(
      parsed.segments.map(({ index, speaker, start, end, text }) => [index, speaker, start, end, text]),
      [
        [0, 'Ana Lima', 1, 4, 'Good morning & welcome, everyone.'],
        [1, 'Ben Okafor', 4.5, 5.611, 'Thanks Ana.'],
        [2, 'Chloé Martin', 5.611, 9.5, 'Morning! Shall we start with the release?'],
        [3, 'Ana Lima', 10, 14, 'Yes. The build is green and the release notes are ready <finally>.'],
        [4, 'Ben Okafor', 14, 16, 'I will send them to the customers today.'],
        [5, 'Unknown', 16, 18, '[applause]'],
        [6, 'Ana Lima', 3600, 3602, 'See you next week.'],
      ],
    );
    assert.ok(parsed.segments.every((segment) => segment.kind === 'speech'));
    assert.equal(parsed.durationSeconds, 3602);
    assert.equal(parsed.timesEstimated, true, 'a cue shared by two voices is split by word count');
  });

  it('keeps exact times when no cue has to be split', () => {
    const parsed = parse('WEBVTT\n\n00:01.000 --> 00:02.500\n<v Ana>One</v>\n\n00:03.000 --> 00:04.000\n<v Ana>Two</v> <v Ana>more</v>');
    assert.equal(parsed.timesEstimated, false);
    assert.deepEqual(
      parsed.segments.map(({ start, end, text }) => [start, end, text]),
      [
        [1, 2.5, 'One'],
        [3, 4, 'Two more'],
      ],
    );
  });

  it('gives a cue without a speaker to Unknown rather than to the previous speaker', () => {
    const parsed = parse('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hello\n\n00:02.000 --> 00:03.000\nand more');
    assert.deepEqual(
      parsed.segments.map((segment) => segment.speaker),
      ['Ana', 'Unknown'],
    );
    assert.deepEqual(parsed.participants, ['Ana']);
  });

  it('splits Name: lines of one cue into one segment per speaker', () => {
    const parsed = parse(cue('Ana: Ready to go?\nBen: Yes'));
    assert.deepEqual(
      parsed.segments.map(({ speaker, start, end }) => [speaker, start, end]),
      [
        ['Ana', 1, 2.5],
        ['Ben', 2.5, 3],
      ],
    );
  });

  it('accepts a header with text, a NOTE on its line, and a missing blank line before a cue', () => {
    const parsed = parse('WEBVTT - exported\nNOTE title: Board call\n\n00:01.000 --> 00:02.000\nHi\n00:02.000 --> 00:03.000\nBye');
    assert.equal(parsed.metadata.title, undefined, 'header lines are not a NOTE block');
    assert.deepEqual(
      parsed.segments.map((segment) => segment.text),
      ['Hi', 'Bye'],
    );
    const noted = parse('WEBVTT\n\nNOTE title: Board call\n\n00:01.000 --> 00:02.000\nHi');
    assert.equal(noted.metadata.title, 'Board call');
  });

  it('drops cues without text and keeps indices dense', () => {
    const parsed = parse('WEBVTT\n\n00:01.000 --> 00:02.000\n<b> </b>\n\n00:02.000 --> 00:03.000\nText');
    assert.deepEqual(
      parsed.segments.map(({ index, text }) => [index, text]),
      [[0, 'Text']],
    );
  });

  describe('errors', () => {
    it('requires the WEBVTT header', () => {
      assert.throws(() => parse('00:01.000 --> 00:02.000\nHi'), {
        name: 'ParseError',
        message: 'meeting.vtt:1: missing "WEBVTT" header: a WebVTT file must start with a WEBVTT line',
      });
      assert.throws(() => parse('WEBVTTX\n\n00:01.000 --> 00:02.000\nHi'), { message: /^meeting\.vtt:1: missing "WEBVTT"/ });
    });

    it('names the line of a malformed cue timing', () => {
      const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\n00:01:0 --> 00:01:05.000\nThere';
      assert.throws(() => parse(text), {
        name: 'ParseError',
        message: 'meeting.vtt:6: cue timing "00:01:0 --> 00:01:05.000" is not hh:mm:ss.mmm',
      });
      assert.throws(() => parse(cue('x').replace('00:00:03.000', '00:00:03,000')), {
        message: 'meeting.vtt:3: cue timing "00:00:01.000 --> 00:00:03,000" is not hh:mm:ss.mmm',
      });
      assert.throws(() => parse('WEBVTT\n\n00:61.000 --> 01:02.000\nHi'), { message: /^meeting\.vtt:3: cue timing/ });
    });

    it('rejects a cue that ends before it starts', () => {
      assert.throws(() => parse('WEBVTT\n\n00:05.000 --> 00:04.000\nHi'), {
        name: 'ParseError',
        message: 'meeting.vtt:3: cue ends at 00:04.000, before it starts at 00:05.000',
      });
    });

    it('rejects a block that is neither a cue nor a NOTE, STYLE or REGION', () => {
      assert.throws(() => parse('WEBVTT\n\nintro\nHello there\n'), {
        name: 'ParseError',
        message: 'meeting.vtt:4: expected a cue timing line "hh:mm:ss.mmm --> hh:mm:ss.mmm" after cue identifier "intro"',
      });
      assert.throws(() => parse('WEBVTT\n\nintro'), { message: /^meeting\.vtt:3: expected a cue timing line/ });
    });

    it('rejects an invalid date in the metadata NOTE', () => {
      assert.throws(() => parse('WEBVTT\n\nNOTE\ntitle: x\ndate: 2024-02-30\n\n00:01.000 --> 00:02.000\nHi'), {
        name: 'ParseError',
        message:
          'meeting.vtt:5: date "2024-02-30" is not an ISO 8601 date (YYYY-MM-DD, optionally with a time such as 2024-05-02T09:30:00Z)',
      });
    });

    it('rejects a file with no cue text', () => {
      assert.throws(() => parse('WEBVTT\n\nNOTE nothing yet\n'), {
        name: 'ParseError',
        message: 'meeting.vtt:1: contains no transcript segments: no turn with any text was found',
      });
    });
  });
});
