/**
 * SCIM PATCH (RFC 7644 §3.5.2) applied to a plain resource: `add`,
 * `replace` and `remove`, with or without `path`, on simple, complex and
 * multi-valued attributes and on values selected by a filter. The resource
 * passed in is never modified; the result is a new object, plus the member
 * ids added and removed so a store can apply a group's changes without
 * rewriting every membership.
 *
 * What identity providers send beyond the letter of the RFC is accepted:
 * - `op` in any case (`"Replace"`, as Microsoft Entra ID sends it);
 * - booleans as strings (`"False"`), for attributes whose type is boolean;
 * - `replace` without `path` whose value has dotted or schema-qualified keys
 *   (`{"name.givenName": "Ann"}`), each applied as if it were the path;
 * - `remove` of `members` with a `value` list: only those members go;
 * - `add`/`replace` on `emails[type eq "work"].value` when no work email
 *   exists: the value is created with `type: "work"` (any filter made only of
 *   `eq` joined by `and` works this way; other filters fail with `noTarget`);
 * - a read-only attribute sent with its current value (Okta sends the group
 *   `id` with every rename): nothing happens.
 * Attributes Confer does not define are patched like any JSON and left for
 * the resource mapping to report as ignored.
 */
import { ScimError } from './errors.ts';
import { matchesValueFilter } from './filter-eval.ts';
import { parseAttributePath, parsePatchPath, type FilterNode, type PatchPath } from './filter.ts';
import { isJsonObject, jsonEqual, keyOf, valueOf, type JsonObject, type JsonValue } from './json.ts';
import {
  extensionSchema,
  findAttribute,
  findSubAttribute,
  normaliseValue,
  type Mutability,
  type ScimAttribute,
  type ScimResourceType,
  type ScimSchema,
} from './schemas.ts';

export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

type Op = 'add' | 'replace' | 'remove';

interface Operation {
  op: Op;
  path?: string;
  value?: JsonValue;
}

/** An operation on one target, its value normalised; `remove` may list the values to remove. */
type Change = { op: 'remove'; value?: JsonValue } | { op: 'add' | 'replace'; value: JsonValue };

export interface MembershipChange {
  added: string[];
  removed: string[];
}

export interface PatchResult {
  resource: JsonObject;
  /** Changes to `members`; empty for resources without members. */
  members: MembershipChange;
}

function readOperations(body: unknown): Operation[] {
  if (!isJsonObject(body)) throw new ScimError('invalidSyntax', 'the PATCH body must be a JSON object');
  const schemas = valueOf(body, 'schemas');
  if (schemas !== undefined && !(Array.isArray(schemas) && schemas.some((s) => typeof s === 'string' && s.toLowerCase() === PATCH_OP_SCHEMA.toLowerCase()))) {
    throw new ScimError('invalidSyntax', `"schemas" must contain "${PATCH_OP_SCHEMA}"`);
  }
  const operations = valueOf(body, 'Operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw new ScimError('invalidSyntax', 'the PATCH body needs "Operations", a non-empty list of operations');
  }
  return operations.map((item, index) => {
    const at = `operation ${index + 1}`;
    if (!isJsonObject(item)) throw new ScimError('invalidSyntax', `${at} must be an object with "op", "path" and "value"`);
    const op = valueOf(item, 'op');
    const lower = typeof op === 'string' ? op.toLowerCase() : '';
    if (lower !== 'add' && lower !== 'replace' && lower !== 'remove') {
      throw new ScimError('invalidSyntax', `${at}: "op" must be "add", "replace" or "remove", got ${JSON.stringify(op ?? null)}`);
    }
    const path = valueOf(item, 'path');
    if (path !== undefined && path !== null && typeof path !== 'string') {
      throw new ScimError('invalidPath', `${at}: "path" must be a string`);
    }
    const value = valueOf(item, 'value');
    // A copy, so that values written into the resource never alias the caller's request.
    return { op: lower, ...(path ? { path } : {}), ...(value !== undefined ? { value: structuredClone(value) } : {}) };
  });
}

