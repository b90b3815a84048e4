import type { z } from '@hono/zod-openapi';

/**
 * An OpenAPI response entry with a JSON body.
 *
 * @example
 * responses: { 200: jsonResponse(holdSchema, 'The hold') }
 */
export const jsonResponse = <S extends z.ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } });
