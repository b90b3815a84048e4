import { z } from '@hono/zod-openapi';

export const exportCreateBody = z
  .object({
    hold: z.string().min(1).max(200).optional().openapi({ description: 'name or id of a legal hold: export what it covers', example: 'acme-v-smith' }),
    userId: z.string().min(1).optional().openapi({ description: "export this user's content (owner or participant)" }),
    from: z.string().optional().openapi({ description: 'content from this ISO-8601 date', example: '2026-01-01' }),
    to: z.string().optional().openapi({ description: 'content up to this ISO-8601 date; a bare date includes the whole day' }),
  })
  .strict()
  .openapi('ExportInput', { description: 'Either `hold`, or any of `userId`, `from` and `to`.' });

const countsSchema = z.object({
  artifacts: z.number().int(),
  segments: z.number().int(),
  outputs: z.number().int(),
  files: z.number().int().openapi({ description: 'original files of artifacts' }),
  auditEvents: z.number().int(),
});

export const exportSummarySchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    scope: z.record(z.string(), z.string().nullable()).openapi({ description: 'the hold (name and id) or the search (userId, from, to)' }),
    counts: countsSchema,
    files: z.number().int().openapi({ description: 'files of the bundle listed in its manifest' }),
    bytes: z.number().int().openapi({ description: 'their total size' }),
  })
  .openapi('Export');

export const manifestSchema = z
  .object({
    format: z.string().openapi({ example: 'confer-ediscovery/1' }),
    createdAt: z.string(),
    accountId: z.string(),
    scope: z.record(z.string(), z.string().nullable()),
    counts: countsSchema,
    files: z.array(z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string() })),
  })
  .openapi('ExportManifest');

export const verifyResultSchema = z
  .object({
    ok: z.boolean(),
    manifestSha256: z.string(),
    checked: z.number().int().openapi({ description: 'files compared with the manifest' }),
    problems: z.array(z.string()).openapi({ description: 'missing, changed or unlisted files' }),
  })
  .openapi('ExportVerification');

export const exportIdParam = z.object({
  id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, description: 'export id (exp_…)' }),
});

export const exportFileParams = exportIdParam.extend({
  path: z
    .string()
    .min(1)
    .openapi({ param: { name: 'path', in: 'path' }, description: 'a path listed in the manifest, or manifest.json, URL-encoded as one segment (slashes as %2F)', example: 'artifacts.jsonl' }),
});
