import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { invalidInput, type FieldError } from '../core/errors.ts';

const fieldsOf = (issues: { path: PropertyKey[]; message: string }[]): FieldError[] =>
  issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }));

/** Turns request-validation failures into 400 responses with one entry per bad field. */
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) throw invalidInput('invalid request', fieldsOf((result.error as { issues: { path: PropertyKey[]; message: string }[] }).issues));
};

/** Validates a value the route validators could not (e.g. one of several content types). */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput('invalid request', fieldsOf(parsed.error.issues));
  return parsed.data;
}
