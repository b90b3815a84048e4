/**
 * The operator's provider configuration: the `providers:` list of the file
 * named by `CONFER_CONFIG` (JSON or YAML), and the same validation for a
 * single registration arriving through the admin API.
 *
 * The file holds names of environment variables, never secrets: a field that
 * looks like a literal secret is refused, and secrets are read from the
 * environment only when an adapter is created (`adapters/create-provider.ts`).
 * Error messages name the file and the path of the bad field but never echo
 * a field's value.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { AppError, ParseError, type FieldError } from '../core/errors.ts';
import type { ProviderInfo, ProviderKind } from '../core/provider.ts';
import { CAPABILITIES, HOSTING_CLASSES, type Capability, type HostingClass } from '../core/types.ts';

/** Capabilities served by a model of their own (one `models` entry each). */
export const MODEL_CAPABILITIES = ['text', 'structured', 'embedding', 'transcription', 'moderation', 'image'] as const;
export type ModelCapability = (typeof MODEL_CAPABILITIES)[number];

/** Capabilities that are properties of the text model rather than models of their own. */
const TEXT_TRAITS: readonly Capability[] = ['long_context', 'web_search', 'translation'];

type ConfigurableKind = Exclude<ProviderKind, 'builtin'>;

/** What each adapter can serve; a registration claiming more is refused. */
export const KIND_CAPABILITIES: Record<ConfigurableKind, readonly Capability[]> = {
  'openai-compatible': ['text', 'structured', 'long_context', 'translation', 'embedding', 'transcription', 'moderation', 'image'],
  openai: ['text', 'structured', 'long_context', 'translation', 'embedding', 'transcription', 'moderation', 'image'],
  anthropic: ['text', 'structured', 'long_context', 'translation'],
  perplexity: ['text', 'structured', 'long_context', 'web_search', 'translation'],
  bedrock: ['text', 'structured', 'long_context', 'translation', 'embedding'],
  'azure-openai': ['text', 'structured', 'long_context', 'translation', 'embedding', 'transcription', 'image'],
};

const DEFAULT_HOSTING: Record<ConfigurableKind, HostingClass> = {
  'openai-compatible': 'self',
  openai: 'third-party',
  anthropic: 'third-party',
  perplexity: 'third-party',
  bedrock: 'managed',
  'azure-openai': 'managed',
};

/** Hosting classes an operator may declare per kind: the model makers' own APIs are always third-party. */
const ALLOWED_HOSTING: Record<ConfigurableKind, readonly HostingClass[]> = {
  'openai-compatible': HOSTING_CLASSES,
  openai: ['third-party'],
  anthropic: ['third-party'],
  perplexity: ['third-party'],
  bedrock: ['managed', 'third-party'],
  'azure-openai': ['managed', 'third-party'],
};

export type ImageSize = 'landscape' | 'portrait' | 'square';

/** A model maker's own API: an endpoint and an API key. */
interface VendorConnection<K extends 'openai' | 'anthropic' | 'perplexity'> {
  kind: K;
  baseUrl: string;
  apiKeyEnv: string;
}

/** Connection settings per kind; `…Env` fields name environment variables. */
export type Connection =
  | { kind: 'openai-compatible'; baseUrl: string; apiKeyEnv?: string }
  | VendorConnection<'openai'>
  | VendorConnection<'anthropic'>
  | VendorConnection<'perplexity'>
  | {
      kind: 'bedrock';
      region: string;
      baseUrl: string;
      accessKeyIdEnv: string;
      secretAccessKeyEnv: string;
      sessionTokenEnv?: string;
    }
  | {
      kind: 'azure-openai';
      /** `https://<resource>.openai.azure.com/openai` or the configured base URL. */
      baseUrl: string;
      apiKeyEnv: string;
      apiVersion: string;
      /** Deployment name per model capability; defaults to the model name. */
      deployments: Partial<Record<ModelCapability, string>>;
    };

/** One validated provider registration. */
export interface ProviderConfig {
  info: ProviderInfo;
  connection: Connection;
  timeoutMs: number;
  imageSizes: Record<ImageSize, string>;
}

