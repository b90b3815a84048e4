/**
 * What a model provider is to the rest of Confer. Adapters in `models/`
 * implement it; no SDK type crosses this boundary.
 */
import type { Capability, HostingClass } from './types.ts';

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
