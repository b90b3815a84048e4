/**
 * The `attributes` and `excludedAttributes` query parameters (RFC 7644
 * §3.9) applied to a resource about to be returned. Attributes whose
 * `returned` is `always` (id, schemas, meta.resourceType) survive any
 * selection; `never` (password) is dropped whatever is asked; `request` only
 * appears when asked for. When both parameters are given, `attributes`
 * decides and `excludedAttributes` is not consulted. Names are matched
 * regardless of case; names Confer does not define are treated as
 * `returned: default`.
 */
import { parseAttributePath } from './filter.ts';
import { isJsonObject, type JsonObject, type JsonValue } from './json.ts';
import { extensionSchema, findAttribute, findSubAttribute, type ScimAttribute, type ScimResourceType } from './schemas.ts';

export interface ProjectionParams {
  /** Comma-separated names as in the query string, or a list of them. */
  attributes?: string | readonly string[];
  excludedAttributes?: string | readonly string[];
}

/** Attribute paths named by one parameter, lower-cased, keyed by container ('' for the core) and attribute. */
interface Named {
  wholeExtensions: Set<string>;
  whole: Set<string>;
  subs: Map<string, Set<string>>;
}

type Keep = { kind: 'all' } | { kind: 'only'; subs: ReadonlySet<string> } | { kind: 'except'; subs: ReadonlySet<string> };

const NOTHING: Keep = { kind: 'only', subs: new Set() };

const slot = (container: string, attribute: string) => `${container.toLowerCase()}|${attribute.toLowerCase()}`;

function names(param: string | readonly string[] | undefined): string[] {
  const list = typeof param === 'string' ? [param] : (param ?? []);
  return list.flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== '');
}

function readNames(param: string | readonly string[] | undefined, resourceType: ScimResourceType): Named {
  const named: Named = { wholeExtensions: new Set(), whole: new Set(), subs: new Map() };
  for (const name of names(param)) {
    const extension = extensionSchema(resourceType, name);
    if (extension) {
      named.wholeExtensions.add(extension.id.toLowerCase());
      continue;
    }
    const path = parseAttributePath(name);
    const ref = findAttribute(resourceType, path.schema, path.attribute);
    const key = slot(ref.extension ?? '', ref.name);
    if (path.subAttribute === undefined) named.whole.add(key);
    else named.subs.set(key, (named.subs.get(key) ?? new Set()).add(path.subAttribute.toLowerCase()));
  }
  return named;
}

function keepsSub(keep: Keep, name: string, definition: ScimAttribute | undefined): boolean {
  const returned = definition?.returned ?? 'default';
  if (returned === 'never') return false;
  if (returned === 'always') return true;
  if (keep.kind === 'only') return keep.subs.has(name.toLowerCase());
  return returned !== 'request' && (keep.kind === 'all' || !keep.subs.has(name.toLowerCase()));
}

/** The value with the sub-attributes `keep` allows; `undefined` when nothing is left. */
function project(definition: ScimAttribute | undefined, value: JsonValue, keep: Keep): JsonValue | undefined {
  const pick = (item: JsonObject): JsonObject =>
    Object.fromEntries(Object.entries(item).filter(([name]) => keepsSub(keep, name, findSubAttribute(definition, name))));
  if (isJsonObject(value)) {
    const picked = pick(value);
    return Object.keys(picked).length > 0 ? picked : undefined;
  }
  if (Array.isArray(value) && value.some(isJsonObject)) {
    const picked = value.map((item) => (isJsonObject(item) ? pick(item) : item)).filter((item) => !isJsonObject(item) || Object.keys(item).length > 0);
    return picked.length > 0 ? picked : undefined;
  }
  // No sub-attributes to choose from: the value is asked for whole or not at all.
  return keep.kind === 'only' ? undefined : value;
}

/** Which parameter decides: `attributes` when given, else `excludedAttributes`. */
type Selection = { mode: 'include' | 'exclude'; named: Named };

function keepFor(selection: Selection, returned: ScimAttribute['returned'], container: string, name: string): Keep {
  const { named } = selection;
  const key = slot(container, name);
  const whole = named.wholeExtensions.has(container.toLowerCase()) || named.whole.has(key);
  const subs = named.subs.get(key);
  if (selection.mode === 'include') return whole ? { kind: 'all' } : subs ? { kind: 'only', subs } : NOTHING;
  if (returned === 'request' || whole) return NOTHING;
  return subs ? { kind: 'except', subs } : { kind: 'all' };
}

function projectAttribute(selection: Selection, definition: ScimAttribute | undefined, container: string, name: string, value: JsonValue): JsonValue | undefined {
  const returned = definition?.returned ?? 'default';
  if (returned === 'never') return undefined;
  if (returned === 'always') return value;
  return project(definition, value, keepFor(selection, returned, container, name));
}

/**
 * The resource as the client asked to see it.
 *
 * @example
 * projectAttributes(group, GROUP_RESOURCE_TYPE, { excludedAttributes: 'members' })
 * // { schemas, id, displayName, meta } — as Microsoft Entra ID asks for groups
 * projectAttributes(user, USER_RESOURCE_TYPE, { attributes: 'userName' })
 * // { schemas, id, userName, meta: { resourceType: 'User' } }
 */
export function projectAttributes(resource: JsonObject, resourceType: ScimResourceType, params: ProjectionParams = {}): JsonObject {
  const selection: Selection =
    names(params.attributes).length > 0
      ? { mode: 'include', named: readNames(params.attributes, resourceType) }
      : { mode: 'exclude', named: readNames(params.excludedAttributes, resourceType) };
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    const extension = extensionSchema(resourceType, key);
    if (extension && isJsonObject(value)) {
      const projected: JsonObject = {};
      for (const [name, item] of Object.entries(value)) {
        const ref = findAttribute(resourceType, extension.id, name);
        const kept = projectAttribute(selection, ref.definition, extension.id, ref.name, item);
        if (kept !== undefined) projected[name] = kept;
      }
      if (Object.keys(projected).length > 0) out[key] = projected;
      continue;
    }
    const ref = findAttribute(resourceType, undefined, key);
    const kept = projectAttribute(selection, ref.definition, '', ref.name, value);
    if (kept !== undefined) out[key] = kept;
  }
  return out;
}