/** A registration of one kind, with its connection settings narrowed. */
export type ConfigOf<K extends Connection['kind']> = ProviderConfig & { connection: Extract<Connection, { kind: K }> };

/**
 * The model serving a capability of a registered provider.
 *
 * @example
 * modelOf(config.info, 'structured'); // 'llama3.1:70b'
 */
export function modelOf(info: ProviderInfo, capability: Capability): string {
  const model = info.models[capability];
  if (model === undefined) throw new AppError('internal', `provider ${info.name} has no model for ${capability}`);
  return model;
}

export interface ProvidersConfig {
  /** The file the configuration came from; `null` when none is configured. */
  file: string | null;
  providers: ProviderConfig[];
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_IMAGE_SIZES: Record<ImageSize, string> = { landscape: '1536x1024', portrait: '1024x1536', square: '1024x1024' };

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Field names that would hold a secret; the `…Env` variants are the accepted form. */
const SECRET_KEY = /(api[-_]?key|^key$|secret|password|passwd|token|credential|access[-_]?key)/i;

const envVariable = z.string().regex(ENV_NAME, {
  message: 'must be the name of an environment variable (e.g. OPENAI_API_KEY), not the secret itself',
});
const envName = (fallback: string) => envVariable.default(fallback);

const url = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .refine((value) => !/^[a-z]+:\/\/[^/]*@/i.test(value), {
    message: 'must not contain credentials; name an environment variable in apiKeyEnv instead',
  })
  .transform((value) => value.replace(/\/+$/, ''));

const region = z
  .string()
  .superRefine((value, ctx) => {
    if (value === '*') ctx.addIssue('"*" is reserved for the built-in engine; list the regions where the provider processes data');
    else if (!/^[A-Za-z][A-Za-z0-9-]{0,31}$/.test(value)) ctx.addIssue('must be a region code such as EU or US');
  })
  .transform((value) => value.toUpperCase());

const modelName = z.string().min(1, { message: 'must be a model name' });

const imageSize = z.string().regex(/^\d{2,5}x\d{2,5}$/, { message: 'must be WIDTHxHEIGHT, e.g. 1024x1024' });

const common = {
  /** Unique name, used in routing decisions and audit records. */
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, { message: 'use 1-63 lower-case letters, digits, ".", "_" or "-"' })
    .refine((value) => value !== 'builtin', { message: 'the name "builtin" is reserved for the built-in engine' }),
  /** Hosting class; defaults by kind. */
  hosting: z.enum(HOSTING_CLASSES).optional(),
  /** Regions where the provider processes data. */
  regions: z.array(region).min(1, { message: 'list at least one region' }),
  capabilities: z.array(z.enum(CAPABILITIES)).min(1, { message: 'list at least one capability' }),
  /** Model name per model capability; long_context, web_search and translation use the text model. */
  models: z.record(z.string(), modelName),
  /** Context window in tokens. */
  contextWindow: z.number().int().positive(),
  /** Whether the provider keeps request data after answering. */
  retainsData: z.boolean().default(false),
  /** Price per 1,000 tokens, used to order equivalent providers. */
  cost: z.strictObject({ input: z.number().nonnegative(), output: z.number().nonnegative() }).optional(),
  /** Time allowed for one call (for streams: between two chunks). */
  timeoutMs: z.number().int().positive().max(600_000).default(DEFAULT_TIMEOUT_MS),
  /** Image sizes sent for each orientation, for providers with `image`. */
  imageSizes: z.strictObject({ landscape: imageSize, portrait: imageSize, square: imageSize }).optional(),
};

const entrySchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ ...common, kind: z.literal('openai-compatible'), baseUrl: url, apiKeyEnv: envVariable.optional() }),
    z.strictObject({ ...common, kind: z.literal('openai'), baseUrl: url.default('https://api.openai.com/v1'), apiKeyEnv: envName('OPENAI_API_KEY') }),
    z.strictObject({ ...common, kind: z.literal('anthropic'), baseUrl: url.default('https://api.anthropic.com/v1'), apiKeyEnv: envName('ANTHROPIC_API_KEY') }),
    z.strictObject({ ...common, kind: z.literal('perplexity'), baseUrl: url.default('https://api.perplexity.ai'), apiKeyEnv: envName('PERPLEXITY_API_KEY') }),
    z.strictObject({
      ...common,
      kind: z.literal('bedrock'),
      /** AWS region of the Bedrock endpoint, e.g. eu-central-1. */
      region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, { message: 'must be an AWS region such as eu-central-1' }),
      /** Endpoint override (VPC endpoint); defaults to the public regional endpoint. */
      baseUrl: url.optional(),
      accessKeyIdEnv: envName('AWS_ACCESS_KEY_ID'),
      secretAccessKeyEnv: envName('AWS_SECRET_ACCESS_KEY'),
      sessionTokenEnv: envVariable.optional(),
    }),
    z.strictObject({
      ...common,
      kind: z.literal('azure-openai'),
      resourceName: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/i, { message: 'must be an Azure resource name' }).optional(),
      baseUrl: url.optional(),
      apiKeyEnv: envName('AZURE_API_KEY'),
      /** `v1` (default) uses the v1 API; a dated version uses deployment URLs. */
      apiVersion: z.string().regex(/^(v1|\d{4}-\d{2}-\d{2}(-preview)?)$/, { message: 'must be v1 or a dated API version such as 2024-10-21' }).default('v1'),
      deployments: z.record(z.string(), z.string().min(1)).optional(),
    }),
  ],
  { error: () => `must be one of ${Object.keys(KIND_CAPABILITIES).join(', ')}` },
);

type Entry = z.output<typeof entrySchema>;

/** The schema of one registration, for documentation (OpenAPI) and reuse. */
export const providerRegistrationSchema = entrySchema;

/**
 * Validates one provider registration (the admin API and each entry of the
 * config file use this).
 *
 * @example
 * const config = parseProviderRegistration({
 *   name: 'ollama', kind: 'openai-compatible', baseUrl: 'http://gpu1:11434/v1',
 *   regions: ['EU'], capabilities: ['text'], models: { text: 'llama3.1:8b' }, contextWindow: 8192,
 * });
 * config.info.hosting; // 'self'
 */
export function parseProviderRegistration(input: unknown): ProviderConfig {
  const result = validateEntry(input, '');
  if ('errors' in result) throw validationError('invalid provider registration', result.errors, null);
  return result.config;
}

/**
 * Parses the text of a config file; only the `providers` key is read, other
 * top-level keys belong to other parts of Confer.
 *
 * @example
 * parseProviderConfig('providers: []', 'confer.yaml'); // { file: 'confer.yaml', providers: [] }
 */
export function parseProviderConfig(text: string, file: string): ProvidersConfig {
  const document = parseDocument(text, file);
  if (document === null || document === undefined) return { file, providers: [] };
  if (typeof document !== 'object' || Array.isArray(document)) {
    throw validationError(file, [{ path: '(top level)', message: 'must be a mapping with a providers list' }], file);
  }
  const raw = (document as Record<string, unknown>).providers;
  if (raw === undefined || raw === null) return { file, providers: [] };
  if (!Array.isArray(raw)) throw validationError(file, [{ path: 'providers', message: 'must be a list' }], file);

  const errors: FieldError[] = [];
  const providers: ProviderConfig[] = [];
  const firstIndexByName = new Map<string, number>();
  raw.forEach((entry, index) => {
    const prefix = `providers[${index}]`;
    const result = validateEntry(entry, prefix);
    if ('errors' in result) {
      errors.push(...result.errors);
      return;
    }
    const earlier = firstIndexByName.get(result.config.info.name);
    if (earlier !== undefined) {
      errors.push({ path: `${prefix}.name`, message: `duplicate provider name (also providers[${earlier}])` });
      return;
    }
    firstIndexByName.set(result.config.info.name, index);
    providers.push(result.config);
  });
  if (errors.length > 0) throw validationError(file, errors, file);
  return { file, providers };
}

/**
 * Loads the operator's configuration file (`CONFER_CONFIG`, resolved by
 * `app/config.ts`); with no file configured there are no providers besides
 * the built-in engine.
 *
 * @example
 * const { providers } = await loadProviderConfig(appConfig.configFile);
 */
