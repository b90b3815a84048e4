import { z } from '@hono/zod-openapi';
import { DEPLOYMENT_MODES } from '../../../core/types.ts';

/** The account as `GET /v1/account` shows it. */
export const accountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    homeRegion: z.string(),
    deploymentMode: z.enum(DEPLOYMENT_MODES),
    allowedHosting: z.array(z.string()).openapi({ description: 'hosting classes the mode allows' }),
  })
  .openapi('Account');

const healthSchema = z.object({
  circuit: z.enum(['closed', 'open', 'half-open']),
  openUntil: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  latencyMs: z.number().nullable(),
  outstanding: z.number().int(),
});

/** A provider the account can name, with usability for the account and health. */
export const providerSchema = z
  .object({
    name: z.string(),
    source: z.enum(['builtin', 'config', 'account']).openapi({ description: 'the built-in engine, the operator file (CONFER_CONFIG) or this account' }),
    kind: z.string(),
    hosting: z.string(),
    regions: z.array(z.string()),
    capabilities: z.array(z.string()),
    models: z.record(z.string(), z.string()),
    contextWindow: z.number().int(),
    retainsData: z.boolean(),
    costPer1kTokens: z.object({ input: z.number(), output: z.number() }).nullable(),
    usable: z.boolean().openapi({ description: 'allowed for this account by its mode and region' }),
    reason: z.string(),
    health: healthSchema,
  })
  .openapi('Provider');

/** One feature of the catalogue and whether the account can use it. */
export const featureSchema = z
  .object({
    featureId: z.string(),
    available: z.boolean(),
    servedBy: z.array(z.string()),
    reason: z.string().openapi({ description: 'how it is served, or exactly why it is not' }),
    implemented: z.boolean().openapi({ description: 'whether this version of Confer has the feature to run; `available` is about the models that could serve it' }),
  })
  .openapi('FeatureAvailability');

export const registrationBody = z
  .record(z.string(), z.unknown())
  .openapi({
    description: 'A provider registration as in the providers list of CONFER_CONFIG. Secrets are named by environment variable (apiKeyEnv…), never sent.',
    example: { name: 'ollama-gpu1', kind: 'openai-compatible', baseUrl: 'http://gpu1:11434/v1', regions: ['EU'], capabilities: ['text', 'structured'], models: { text: 'llama3.1:70b' }, contextWindow: 131072 },
  });

/** A feature run: its input, and optionally the implementation to use. */
export const featureRunBody = z
  .object({
    input: z.record(z.string(), z.unknown()).openapi({ description: "the feature's input, e.g. {instruction, messages} for chat.compose" }),
    provider: z.string().min(1).optional().openapi({ description: '"builtin" or a registered provider the account may use; refused with the reason otherwise' }),
    idempotencyKey: z.string().min(1).max(200).optional().openapi({ description: 'a repeated key returns the stored output instead of running again' }),
  })
  .strict()
  .openapi('FeatureRun');

/** The stored output of a run. */
export const featureOutputSchema = z
  .object({
    id: z.string(),
    featureId: z.string(),
    artifactId: z.string().nullable(),
    provider: z.string().openapi({ description: 'what produced the output: builtin or a provider name' }),
    model: z.string().nullable(),
    payload: z.unknown().openapi({ description: "the feature's output" }),
    createdAt: z.string(),
  })
  .openapi('FeatureOutput');

export const featureIdParam = z.object({
  id: z.string().min(1).openapi({ param: { name: 'id', in: 'path' }, example: 'chat.compose' }),
});