/** Where a change lands, named as the client wrote it, for errors. */
interface Target {
  label: string;
  definition?: ScimAttribute;
  sub?: ScimAttribute;
}

function mutabilityOf(target: Target): Mutability {
  if (target.definition?.mutability === 'readOnly') return 'readOnly';
  return target.sub?.mutability ?? target.definition?.mutability ?? 'readWrite';
}

function isUnset(value: JsonValue | undefined): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
}

/** False when the change is a no-op on an attribute that may not change; throws when it would change one. */
function mayChange(target: Target, op: Op, current: JsonValue | undefined, next: JsonValue | undefined): boolean {
  const mutability = mutabilityOf(target);
  if (mutability === 'readWrite' || mutability === 'writeOnly') return true;
  if (op !== 'remove' && jsonEqual(current, next)) return false;
  if (mutability === 'immutable' && op === 'add' && isUnset(current)) return true;
  const why = mutability === 'readOnly' ? 'is read-only' : 'is immutable: it can be set once, not changed';
  throw new ScimError('mutability', `${target.label} ${why}`);
}

/** Two values of a multi-valued attribute are the same when their `value` sub-attributes are, or when they are equal. */
function sameValue(a: JsonValue, b: JsonValue): boolean {
  if (isJsonObject(a) && isJsonObject(b)) {
    const left = valueOf(a, 'value');
    const right = valueOf(b, 'value');
    if (left !== undefined && right !== undefined) return jsonEqual(left, right);
  }
  return jsonEqual(a, b);
}

/** Keeps at most one `primary: true` (RFC 7643 §2.4): the values just written win. */
function keepOnePrimary(list: JsonValue[], written: readonly number[]): void {
  const winner = [...written].reverse().find((i) => isJsonObject(list[i]) && valueOf(list[i] as JsonObject, 'primary') === true);
  if (winner === undefined) return;
  list.forEach((item, i) => {
    if (i !== winner && isJsonObject(item) && valueOf(item, 'primary') === true) item[keyOf(item, 'primary')!] = false;
  });
}

/** The value a filter made only of `eq` joined by `and` describes, e.g. `{ type: 'work' }`; otherwise null. */
function describedValue(filter: FilterNode, definition: ScimAttribute | undefined): JsonObject | null {
  if (filter.kind === 'compare' && filter.op === 'eq' && filter.value !== null) {
    return { [findSubAttribute(definition, filter.path.attribute)?.name ?? filter.path.attribute]: filter.value };
  }
  if (filter.kind !== 'and') return null;
  const left = describedValue(filter.left, definition);
  const right = describedValue(filter.right, definition);
  return left && right ? { ...left, ...right } : null;
}

/** The key of a sub-attribute in one value: canonical when known, else as the value spells it, else as written. */
function subKey(target: Target, item: JsonObject, subName: string): string {
  return target.sub?.name ?? keyOf(item, subName) ?? subName;
}

/** Sets `object[name]` under the attribute's canonical name, dropping a key that differs only in case. */
function put(object: JsonObject, name: string, value: JsonValue): void {
  const existing = keyOf(object, name);
  if (existing !== undefined && existing !== name) delete object[existing];
  object[name] = value;
}

function drop(object: JsonObject, name: string): void {
  const existing = keyOf(object, name);
  if (existing !== undefined) delete object[existing];
}

class Patcher {
  constructor(
    private readonly doc: JsonObject,
    private readonly resourceType: ScimResourceType,
  ) {}

