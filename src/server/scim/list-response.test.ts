import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ScimError } from './errors.ts';
import { DEFAULT_COUNT, LIST_RESPONSE_SCHEMA, listResponse, MAX_COUNT, pageOf, parsePagination } from './list-response.ts';

describe('parsePagination', () => {
  it('defaults to the first page', () => {
    assert.deepEqual(parsePagination({}), { startIndex: 1, count: DEFAULT_COUNT, offset: 0 });
    assert.deepEqual(parsePagination({ startIndex: '', count: null }), { startIndex: 1, count: DEFAULT_COUNT, offset: 0 });
  });

  it('reads Okta’s paging parameters', () => {
    assert.deepEqual(parsePagination({ startIndex: '101', count: '100' }), { startIndex: 101, count: 100, offset: 100 });
  });

  it('reads startIndex below 1 as 1 and a negative count as 0', () => {
    assert.equal(parsePagination({ startIndex: '0' }).startIndex, 1);
    assert.equal(parsePagination({ startIndex: -5 }).offset, 0);
    assert.equal(parsePagination({ count: '-1' }).count, 0);
  });

  it('caps count', () => {
    assert.equal(parsePagination({ count: '5000' }).count, MAX_COUNT);
    assert.equal(MAX_COUNT, 200);
  });

  it('rejects values that are not whole numbers', () => {
    for (const bad of ['abc', '1.5', '1e3', 2.5]) {
      assert.throws(
        () => parsePagination({ count: bad }),
        (error) => error instanceof ScimError && error.scimType === 'invalidValue' && error.message === `count must be a whole number, got ${JSON.stringify(bad)}`,
      );
    }
    assert.throws(() => parsePagination({ startIndex: 'first' }), /startIndex must be a whole number, got "first"/);
  });
});

describe('pageOf', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('slices one page', () => {
    assert.deepEqual(pageOf(items, parsePagination({ startIndex: 2, count: 2 })), ['b', 'c']);
    assert.deepEqual(pageOf(items, parsePagination({ startIndex: 4, count: 10 })), ['d', 'e']);
  });

  it('returns nothing for count=0 or past the end', () => {
    assert.deepEqual(pageOf(items, parsePagination({ count: 0 })), []);
    assert.deepEqual(pageOf(items, parsePagination({ startIndex: 6 })), []);
  });
});

describe('listResponse', () => {
  it('reports totals and the size of this page', () => {
    const pagination = parsePagination({ startIndex: 2, count: 2 });
    assert.deepEqual(listResponse(['b', 'c'], 5, pagination), {
      schemas: [LIST_RESPONSE_SCHEMA],
      totalResults: 5,
      startIndex: 2,
      itemsPerPage: 2,
      Resources: ['b', 'c'],
    });
  });

  it('answers count=0 with totals only, as integers', () => {
    const response = listResponse(pageOf(['a', 'b'], parsePagination({ count: '0' })), 2, parsePagination({ count: '0' }));
    assert.deepEqual(response, { schemas: [LIST_RESPONSE_SCHEMA], totalResults: 2, startIndex: 1, itemsPerPage: 0, Resources: [] });
  });
});
