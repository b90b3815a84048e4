import { z } from '@hono/zod-openapi';
import { PII_ENTITY_TYPES } from '../../../governance/redaction/index.ts';
import { lineText } from '../text-fields.ts';

export const patternSchema = z
  .object({ id: z.string(), name: z.string(), pattern: z.string().openapi({ description: 'Java regex syntax' }), createdAt: z.string(), createdBy: z.string().nullable() })
  .openapi('BlockedPattern');

export const policySchema = z
  .object({
    entities: z.array(z.enum(PII_ENTITY_TYPES)),
    builtins: z.array(z.string()).openapi({ description: 'built-in blocked patterns, e.g. CREDIT_CARD' }),
    patterns: z.array(patternSchema),
  })
  .openapi('RedactionPolicy');

export const typesBody = z
  .object({
    entities: z.array(z.string()).openapi({ description: `entity types to redact: ${PII_ENTITY_TYPES.join(', ')}` }),
    builtins: z.array(z.string()).optional(),
  })
  .strict();

export const patternBody = z
  .object({
    name: lineText().min(1).max(100),
    pattern: z.string().openapi({ description: 'Java regex; validated on save', example: '(?i)internal use only' }),
  })
  .strict();

export const patternTestBody = z.object({ pattern: z.string(), text: z.string().max(100_000) }).strict();

export const patternTestResult = z.object({
  redacted: z.string(),
  spans: z.array(z.object({ type: z.string(), start: z.number().int(), end: z.number().int(), value: z.string() })),
});

export const patternIdParam = z.object({ id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' } }) });