export async function loadProviderConfig(
  file: string | undefined,
  read: (file: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<ProvidersConfig> {
  if (!file) return { file: null, providers: [] };
  let text: string;
  try {
    text = await read(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError('invalid_input', `CONFER_CONFIG ${file}: cannot read the file (${code ?? 'read error'})`, {
      details: { file },
    });
  }
  return parseProviderConfig(text, file);
}

/** YAML 1.2 is a superset of JSON, so one parser reads both and reports lines for both. */
function parseDocument(text: string, file: string): unknown {
  const document = YAML.parseDocument(text);
  const first = document.errors[0];
  if (first) {
    // The library's message quotes the offending line, which may hold anything: keep only its summary.
    const summary = first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new ParseError(file, first.linePos?.[0].line ?? 1, `invalid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${summary}`);
  }
  return document.toJS();
}

function validateEntry(input: unknown, prefix: string): { config: ProviderConfig } | { errors: FieldError[] } {
  const at = (path: string) => (prefix && path ? `${prefix}.${path}` : prefix || path || '(entry)');
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { errors: [{ path: at(''), message: 'must be a mapping' }] };
  }
  const secrets = findLiteralSecrets(input as Record<string, unknown>);
  if (secrets.length > 0) return { errors: secrets.map((error) => ({ path: at(error.path), message: error.message })) };

  const parsed = entrySchema.safeParse(input);
  if (!parsed.success) {
    const errors: FieldError[] = [];
    for (const issue of parsed.error.issues) {
      const path = formatPath(issue.path);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) errors.push({ path: at(path ? `${path}.${key}` : key), message: 'unknown field' });
      } else if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
        errors.push({ path: at(path), message: 'is required' });
      } else {
        errors.push({ path: at(path), message: issue.message });
      }
    }
    return { errors };
  }
  const problems = crossFieldProblems(parsed.data);
  if (problems.length > 0) return { errors: problems.map((error) => ({ path: at(error.path), message: error.message })) };
  return { config: normalise(parsed.data) };
}

function findLiteralSecrets(entry: Record<string, unknown>, base = ''): FieldError[] {
  const found: FieldError[] = [];
  for (const [key, value] of Object.entries(entry)) {
    const path = base ? `${base}.${key}` : key;
    if (!key.endsWith('Env') && SECRET_KEY.test(key)) {
      found.push({
        path,
        message: `literal secrets are not allowed in the configuration; put the secret in an environment variable and name it in ${suggestEnvField(key)}`,
      });
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      found.push(...findLiteralSecrets(value as Record<string, unknown>, path));
    }
  }
  return found;
}

function suggestEnvField(key: string): string {
  if (/access[-_]?key[-_]?id/i.test(key)) return 'accessKeyIdEnv';
  if (/secret[-_]?access/i.test(key)) return 'secretAccessKeyEnv';
  if (/session[-_]?token/i.test(key)) return 'sessionTokenEnv';
  return 'apiKeyEnv';
}