  apply(operation: Operation): void {
    const { op, path, value } = operation;
    if (path === undefined) {
      if (op === 'remove') throw new ScimError('noTarget', 'remove needs a "path" naming what to remove');
      if (!isJsonObject(value)) throw new ScimError('invalidValue', `${op} without "path" needs an object of attributes as "value"`);
      for (const [key, item] of Object.entries(value)) {
        const extension = extensionSchema(this.resourceType, key);
        if (extension) this.applyToExtension(op, extension, item);
        else this.applyToPath(op, parsePatchPath(key), item, key);
      }
      return;
    }
    const extension = extensionSchema(this.resourceType, path);
    if (extension) this.applyToExtension(op, extension, value);
    else this.applyToPath(op, parsePatchPath(path), value, path);
  }

  private applyToExtension(op: Op, extension: ScimSchema, value: JsonValue | undefined): void {
    if (op === 'remove' || value === null) {
      drop(this.doc, extension.id);
      return;
    }
    if (!isJsonObject(value)) throw new ScimError('invalidValue', `"${extension.id}" needs an object of its attributes as value`);
    for (const [name, item] of Object.entries(value)) {
      const path = parseAttributePath(name);
      if (path.schema !== undefined) throw new ScimError('invalidPath', `"${name}" inside "${extension.id}" must be an attribute name`);
      this.applyToPath(op, { path: { ...path, schema: extension.id } }, item, `${extension.id}:${name}`);
    }
  }

  /** The object holding the attribute: the resource, or an extension's object (created for add and replace). */
  private container(extension: string | undefined, create: boolean): JsonObject | null {
    if (extension === undefined) return this.doc;
    const existing = valueOf(this.doc, extension);
    if (isJsonObject(existing)) return existing;
    if (!create) return null;
    const created: JsonObject = {};
    put(this.doc, extension, created);
    return created;
  }

  private applyToPath(op: Op, target: PatchPath, raw: JsonValue | undefined, label: string): void {
    if (op === 'add' && (raw === undefined || raw === null)) throw new ScimError('invalidValue', `add to ${label} needs a "value"`);
    if (op === 'replace' && raw === undefined) throw new ScimError('invalidValue', `replace of ${label} needs a "value"`);
    const ref = findAttribute(this.resourceType, target.path.schema, target.path.attribute);
    const definition = ref.definition;
    const subName = target.path.subAttribute;
    const sub = subName === undefined ? undefined : findSubAttribute(definition, subName);
    if (definition && subName !== undefined && definition.type !== 'complex') {
      throw new ScimError('invalidPath', `${definition.name} has no sub-attributes`);
    }
    if (definition && target.filter && !definition.multiValued) {
      throw new ScimError('invalidPath', `a filter needs a multi-valued attribute, and ${definition.name} has a single value`);
    }
    const value = raw === undefined || raw === null ? undefined : normaliseValue(subName === undefined ? definition : sub, raw);
    // A replace with null clears the attribute, as clients use it to empty a field.
    const change: Change = op === 'remove' || value === undefined ? { op: 'remove', value } : { op, value };
    const container = this.container(ref.extension, change.op !== 'remove');
    if (!container) return;
    const where: Target = { label, definition, sub };
    const name = definition?.name ?? keyOf(container, ref.name) ?? ref.name;
    if (target.filter) this.applyToFiltered(change, where, container, name, target.filter, subName);
    else if (subName !== undefined) this.applyToSubAttribute(change, where, container, name, subName);
    else this.applyToAttribute(change, where, container, name);
  }

  private applyToFiltered(change: Change, target: Target, container: JsonObject, name: string, filter: FilterNode, subName: string | undefined): void {
    const current = valueOf(container, name);
    if (current !== undefined && current !== null && !Array.isArray(current)) {
      throw new ScimError('invalidPath', `${name} has a single value, so it cannot take a filter`);
    }
    const list = [...(current ?? [])];
    let matched = list.flatMap((item, i) => (isJsonObject(item) && matchesValueFilter(item, filter, target.definition) ? [i] : []));

    if (change.op === 'remove') {
      if (matched.length === 0) return;
      if (subName === undefined) {
        mayChange(target, change.op, current, undefined);
        const kept = list.filter((_, i) => !matched.includes(i));
        if (kept.length > 0) put(container, name, kept);
        else drop(container, name);
        return;
      }
      for (const i of matched) {
        const item = list[i] as JsonObject;
        const key = subKey(target, item, subName);
        if (mayChange(target, change.op, valueOf(item, key), undefined)) drop(item, key);
      }
      put(container, name, list);
      return;
    }

    const described = describedValue(filter, target.definition);
    if (matched.length === 0) {
      if (!described) throw new ScimError('noTarget', `no value of ${name} matches the filter`);
      list.push({ ...described });
      matched = [list.length - 1];
    }
    for (const i of matched) {
      const item = list[i] as JsonObject;
      if (subName !== undefined) {
        const key = subKey(target, item, subName);
        if (mayChange(target, change.op, valueOf(item, key), change.value)) put(item, key, change.value);
        continue;
      }
      if (!isJsonObject(change.value)) throw new ScimError('invalidValue', `${target.label} needs an object as value`);
      const next = change.op === 'add' ? { ...item, ...change.value } : { ...described, ...change.value };
      if (mayChange(target, change.op, item, next)) list[i] = next;
    }
    keepOnePrimary(list, matched);
    put(container, name, list);
  }

  private applyToSubAttribute(change: Change, target: Target, container: JsonObject, name: string, subName: string): void {
    const current = valueOf(container, name);
    if (Array.isArray(current) || target.definition?.multiValued) {
      // No filter: the sub-attribute of every value.
      const list = Array.isArray(current) ? [...current] : [];
      const items = list.filter(isJsonObject);
      if (change.op !== 'remove' && items.length === 0) {
        throw new ScimError('noTarget', `${name} has no values to set ${subName} on`);
      }
      for (const item of items) {
        const key = subKey(target, item, subName);
        if (!mayChange(target, change.op, valueOf(item, key), change.value)) continue;
        if (change.op === 'remove') drop(item, key);
        else put(item, key, change.value);
      }
      if (change.op !== 'remove') keepOnePrimary(list, list.map((_, i) => i));
      put(container, name, list);
      return;
    }
    if (current !== undefined && current !== null && !isJsonObject(current)) {
      throw new ScimError('invalidPath', `${name} is not a complex attribute`);
    }
    if (change.op === 'remove') {
      if (!isJsonObject(current)) return;
      const key = subKey(target, current, subName);
      if (!mayChange(target, change.op, valueOf(current, key), undefined)) return;
      drop(current, key);
      if (Object.keys(current).length === 0) drop(container, name);
      return;
    }
    const object = isJsonObject(current) ? current : {};
    const key = subKey(target, object, subName);
    if (!mayChange(target, change.op, valueOf(object, key), change.value)) return;
    put(object, key, change.value);
    put(container, name, object);
  }

  private applyToAttribute(change: Change, target: Target, container: JsonObject, name: string): void {
    const current = valueOf(container, name);
    const definition = target.definition;
    const multiValued = definition ? definition.multiValued : Array.isArray(current) || Array.isArray(change.value);
    const complex = definition ? definition.type === 'complex' : isJsonObject(current) && isJsonObject(change.value);

    if (change.op === 'remove') {
      if (multiValued && change.value !== undefined) {
        // Microsoft Entra ID removes members by listing them as the value.
        const leaving = Array.isArray(change.value) ? change.value : [change.value];
        const list = Array.isArray(current) ? current : [];
        const kept = list.filter((item) => !leaving.some((gone) => sameValue(item, gone)));
        if (kept.length === list.length || !mayChange(target, change.op, current, kept)) return;
        if (kept.length > 0) put(container, name, kept);
        else drop(container, name);
        return;
      }
      if (current === undefined) return;
      if (definition?.required) throw new ScimError('invalidValue', `${target.label} is required and cannot be removed`);
      if (mayChange(target, change.op, current, undefined)) drop(container, name);
      return;
    }

    let next: JsonValue;
    if (multiValued) {
      const incoming = Array.isArray(change.value) ? change.value : [change.value];
      const list = change.op === 'add' && Array.isArray(current) ? [...current] : [];
      const written: number[] = [];
      for (const item of incoming) {
        if (change.op === 'add' && list.some((existing) => sameValue(existing, item))) continue;
        written.push(list.length);
        list.push(item);
      }
      keepOnePrimary(list, written);
      next = list;
    } else if (complex) {
      // RFC 7644 §3.5.2.1 and §3.5.2.3: sub-attributes not sent are left as they are.
      if (!isJsonObject(change.value)) throw new ScimError('invalidValue', `${target.label} needs an object of sub-attributes as value`);
      next = { ...(isJsonObject(current) ? current : {}), ...change.value };
    } else {
      next = change.value;
    }
    if (mayChange(target, change.op, current, next)) put(container, name, next);
  }
}

