import { z } from '@hono/zod-openapi';

export const disclaimerSchema = z
  .object({
    featureGroup: z.string().openapi({ description: 'a feature surface: meetings, panel, phone…' }),
    audience: z.enum(['internal', 'external']),
    texts: z.record(z.string(), z.string()).openapi({ description: 'language → text, for any of the 17 languages; en required' }),
    requireConsent: z.boolean(),
    version: z.number().int(),
    updatedAt: z.string(),
    updatedBy: z.string().nullable(),
  })
  .openapi('Disclaimer');

export const disclaimerParams = z.object({
  group: z.string().min(1).openapi({ param: { name: 'group', in: 'path' }, example: 'meetings' }),
  audience: z.enum(['internal', 'external']).openapi({ param: { name: 'audience', in: 'path' } }),
});

export const groupParam = z.object({ group: z.string().min(1).openapi({ param: { name: 'group', in: 'path' }, example: 'meetings' }) });

export const disclaimerBody = z.object({ texts: z.record(z.string(), z.string()), requireConsent: z.boolean().default(false) }).strict();

export const shownSchema = z
  .object({
    featureGroup: z.string(),
    audience: z.enum(['internal', 'external']),
    language: z.string(),
    text: z.string(),
    version: z.number().int(),
    requireConsent: z.boolean(),
    acceptedAt: z.string().nullable(),
  })
  .openapi('ShownDisclaimer');

export const acceptBody = z.object({ version: z.number().int().optional().openapi({ description: 'the version the user read' }) }).strict();

export const acceptanceSchema = z
  .object({ featureGroup: z.string(), audience: z.string(), version: z.number().int(), language: z.string(), acceptedAt: z.string() })
  .openapi('ConsentAcceptance');