function crossFieldProblems(entry: Entry): FieldError[] {
  const problems: FieldError[] = [];
  const supported = KIND_CAPABILITIES[entry.kind];
  const declared = new Set(entry.capabilities);

  entry.capabilities.forEach((capability, index) => {
    if (entry.capabilities.indexOf(capability) !== index) {
      problems.push({ path: `capabilities[${index}]`, message: `${capability} is listed twice` });
    } else if (!supported.includes(capability)) {
      problems.push({ path: `capabilities[${index}]`, message: `kind ${entry.kind} cannot serve ${capability}; it serves ${supported.join(', ')}` });
    } else if (capability !== 'text' && !isModelCapability(capability) && !declared.has('text')) {
      problems.push({ path: `capabilities[${index}]`, message: `${capability} is a property of the text model; add text to capabilities` });
    } else if (capability === 'structured' && !declared.has('text')) {
      problems.push({ path: `capabilities[${index}]`, message: 'structured needs text as well; add text to capabilities' });
    }
  });

  for (const key of Object.keys(entry.models)) {
    if (!isModelCapability(key)) {
      const hint = TEXT_TRAITS.includes(key as Capability) ? `${key} is served by the text model; set models.text` : `not a model capability; use ${MODEL_CAPABILITIES.join(', ')}`;
      problems.push({ path: `models.${key}`, message: hint });
    } else if (!declared.has(key)) {
      problems.push({ path: `models.${key}`, message: `${key} is not in capabilities; add it there or remove this model` });
    }
  }
  for (const capability of declared) {
    if (capability === 'structured' || !isModelCapability(capability)) continue;
    if (!entry.models[capability]) problems.push({ path: `models.${capability}`, message: `capability ${capability} needs a model name here` });
  }

  const hosting = entry.hosting ?? DEFAULT_HOSTING[entry.kind];
  if (!ALLOWED_HOSTING[entry.kind].includes(hosting)) {
    problems.push({ path: 'hosting', message: `kind ${entry.kind} is hosted by its vendor; hosting must be ${ALLOWED_HOSTING[entry.kind].join(' or ')}` });
  }

  if (entry.kind === 'azure-openai') {
    if ((entry.resourceName === undefined) === (entry.baseUrl === undefined)) {
      problems.push({ path: 'resourceName', message: 'set exactly one of resourceName and baseUrl' });
    }
    for (const key of Object.keys(entry.deployments ?? {})) {
      if (!isModelCapability(key) || !declared.has(key)) {
        problems.push({ path: `deployments.${key}`, message: 'must be a model capability listed in capabilities' });
      }
    }
  }
  return problems;
}

function isModelCapability(value: string): value is ModelCapability {
  return (MODEL_CAPABILITIES as readonly string[]).includes(value);
}

function normalise(entry: Entry): ProviderConfig {
  const models: Partial<Record<Capability, string>> = {};
  for (const capability of entry.capabilities) {
    // Every declared capability names the model that serves it, so audit records can say which model ran.
    models[capability] = isModelCapability(capability) ? (entry.models[capability] ?? entry.models.text) : entry.models.text;
  }
  const info: ProviderInfo = {
    name: entry.name,
    kind: entry.kind,
    hosting: entry.hosting ?? DEFAULT_HOSTING[entry.kind],
    regions: [...new Set(entry.regions)],
    capabilities: [...entry.capabilities],
    models,
    contextWindow: entry.contextWindow,
    retainsData: entry.retainsData,
    ...(entry.cost ? { costPer1kTokens: { input: entry.cost.input, output: entry.cost.output } } : {}),
  };
  return { info, connection: connectionOf(entry), timeoutMs: entry.timeoutMs, imageSizes: entry.imageSizes ?? DEFAULT_IMAGE_SIZES };
}

function connectionOf(entry: Entry): Connection {
  switch (entry.kind) {
    case 'openai-compatible':
      return { kind: entry.kind, baseUrl: entry.baseUrl, ...(entry.apiKeyEnv ? { apiKeyEnv: entry.apiKeyEnv } : {}) };
    case 'openai':
    case 'anthropic':
    case 'perplexity':
      return { kind: entry.kind, baseUrl: entry.baseUrl, apiKeyEnv: entry.apiKeyEnv };
    case 'bedrock':
      return {
        kind: entry.kind,
        region: entry.region,
        baseUrl: entry.baseUrl ?? `https://bedrock-runtime.${entry.region}.${entry.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`,
        accessKeyIdEnv: entry.accessKeyIdEnv,
        secretAccessKeyEnv: entry.secretAccessKeyEnv,
        ...(entry.sessionTokenEnv ? { sessionTokenEnv: entry.sessionTokenEnv } : {}),
      };
    case 'azure-openai':
      return {
        kind: entry.kind,
        baseUrl: entry.baseUrl ?? `https://${entry.resourceName}.openai.azure.com/openai`,
        apiKeyEnv: entry.apiKeyEnv,
        apiVersion: entry.apiVersion,
        deployments: (entry.deployments ?? {}) as Partial<Record<ModelCapability, string>>,
      };
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '');
}

function validationError(where: string, errors: FieldError[], file: string | null): AppError {
  const [first] = errors;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return new AppError('invalid_input', `${where}: ${first.path}: ${first.message}${more}`, {
    fields: errors,
    ...(file === null ? {} : { details: { file } }),
  });
}