/** Lists each extension present in `schemas`, and only those. */
function syncSchemas(doc: JsonObject, resourceType: ScimResourceType): void {
  const key = keyOf(doc, 'schemas');
  const schemas = key === undefined ? undefined : doc[key];
  if (!Array.isArray(schemas)) return;
  for (const { schema } of resourceType.extensions) {
    const object = valueOf(doc, schema.id);
    if (isJsonObject(object) && Object.keys(object).length === 0) drop(doc, schema.id);
    const present = isJsonObject(valueOf(doc, schema.id));
    const listed = schemas.findIndex((s) => typeof s === 'string' && s.toLowerCase() === schema.id.toLowerCase());
    if (present && listed < 0) schemas.push(schema.id);
    if (!present && listed >= 0) schemas.splice(listed, 1);
  }
}

function memberIds(resource: JsonObject): string[] {
  const members = valueOf(resource, 'members');
  if (members === undefined || members === null) return [];
  if (!Array.isArray(members)) throw new ScimError('invalidValue', 'members must be a list');
  return members.map((member) => {
    const id = isJsonObject(member) ? valueOf(member, 'value') : undefined;
    if (typeof id !== 'string' || id === '') throw new ScimError('invalidValue', 'each member needs a "value" with the id of a user');
    return id;
  });
}

/**
 * Applies a PATCH request body to a resource and returns the patched copy
 * with the member ids added and removed. Throws a `ScimError` (HTTP 400)
 * with scimType `invalidSyntax`, `invalidPath`, `invalidFilter`, `noTarget`,
 * `invalidValue` or `mutability`, whose detail names the operation.
 *
 * @example
 * applyPatch(group, {
 *   schemas: [PATCH_OP_SCHEMA],
 *   Operations: [{ op: 'remove', path: 'members[value eq "u1"]' }, { op: 'add', path: 'members', value: [{ value: 'u2' }] }],
 * }, GROUP_RESOURCE_TYPE).members // { added: ['u2'], removed: ['u1'] }
 */
export function applyPatch(resource: JsonObject, body: unknown, resourceType: ScimResourceType): PatchResult {
  const operations = readOperations(body);
  const doc = structuredClone(resource);
  const patcher = new Patcher(doc, resourceType);
  operations.forEach((operation, index) => {
    try {
      patcher.apply(operation);
    } catch (error) {
      if (!(error instanceof ScimError)) throw error;
      const what = `${operation.op}${operation.path === undefined ? ' without path' : ` ${operation.path}`}`;
      throw new ScimError(error.scimType, `operation ${index + 1} (${what}): ${error.message}`);
    }
  });
  syncSchemas(doc, resourceType);
  const before = new Set(memberIds(resource));
  const after = new Set(memberIds(doc));
  return {
    resource: doc,
    members: {
      added: [...after].filter((id) => !before.has(id)),
      removed: [...before].filter((id) => !after.has(id)),
    },
  };
}
