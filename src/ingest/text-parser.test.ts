import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseTranscript } from './transcript.ts';

const read = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
const parse = (content: string) => parseTranscript({ filename: 'notes.txt', content, format: 'text' });
const rows = (content: string) => parse(content).segments.map(({ speaker, start, end, text }) => [speaker, start, end, text]);

describe('parseText', () => {
  it('reads front matter, every timestamp form, continuations and estimates the untimed lines', () => {
    const parsed = parseTranscript({ filename: 'standup.txt', content: read('standup.txt') });
    assert.equal(parsed.format, 'text');
    assert.deepEqual(parsed.metadata, { title: 'Daily standup', date: '2024-05-03' });
    assert.deepEqual(
      parsed.segments.map(({ index, speaker, start, end, text }) => [index, speaker, start, end, text]),
      [
        [0, 'Fatima', 0, 5.556, 'Morning all. Quick round today.'],
        [1, 'George', 5.556, 20, 'Yesterday I fixed the login bug. It needed a database migration as well.'],
        [2, 'Hana', 20, 30, "I reviewed George's change."],
        [3, 'Fatima', 30, 40, 'Any blockers?'],
        [4, 'George', 40, 55, 'None from me.'],
        [5, 'Hana', 55, 65, 'Same here.'],
        [6, 'Fatima', 65, 66.6, 'Thanks, see you tomorrow.'],
      ],
    );
    assert.deepEqual(parsed.participants, ['Fatima', 'George', 'Hana']);
    assert.equal(parsed.durationSeconds, 66.6);
    assert.equal(parsed.timesEstimated, true);
  });

  it('reads AMI-style "A : text" turns and times them at 150 words per minute', () => {
    const parsed = parseTranscript({ filename: 'ES2011a.txt', content: read('ami-excerpt.txt') });
    assert.equal(parsed.segments.length, 12);
    assert.deepEqual(parsed.participants, ['B', 'C', 'A']);
    assert.deepEqual(parsed.segments[0], {
      index: 0,
      speaker: 'B',
      start: 0,
      end: 2,
      text: "we're ready to begin .",
      kind: 'speech',
    });
    // Untimed turns follow each other with no gap.
    parsed.segments.slice(1).forEach((segment, k) => assert.equal(segment.start, parsed.segments[k].end));
    assert.equal(parsed.timesEstimated, true);
  });

  it('spreads untimed turns over the gap before the first timestamp in proportion to their words', () => {
    assert.deepEqual(rows('Ana: one two three\nBen: four\n[00:00:08] Ana: five'), [
      ['Ana', 0, 6, 'one two three'],
      ['Ben', 6, 8, 'four'],
      ['Ana', 8, 8.4, 'five'],
    ]);
  });

  it('compresses the estimate when the gap is shorter than the words need', () => {
    assert.deepEqual(rows('[00:00:00] Ana: a b c d e f g h i j\nBen: k l m n o p q r s t\n[00:00:02] Ana: end'), [
      ['Ana', 0, 1, 'a b c d e f g h i j'],
      ['Ben', 1, 2, 'k l m n o p q r s t'],
      ['Ana', 2, 2.4, 'end'],
    ]);
  });

  it('accepts equal timestamps, fractions of a second and minutes past the hour without hours', () => {
    assert.deepEqual(rows('[00:00:01.5] Ana: hi\n[00:00:01.500] Ben: hey\n[1:00:31.702] Ana: later\n[125:30] Ben: much later'), [
      ['Ana', 1.5, 1.5, 'hi'],
      ['Ben', 1.5, 3631.702, 'hey'],
      ['Ana', 3631.702, 7530, 'later'],
      ['Ben', 7530, 7530.8, 'much later'],
    ]);
  });

  it('does not take URLs, clock times or long phrases for speakers', () => {
    assert.deepEqual(
      rows('Ana: the link is\nhttps://example.org/x: see there\n10:30 works for me\nwww.example.org: also\n' +
        'This sentence is far too long to be anybody name at all, surely: yes\nBen: ok'),
      [
        [
          'Ana',
          0,
          10.4,
          'the link is https://example.org/x: see there 10:30 works for me www.example.org: also ' +
            'This sentence is far too long to be anybody name at all, surely: yes',
        ],
        ['Ben', 10.4, 10.8, 'ok'],
      ],
    );
  });

  it('makes a timestamped line without a speaker a turn of Unknown', () => {
    assert.deepEqual(rows('[00:00:01] hello\n[00:00:02] Ana: hi'), [
      ['Unknown', 1, 2, 'hello'],
      ['Ana', 2, 2.4, 'hi'],
    ]);
  });

  it('lets a continuation fill a turn whose first line is only the name', () => {
    assert.deepEqual(rows('Ana:\n  a long\n  answer\n\nBen: ok'), [
      ['Ana', 0, 1.2, 'a long answer'],
      ['Ben', 1.2, 1.6, 'ok'],
    ]);
  });

  describe('errors', () => {
    it('rejects a first line that is not a turn', () => {
      assert.throws(() => parse('\n\nMinutes of the meeting\nAna: hi'), {
        name: 'ParseError',
        message: 'notes.txt:3: expected a turn "Speaker: text", found "Minutes of the meeting"',
      });
    });

    it('rejects decreasing timestamps, naming both lines', () => {
      assert.throws(() => parse('[00:02:00] Ana: hi\nBen: hello\n[00:01:00] Ana: back'), {
        name: 'ParseError',
        message: 'notes.txt:3: timestamp 00:01:00 is earlier than the previous one (00:02:00 at line 1)',
      });
    });

    it('rejects a timestamp with minutes or seconds above 59', () => {
      assert.throws(() => parse('Ana: hi\n[00:00:75] Ben: hello'), {
        name: 'ParseError',
        message: 'notes.txt:2: timestamp 00:00:75 has minutes or seconds above 59',
      });
    });

    it('rejects an invalid date in front matter, at its line', () => {
      assert.throws(() => parse('---\ntitle: x\n\nDATE: 2024-13-01\n---\nAna: hi'), {
        name: 'ParseError',
        message: /^notes\.txt:4: date "2024-13-01" is not an ISO 8601 date/,
      });
    });
  });
});
