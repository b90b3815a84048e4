import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { invalidInput, type FieldError } from '../core/errors.ts';

type Issue = { code?: string; path: PropertyKey[]; message: string; keys?: string[] };

const pathOf = (path: PropertyKey[]) => path.map(String).join('.') || '(body)';

// An unknown field is reported at its own path, so a misspelt name is easy to spot.
const fieldsOf = (issues: Issue[]): FieldError[] =>
  issues.flatMap((i) =>
    i.code === 'unrecognized_keys' && i.keys
      ? i.keys.map((key) => ({ path: pathOf([...i.path, key]), message: 'unknown field; check its spelling' }))
      : [{ path: pathOf(i.path), message: i.message }],
  );

/**
 * Turns request-validation failures into 400 responses with one entry per bad
 * field. A query parameter given more than once reaches the schema as a list;
 * where the schema wants one value, that is what the error says.
 */
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (result.success) return;
  let fields = fieldsOf((result.error as { issues: Issue[] }).issues);
  if (result.target === 'query') {
    // The validator hands the hook the raw query it parsed, though its type does not say so.
    const raw = ((result as { data?: unknown }).data ?? {}) as Record<string, unknown>;
    fields = fields.map((f) => (Array.isArray(raw[f.path]) ? { path: f.path, message: `${f.path} was given more than once; send it once` } : f));
  }
  throw invalidInput('invalid request', fields);
};

/** Validates a value the route validators could not (e.g. one of several content types). */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput('invalid request', fieldsOf(parsed.error.issues as Issue[]));
  return parsed.data;
}
