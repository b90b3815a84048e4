import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findJsonSyntaxError, findJsonValue, lineAtOffset } from './json-locator.ts';

describe('findJsonSyntaxError', () => {
  it('returns null for well-formed JSON', () => {
    for (const text of ['[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]} ', '"x"', '0']) {
      assert.equal(findJsonSyntaxError(text), null, text);
    }
  });

  it('says where and why JSON is malformed', () => {
    const cases: [string, number, string][] = [
      ['[1, 2,\n]', 7, 'unexpected "]", expected a value'],
      ['{"a" 1}', 5, 'unexpected "1", expected ":" after a property name'],
      ['{"a": 1 "b": 2}', 8, 'unexpected """, expected "," or "}" after a property value'],
      ["{'a': 1}", 1, 'unexpected "\'", expected a property name in double quotes'],
      ['[1 2]', 3, 'unexpected "2", expected "," or "]" after an array element'],
      ['["abc', 1, 'unterminated string'],
      ['["a\\qb"]', 3, 'invalid escape sequence in a string'],
      ['["a\tb"]', 3, 'unescaped control character in a string'],
      ['[tru]', 1, 'unexpected "t", expected a value'],
      ['[1] x', 4, 'unexpected content after the JSON value'],
      ['', 0, 'unexpected end of file, expected a value'],
      ['{"a": [', 7, 'unexpected end of file, expected a value'],
    ];
    for (const [text, offset, reason] of cases) assert.deepEqual(findJsonSyntaxError(text), { offset, reason }, text);
  });
});

describe('findJsonValue', () => {
  const text = '{"title": "x", "segments": [\n  {"a": 1},\n  {"b": [10, {"c": 2}]}\n]}';

  it('finds the offset where the value at a path starts', () => {
    assert.equal(findJsonValue(text, []), 0);
    assert.equal(text.slice(findJsonValue(text, ['title']) ?? -1).slice(0, 3), '"x"');
    assert.equal(text.slice(findJsonValue(text, ['segments', 1]) ?? -1).slice(0, 6), '{"b": ');
    assert.equal(text.slice(findJsonValue(text, ['segments', 1, 'b', 1, 'c']) ?? -1).slice(0, 1), '2');
    assert.equal(findJsonValue('[{}, {}]', [1]), 5);
  });

  it('returns null when the path leads nowhere', () => {
    assert.equal(findJsonValue(text, ['segments', 5]), null);
    assert.equal(findJsonValue(text, ['missing']), null);
    assert.equal(findJsonValue(text, ['title', 0]), null);
    assert.equal(findJsonValue(text, [0]), null);
  });
});

describe('lineAtOffset', () => {
  it('counts the line breaks before an offset', () => {
    assert.equal(lineAtOffset('a\nb\nc', 0), 1);
    assert.equal(lineAtOffset('a\nb\nc', 1), 1);
    assert.equal(lineAtOffset('a\nb\nc', 2), 2);
    assert.equal(lineAtOffset('a\nb\nc', 4), 3);
  });
});
