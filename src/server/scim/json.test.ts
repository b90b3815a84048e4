import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isJsonObject, jsonEqual, keyOf, valueOf } from './json.ts';

describe('json helpers', () => {
  it('tell objects from arrays and null', () => {
    assert.equal(isJsonObject({}), true);
    assert.equal(isJsonObject([]), false);
    assert.equal(isJsonObject(null), false);
    assert.equal(isJsonObject('x'), false);
  });

  it('find keys regardless of case, preferring an exact match', () => {
    assert.equal(keyOf({ UserName: 'a' }, 'userName'), 'UserName');
    assert.equal(keyOf({ USERNAME: 'a', userName: 'b' }, 'userName'), 'userName');
    assert.equal(keyOf({ a: 1 }, 'b'), undefined);
    assert.equal(valueOf({ Active: false }, 'active'), false);
    assert.equal(valueOf({ toString: 1 }, 'constructor'), undefined);
  });

  it('compare JSON structurally, ignoring key order', () => {
    assert.equal(jsonEqual({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] }), true);
    assert.equal(jsonEqual({ a: 1 }, { a: 1, b: undefined as never }), false);
    assert.equal(jsonEqual([1, 2], [2, 1]), false);
    assert.equal(jsonEqual({ a: 1 }, [1] as never), false);
    assert.equal(jsonEqual(undefined, null), false);
  });
});
