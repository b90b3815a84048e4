/**
 * Evaluates a parsed filter against a SCIM resource (RFC 7644 §3.4.2.2).
 * Attribute characteristics come from the schemas: strings compare without
 * case unless the attribute is caseExact; dateTime attributes compare as
 * instants; booleans allow only `eq` and `ne`. A multi-valued attribute
 * matches when any value matches; a complex attribute without sub-attribute
 * compares its `value` sub-attribute (so `emails co "x"` reads emails.value).
 * `ne` is the negation of `eq`, so it also matches an absent attribute, and
 * `eq null` matches an absent one.
 */
import { ScimError } from './errors.ts';
import type { AttrPath, CompareOperator, CompareValue, FilterNode } from './filter.ts';
import { isJsonObject, valueOf, type JsonObject, type JsonValue } from './json.ts';
import { findAttribute, findSubAttribute, type ScimAttribute, type ScimResourceType } from './schemas.ts';

/** The values an attribute path selects, and their definition when known. */
interface Selection {
  items: JsonValue[];
  definition?: ScimAttribute;
}

/** Resolves paths against the resource, or against one value of a multi-valued attribute inside `[...]`. */
type Lookup = (path: AttrPath) => Selection;

function present(items: JsonValue | undefined): JsonValue[] {
  if (items === undefined || items === null) return [];
  return (Array.isArray(items) ? items : [items]).filter((item) => item !== null);
}

function select(container: JsonValue | undefined, name: string, definition: ScimAttribute | undefined, sub?: string): Selection {
  const items = isJsonObject(container) ? present(valueOf(container, name)) : [];
  if (sub === undefined) return { items, definition };
  return {
    items: items.flatMap((item) => (isJsonObject(item) ? present(valueOf(item, sub)) : [])),
    definition: findSubAttribute(definition, sub),
  };
}

function rootLookup(resource: JsonObject, resourceType: ScimResourceType): Lookup {
  return (path) => {
    const ref = findAttribute(resourceType, path.schema, path.attribute);
    const container = ref.extension === undefined ? resource : valueOf(resource, ref.extension);
    return select(container, ref.name, ref.definition, path.subAttribute);
  };
}

function elementLookup(element: JsonObject, parent: ScimAttribute | undefined): Lookup {
  return (path) => select(element, path.attribute, findSubAttribute(parent, path.attribute));
}

function pathText(path: AttrPath): string {
  return `${path.schema ? `${path.schema}:` : ''}${path.attribute}${path.subAttribute ? `.${path.subAttribute}` : ''}`;
}

function isEmpty(value: JsonValue): boolean {
  if (value === null || value === '') return true;
  if (Array.isArray(value)) return value.every(isEmpty);
  if (isJsonObject(value)) return Object.values(value).every(isEmpty);
  return false;
}

const ORDERING = new Set<CompareOperator>(['gt', 'ge', 'lt', 'le']);

function order(op: CompareOperator, difference: number): boolean {
  switch (op) {
    case 'gt':
      return difference > 0;
    case 'ge':
      return difference >= 0;
    case 'lt':
      return difference < 0;
    default:
      return difference <= 0;
  }
}

function compareText(op: CompareOperator, actual: string, expected: string): boolean {
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'co':
      return actual.includes(expected);
    case 'sw':
      return actual.startsWith(expected);
    case 'ew':
      return actual.endsWith(expected);
    default:
      return order(op, actual < expected ? -1 : actual > expected ? 1 : 0);
  }
}

/** One value against the operand; `op` is never `ne`, which callers negate from `eq`. */
function compareOne(op: CompareOperator, actual: JsonValue, expected: Exclude<CompareValue, null>, definition: ScimAttribute | undefined, path: string): boolean {
  if (definition?.type === 'boolean' || typeof actual === 'boolean') {
    if (op !== 'eq') throw new ScimError('invalidFilter', `invalid filter: "${op}" cannot compare the boolean attribute ${path}; use eq or ne`);
    return actual === expected;
  }
  if (definition?.type === 'dateTime' && (op === 'eq' || ORDERING.has(op))) {
    const wanted = typeof expected === 'string' ? Date.parse(expected) : Number.NaN;
    if (Number.isNaN(wanted)) {
      throw new ScimError('invalidFilter', `invalid filter: ${JSON.stringify(expected)} is not a date and time to compare ${path} with`);
    }
    const time = typeof actual === 'string' ? Date.parse(actual) : Number.NaN;
    if (Number.isNaN(time)) return false;
    return op === 'eq' ? time === wanted : order(op, time - wanted);
  }
  if (typeof actual === 'number' && typeof expected === 'number') {
    return op === 'eq' ? actual === expected : ORDERING.has(op) && order(op, actual - expected);
  }
  if (typeof actual !== 'string' || typeof expected !== 'string') return false;
  return definition?.caseExact ? compareText(op, actual, expected) : compareText(op, actual.toLowerCase(), expected.toLowerCase());
}

function compare(selection: Selection, op: CompareOperator, expected: CompareValue, path: AttrPath): boolean {
  if (op === 'ne') return !compare(selection, 'eq', expected, path);
  if (expected === null) {
    if (op !== 'eq') throw new ScimError('invalidFilter', `invalid filter: "${op}" cannot compare with null; use eq or ne`);
    return selection.items.length === 0;
  }
  const text = pathText(path);
  return selection.items.some((item) => {
    if (!isJsonObject(item)) return compareOne(op, item, expected, selection.definition, text);
    const value = valueOf(item, 'value');
    return value !== undefined && value !== null && compareOne(op, value, expected, findSubAttribute(selection.definition, 'value'), text);
  });
}

function evaluate(node: FilterNode, lookup: Lookup): boolean {
  switch (node.kind) {
    case 'and':
      return evaluate(node.left, lookup) && evaluate(node.right, lookup);
    case 'or':
      return evaluate(node.left, lookup) || evaluate(node.right, lookup);
    case 'not':
      return !evaluate(node.filter, lookup);
    case 'present':
      return lookup(node.path).items.some((item) => !isEmpty(item));
    case 'compare':
      return compare(lookup(node.path), node.op, node.value, node.path);
    case 'valuePath': {
      const selection = lookup(node.path);
      return selection.items.some((item) => isJsonObject(item) && evaluate(node.filter, elementLookup(item, selection.definition)));
    }
  }
}

/**
 * Whether `resource` matches `filter`. Throws a `ScimError` with scimType
 * `invalidFilter` when the filter compares in a way the attribute's type does
 * not allow (ordering booleans, a date that is not one).
 *
 * @example
 * matchesFilter(user, parseFilter('emails[type eq "work" and value co "@example.com"]'), USER_RESOURCE_TYPE) // true
 */
export function matchesFilter(resource: JsonObject, filter: FilterNode, resourceType: ScimResourceType): boolean {
  return evaluate(filter, rootLookup(resource, resourceType));
}

/**
 * Whether one value of a multi-valued complex attribute matches a value
 * filter (the part between brackets), given the attribute's definition.
 *
 * @example
 * matchesValueFilter({ type: 'work', value: 'a@b.c' }, parsePatchPath('emails[type eq "WORK"]').filter!, emailsDefinition) // true
 */
export function matchesValueFilter(element: JsonObject, filter: FilterNode, definition: ScimAttribute | undefined): boolean {
  return evaluate(filter, elementLookup(element, definition));
}
