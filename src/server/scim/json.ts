/**
 * Plain JSON values as SCIM resources carry them, and the case-insensitive
 * key access SCIM requires (RFC 7643 §2.1: attribute names are
 * case-insensitive).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * Whether a value is a JSON object (not an array, not null).
 *
 * @example
 * isJsonObject({ a: 1 }) // true
 * isJsonObject([1]) // false
 */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The key of `object` matching `name` regardless of case, preferring an exact
 * match; `undefined` when there is none.
 *
 * @example
 * keyOf({ UserName: 'x' }, 'userName') // 'UserName'
 */
export function keyOf(object: JsonObject, name: string): string | undefined {
  if (Object.hasOwn(object, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(object).find((key) => key.toLowerCase() === lower);
}

/**
 * The value under `name`, matched regardless of case.
 *
 * @example
 * valueOf({ Active: true }, 'active') // true
 */
export function valueOf(object: JsonObject, name: string): JsonValue | undefined {
  const key = keyOf(object, name);
  return key === undefined ? undefined : object[key];
}

/**
 * Structural equality of JSON values; object key order does not matter.
 *
 * @example
 * jsonEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }) // true
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (isJsonObject(a) && isJsonObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
  }
  return false;
}
