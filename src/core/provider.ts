/**
 * What a model provider is to the rest of Confer. Adapters in `models/`
 * implement it; no SDK type crosses this boundary.
 */
import type { BuiltinSupport } from './features.ts';
import type { Account, Capability, HostingClass } from './types.ts';

export const PROVIDER_KINDS = [
  'builtin',
  'openai-compatible',
  'openai',
  'anthropic',
  'perplexity',
  'bedrock',
  'azure-openai',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Registration data of a provider, as the operator configures it. */
export interface ProviderInfo {
  /** Unique registered name, e.g. `ollama-gpu1`. */
  name: string;
  kind: ProviderKind;
  hosting: HostingClass;
  /** Regions where the provider processes data; `*` means everywhere (the built-in engine). */
  regions: string[];
  capabilities: Capability[];
  /** Model name per capability; configuration, never code. */
  models: Partial<Record<Capability, string>>;
  /** Context window in tokens. */
  contextWindow: number;
  /** Whether the provider keeps request data after answering. */
  retainsData: boolean;
  /** Optional price per 1,000 tokens, used to order equivalent providers. */
  costPer1kTokens?: { input: number; output: number };
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

export interface TextRequest {
  system?: string;
  messages: ChatMessage[];
  maxOutputTokens?: number;
  temperature?: number;
  signal?: AbortSignal;
}

export interface TextResult {
  text: string;
  model: string;
  usage: TokenUsage;
  /** Web sources, from providers with `web_search`. */
  sources?: { url: string; title?: string }[];
}

export interface ObjectRequest extends TextRequest {
  /** Name of the schema, sent to providers that take one. */
  schemaName: string;
  /** JSON Schema the object must satisfy. */
  jsonSchema: Record<string, unknown>;
}

export interface ObjectResult {
  object: unknown;
  model: string;
  usage: TokenUsage;
}

export interface Provider {
  readonly info: ProviderInfo;
  generateText?(req: TextRequest): Promise<TextResult>;
  streamText?(req: TextRequest): AsyncIterable<string>;
  generateObject?(req: ObjectRequest): Promise<ObjectResult>;
  embed?(texts: string[], signal?: AbortSignal): Promise<{ vectors: number[][]; model: string; usage: TokenUsage }>;
  transcribe?(audio: { bytes: Uint8Array; filename: string; language?: string }, signal?: AbortSignal): Promise<{
    text: string;
    segments: { start: number; end: number; text: string }[];
    model: string;
  }>;
  moderate?(input: { text?: string; imageBase64?: string }, signal?: AbortSignal): Promise<{ flagged: boolean; categories: string[]; model: string }>;
  generateImage?(req: { prompt: string; size: 'landscape' | 'portrait' | 'square'; signal?: AbortSignal }): Promise<{
    images: { base64: string; mediaType: string }[];
    model: string;
  }>;
}

/** What one run needs from a provider. */
export interface RouteNeeds {
  /** How the built-in engine serves the feature. */
  builtin: BuiltinSupport;
  /** Capabilities one generative provider must have. */
  capabilities: Capability[];
  /** Capabilities some other usable provider must have (e.g. moderation of generated images). */
  companions: Capability[];
  /** Estimated size of the input in tokens. */
  inputTokens: number;
  /** The request wants web results with sources. */
  webSearch?: boolean;
  /** The account prefers a generative provider over the built-in engine. */
  preferGenerative?: boolean;
  /** `builtin` or a registered provider name the caller asked for. */
  requestedProvider?: string;
}

export type RouteAccount = Pick<Account, 'homeRegion' | 'deploymentMode'>;

export interface RouteDecision {
  provider: string;
  /** Allowed for this account by mode and residency. */
  usable: boolean;
  /** In the chain. */
  chosen: boolean;
  /** Position in the chain (0 = first choice); `null` when not chosen. */
  position: number | null;
  reason: string;
}

export interface ModelRoute {
  /** Usable providers able to serve the request, in the order to try them. */
  chain: ProviderInfo[];
  /** For each companion capability, the providers to use for it, in order. */
  companions: Partial<Record<Capability, ProviderInfo[]>>;
  /** One decision per registered provider, in registration order. */
  decisions: RouteDecision[];
  /** Why the chain is empty; absent when it is not. */
  unavailable?: string;
}


/** One call to one provider during a run, for the fallback path of the audit record. */
export interface ModelAttempt {
  provider: string;
  attempt: number;
  outcome: 'ok' | 'error' | 'skipped';
  latencyMs: number;
  errorCode?: string;
  status?: number;
}

/** Observed state of a provider, for listings; never about any request's content. */
export interface ProviderStatus {
  circuit: 'closed' | 'open' | 'half-open';
  openUntil: string | null;
  consecutiveFailures: number;
  latencyMs: number | null;
  outstanding: number;
}

/** Where a provider registration comes from. */
export type ProviderSource = 'builtin' | 'config' | 'account';

/**
 * The model layer as the rest of Confer reaches it (implemented by
 * `models/model-service.ts`). Features get providers only through a route,
 * and call them only down the route's chain.
 */
export interface ModelGateway {
  /** Registration data of every provider the account can name, the built-in engine first, with where each comes from. */
  providers(accountId: string): Promise<{ info: ProviderInfo; source: ProviderSource }[]>;
  /** Usable providers for the request, in order, with the reason for each registered provider. */
  route(accountId: string, account: RouteAccount, needs: RouteNeeds): Promise<ModelRoute>;
  /**
   * Runs `operation` down `chain` (which must come from `route`): retries,
   * circuit breakers, and the next provider on a provider failure.
   */
  run<T>(
    accountId: string,
    chain: readonly ProviderInfo[],
    operation: (provider: Provider) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<{ value: T; provider: ProviderInfo; attempts: ModelAttempt[] }>;
  /** Observed health of a provider of the account. */
  status(accountId: string, provider: string): ProviderStatus;
  /** Validates a registration and that the environment holds its secrets; throws `invalid_input` saying what is wrong. */
  checkRegistration(raw: unknown): ProviderInfo;
}
