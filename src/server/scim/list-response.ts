/**
 * Query results (RFC 7644 §3.4.2): the ListResponse message and the
 * `startIndex` / `count` pagination of §3.4.2.4. `startIndex` is 1-based and
 * values below 1 read as 1; a negative `count` reads as 0, which returns the
 * totals and no resources; `count` is capped so one request cannot ask for
 * every resource at once.
 */
import { ScimError } from './errors.ts';

export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

/** Page size when the client sends no `count`; Okta and Entra ID send 100 and 20 or less. */
export const DEFAULT_COUNT = 100;
/** The most resources one page holds; advertised as `filter.maxResults` in ServiceProviderConfig. */
export const MAX_COUNT = 200;

export interface Pagination {
  /** 1-based index of the first resource, as the client counts. */
  startIndex: number;
  /** How many resources at most, between 0 and `MAX_COUNT`. */
  count: number;
  /** 0-based offset of the first resource, as a store counts. */
  offset: number;
}

export interface ListResponse<T> {
  schemas: [typeof LIST_RESPONSE_SCHEMA];
  totalResults: number;
  startIndex: number;
  itemsPerPage: number;
  Resources: T[];
}

function integer(name: string, value: string | number | null | undefined): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed)) {
    throw new ScimError('invalidValue', `${name} must be a whole number, got ${JSON.stringify(value)}`);
  }
  return parsed;
}

/**
 * Reads `startIndex` and `count` from a query, as strings or numbers.
 * Throws a `ScimError` (400, `invalidValue`) when one is not a whole number.
 *
 * @example
 * parsePagination({ startIndex: '101', count: '100' }) // { startIndex: 101, count: 100, offset: 100 }
 * parsePagination({ count: '5000' }).count // 200
 */
export function parsePagination(query: { startIndex?: string | number | null; count?: string | number | null }): Pagination {
  const startIndex = Math.max(1, integer('startIndex', query.startIndex) ?? 1);
  const count = Math.min(MAX_COUNT, Math.max(0, integer('count', query.count) ?? DEFAULT_COUNT));
  return { startIndex, count, offset: startIndex - 1 };
}

/**
 * The page of an in-memory list of results, for filters a store cannot answer itself.
 *
 * @example
 * pageOf(['a', 'b', 'c'], parsePagination({ startIndex: 2, count: 1 })) // ['b']
 */
export function pageOf<T>(items: readonly T[], pagination: Pagination): T[] {
  return items.slice(pagination.offset, pagination.offset + pagination.count);
}

/**
 * The ListResponse for one page; `itemsPerPage` is the number of resources
 * in this page.
 *
 * @example
 * listResponse([], 0, parsePagination({}))
 * // { schemas: [LIST_RESPONSE_SCHEMA], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] }
 */
export function listResponse<T>(resources: T[], totalResults: number, pagination: Pick<Pagination, 'startIndex'>): ListResponse<T> {
  return {
    schemas: [LIST_RESPONSE_SCHEMA],
    totalResults,
    startIndex: pagination.startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}
