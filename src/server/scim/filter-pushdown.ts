/**
 * Lets a store answer the filters identity providers actually send —
 * `userName eq "…"`, `externalId eq "…"`, `displayName eq "…"` — with an
 * indexed lookup instead of scanning every resource. The equality is taken
 * from the filter, or from one conjunct of a top-level `and`; whatever else
 * the filter says comes back as a residual filter to evaluate on the rows the
 * lookup returns.
 */
import type { FilterNode } from './filter.ts';
import { findAttribute, type ScimResourceType } from './schemas.ts';

export interface PushdownEquality {
  /** The attribute's canonical name, e.g. `userName` even when the filter said `USERNAME`. */
  attribute: string;
  op: 'eq';
  value: string;
  /** False means the store must compare without case (userName, displayName); true for id and externalId. */
  caseExact: boolean;
}

export interface Pushdown {
  equality: PushdownEquality;
  /** The rest of the filter, to apply to the rows found; `null` when the equality is the whole filter. */
  residual: FilterNode | null;
}

function conjuncts(node: FilterNode): FilterNode[] {
  return node.kind === 'and' ? [...conjuncts(node.left), ...conjuncts(node.right)] : [node];
}

function asEquality(node: FilterNode, resourceType: ScimResourceType, attributes: readonly string[]): PushdownEquality | null {
  if (node.kind !== 'compare' || node.op !== 'eq' || typeof node.value !== 'string' || node.path.subAttribute !== undefined) {
    return null;
  }
  const ref = findAttribute(resourceType, node.path.schema, node.path.attribute);
  const definition = ref.definition;
  if (ref.extension !== undefined || !definition || definition.multiValued || !attributes.includes(definition.name)) return null;
  return { attribute: definition.name, op: 'eq', value: node.value, caseExact: definition.caseExact };
}

/**
 * The first equality on one of `attributes` (canonical names the store can
 * look up) that the filter requires, with the residual filter; `null` when
 * there is none and the store must scan.
 *
 * @example
 * pushdownEquality(parseFilter('userName eq "ann@example.com"'), USER_RESOURCE_TYPE, ['userName', 'externalId'])
 * // { equality: { attribute: 'userName', op: 'eq', value: 'ann@example.com', caseExact: false }, residual: null }
 */
export function pushdownEquality(filter: FilterNode, resourceType: ScimResourceType, attributes: readonly string[]): Pushdown | null {
  const parts = conjuncts(filter);
  for (const [index, part] of parts.entries()) {
    const equality = asEquality(part, resourceType, attributes);
    if (!equality) continue;
    const rest = parts.filter((_, i) => i !== index);
    const residual = rest.length === 0 ? null : rest.reduce((left, right): FilterNode => ({ kind: 'and', left, right }));
    return { equality, residual };
  }
  return null;
}
