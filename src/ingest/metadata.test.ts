import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyMetadataField, isIsoDate, matchKeyValue, splitParticipants } from './metadata.ts';
import type { TranscriptMetadata } from './types.ts';

describe('isIsoDate', () => {
  it('accepts ISO 8601 dates with or without a time and offset', () => {
    for (const value of ['2024-05-02', '2024-02-29', '2024-05-02T09:30', '2024-05-02 09:30:15', '2024-05-02T09:30:15.250Z', '2024-05-02T09:30+02:00', '2024-05-02T09:30:00-0530']) {
      assert.equal(isIsoDate(value), true, value);
    }
  });

  it('refuses other shapes and impossible dates or times', () => {
    for (const value of ['02/05/2024', '2024-5-2', '2023-02-29', '2024-04-31', '2024-13-01', '2024-05-02T24:00', '2024-05-02T10:60', '2024-05-02T10:00+02', 'yesterday', '']) {
      assert.equal(isIsoDate(value), false, value);
    }
  });
});

describe('matchKeyValue', () => {
  it('lower-cases the key and unquotes the value', () => {
    assert.deepEqual(matchKeyValue('  Title : "Board: Q3"'), { key: 'title', value: 'Board: Q3' });
    assert.deepEqual(matchKeyValue("date:'2024-05-02'"), { key: 'date', value: '2024-05-02' });
    assert.deepEqual(matchKeyValue('participants:'), { key: 'participants', value: '' });
  });

  it('refuses lines that are not key: value', () => {
    assert.equal(matchKeyValue('just words'), null);
    assert.equal(matchKeyValue('two words: value'), null);
    assert.equal(matchKeyValue(': value'), null);
  });
});

describe('applyMetadataField', () => {
  it('stores known fields, ignores unknown keys and empty values', () => {
    const metadata: TranscriptMetadata = {};
    applyMetadataField(metadata, 'title', 'Sync', 'a.txt', 2);
    applyMetadataField(metadata, 'participants', '[Ana, Ben, Ana]', 'a.txt', 3);
    applyMetadataField(metadata, 'location', 'Room 4', 'a.txt', 4);
    applyMetadataField(metadata, 'date', '', 'a.txt', 5);
    assert.deepEqual(metadata, { title: 'Sync', participants: ['Ana', 'Ben'] });
  });

  it('throws a ParseError at the line of an invalid date', () => {
    assert.throws(() => applyMetadataField({}, 'date', 'soon', 'a.txt', 7), {
      name: 'ParseError',
      message: 'a.txt:7: date "soon" is not an ISO 8601 date (YYYY-MM-DD, optionally with a time such as 2024-05-02T09:30:00Z)',
    });
  });

  it('throws a ParseError at the line of a title with control characters', () => {
    assert.throws(() => applyMetadataField({}, 'title', 'Sync\u001b[31m', 'a.txt', 2), {
      name: 'ParseError',
      message: 'a.txt:2: the title must not contain control characters (such as NUL, tab or a line break)',
    });
  });
});

describe('splitParticipants', () => {
  it('trims, drops blanks and repeats', () => {
    assert.deepEqual(splitParticipants(' Ana  Lima , Ben,, Ana  Lima,'), ['Ana Lima', 'Ben']);
  });
});
