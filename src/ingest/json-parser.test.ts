import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTranscript } from './transcript.ts';

const read = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
const parse = (content: string) => parseTranscript({ filename: 'm.json', content, format: 'json' });

describe('parseJson', () => {
  it('reads the envelope, aliases and partial times, and drops empty segments', () => {
    const parsed = parseTranscript({ filename: 'segments.json', content: read('segments.json') });
    assert.equal(parsed.format, 'json');
    assert.deepEqual(parsed.metadata, { title: 'Vendor review', date: '2024-07-01T14:00:00+02:00', participants: ['Ivan', 'Jo'] });
    assert.deepEqual(
      parsed.segments.map(({ index, speaker, start, end, text }) => [index, speaker, start, end, text]),
      [
        [0, 'Ivan', 0, 4.2, 'We shortlisted five vendors.'],
        [1, 'Jo', 4.5, 7.667, 'Which ones?'],
        [2, 'Ivan', 7.667, 14, 'Acme, Globex and Initech.'],
        [3, 'Ivan', 14, 16, 'Plus two more next week.'],
      ],
    );
    assert.equal(parsed.durationSeconds, 16);
    assert.equal(parsed.timesEstimated, true);
  });

  it('reads QMSum-style {speaker, content} items and estimates their times', () => {
    const parsed = parseTranscript({ filename: 'qmsum.json', content: read('qmsum-excerpt.json') });
    assert.equal(parsed.segments.length, 6);
    assert.deepEqual(parsed.participants, ['Professor E', 'Grad G', 'Postdoc B', 'PhD A']);
    assert.deepEqual(parsed.segments[3], {
      index: 3,
      speaker: 'PhD A',
      // 95 words before it and 6 in it, at 0.4 s a word.
      start: 38,
      end: 40.4,
      text: 'Sounds like an initialization thing .',
      kind: 'speech',
    });
    assert.equal(parsed.timesEstimated, true);
  });

  it('keeps times exact when every segment has a start and an end', () => {
    const parsed = parse('[{"speaker": "Ana", "start": 1, "end": 2, "text": "a"}, {"speaker": "Ben", "start": 2.5, "end": 3, "text": "b"}]');
    assert.equal(parsed.timesEstimated, false);
    assert.deepEqual(
      parsed.segments.map(({ start, end }) => [start, end]),
      [
        [1, 2],
        [2.5, 3],
      ],
    );
  });

  it('matches envelope keys regardless of case and treats null as absent', () => {
    const parsed = parse('{"Title": "Sync", "DATE": null, "Participants": "Ana, Ben", "Segments": [{"speaker": "Ana", "text": "hi", "start": null}]}');
    assert.deepEqual(parsed.metadata, { title: 'Sync', participants: ['Ana', 'Ben'] });
    assert.equal(parsed.segments[0].start, 0);
  });

  describe('errors', () => {
    it('names the line of a JSON syntax error', () => {
      assert.throws(() => parse('[\n  {"speaker": "Ana", "text": "hi"},\n  {"speaker": "Ben" "text": "yo"}\n]'), {
        name: 'ParseError',
        message: 'm.json:3: invalid JSON: unexpected """, expected "," or "}" after a property value',
      });
      assert.throws(() => parse('[\n  {"speaker": "Ana", "text": "hi"},\n]'), {
        message: 'm.json:3: invalid JSON: unexpected "]", expected a value',
      });
      assert.throws(() => parse('{"segments": [\n'), { message: 'm.json:2: invalid JSON: unexpected end of file, expected a value' });
    });

    it('names the segment, the field and the line where the segment starts', () => {
      const items = (bad: string) => `{\n  "segments": [\n    {"speaker": "Ana", "text": "hi"},\n    ${bad}\n  ]\n}`;
      const cases: [string, string][] = [
        ['{"speaker": "Ben", "text": "yo", "start": -1}', 'segments[1].start must be a number of seconds ≥ 0'],
        ['{"speaker": "Ben", "text": "yo", "start": "00:01"}', 'segments[1].start must be a number of seconds ≥ 0'],
        ['{"speaker": "Ben", "text": "yo", "start": 1, "end": true}', 'segments[1].end must be a number of seconds ≥ 0'],
        ['{"speaker": "Ben", "text": "yo", "end": 3}', 'segments[1].end is given without a start'],
        ['{"speaker": "Ben", "text": "yo", "start": 3, "end": 2}', 'segments[1].end (2) is before its start (3)'],
        ['{"text": "yo"}', 'segments[1].speaker must be a non-empty string'],
        ['{"name": "  ", "text": "yo"}', 'segments[1].name must be a non-empty string'],
        ['{"speaker": "Ben"}', 'segments[1].text must be a string'],
        ['{"speaker": "Ben", "content": 7}', 'segments[1].content must be a string'],
        ['"Ben: yo"', 'segments[1] must be an object with a speaker and a text'],
      ];
      for (const [bad, reason] of cases) {
        assert.throws(() => parse(items(bad)), { name: 'ParseError', message: `m.json:4: ${reason}` }, bad);
      }
    });

    it('reports line 1 for a one-line file, and for a top-level array too', () => {
      assert.throws(() => parse('[{"speaker": "Ana", "text": "hi"}, {"speaker": "Ben", "text": "yo", "start": -2}]'), {
        message: 'm.json:1: segments[1].start must be a number of seconds ≥ 0',
      });
    });

    it('rejects a document without a segments array', () => {
      for (const text of ['{"title": "x"}', '{"segments": {}}', '"text"', '42']) {
        assert.throws(() => parse(text), {
          name: 'ParseError',
          message: 'm.json:1: expected an array of segments or an object with a "segments" array',
        });
      }
    });

    it('rejects malformed metadata at its line', () => {
      assert.throws(() => parse('{\n  "title": 3,\n  "segments": []\n}'), { message: 'm.json:2: title must be a string' });
      assert.throws(() => parse('{\n  "title": "Sync\\u0000",\n  "segments": []\n}'), {
        message: 'm.json:2: title must not contain control characters (such as NUL, tab or a line break)',
      });
      assert.throws(() => parse('{\n  "segments": [],\n  "date": "yesterday"\n}'), {
        message: /^m\.json:3: date "yesterday" is not an ISO 8601 date/,
      });
      assert.throws(() => parse('{\n\n  "participants": [1, 2],\n  "segments": []\n}'), {
        message: 'm.json:3: participants must be a list of names',
      });
    });

    it('rejects an empty array', () => {
      assert.throws(() => parse('[]'), { message: 'm.json:1: contains no transcript segments: no turn with any text was found' });
    });
  });
});
