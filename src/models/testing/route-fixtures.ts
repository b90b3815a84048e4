/**
 * A registry's worth of provider entries covering every hosting class and
 * several regions, for routing and availability tests.
 */
import type { ProviderInfo } from '../../core/provider.ts';
import type { Capability, HostingClass } from '../../core/types.ts';
import { BUILTIN_PROVIDER_INFO } from '../builtin-provider.ts';

/**
 * A provider entry whose model for each capability is `<name>-model`.
 *
 * @example
 * providerEntry('gpu-a', 'openai-compatible', 'self', ['EU'], ['text'], 32768);
 */
export function providerEntry(
  name: string,
  kind: ProviderInfo['kind'],
  hosting: HostingClass,
  regions: string[],
  capabilities: Capability[],
  contextWindow: number,
  cost?: { input: number; output: number },
): ProviderInfo {
  return {
    name,
    kind,
    hosting,
    regions,
    capabilities,
    models: Object.fromEntries(capabilities.map((capability) => [capability, `${name}-model`])),
    contextWindow,
    retainsData: false,
    ...(cost ? { costPer1kTokens: cost } : {}),
  };
}

/** Registration order matters: it breaks ties. */
export const ROUTE_PROVIDERS: ProviderInfo[] = [
  BUILTIN_PROVIDER_INFO,
  providerEntry('ollama-eu', 'openai-compatible', 'self', ['EU'], ['text', 'structured'], 8192),
  providerEntry('vllm-eu-long', 'openai-compatible', 'self', ['EU'], ['text', 'structured', 'long_context'], 131072),
  providerEntry('whisper-eu', 'openai-compatible', 'self', ['EU'], ['transcription'], 0),
  providerEntry('bedrock-eu', 'bedrock', 'managed', ['EU'], ['text', 'structured', 'long_context', 'embedding'], 200000, { input: 0.003, output: 0.015 }),
  providerEntry('bedrock-us', 'bedrock', 'managed', ['US'], ['text', 'structured', 'long_context'], 200000, { input: 0.003, output: 0.015 }),
  providerEntry('azure-eu', 'azure-openai', 'managed', ['EU'], ['text', 'structured', 'image'], 128000, { input: 0.0025, output: 0.01 }),
  providerEntry('openai', 'openai', 'third-party', ['US'], ['text', 'structured', 'long_context', 'image', 'moderation', 'embedding', 'transcription'], 1047576, { input: 0.0004, output: 0.0016 }),
  providerEntry('anthropic', 'anthropic', 'third-party', ['US'], ['text', 'structured', 'long_context'], 200000, { input: 0.003, output: 0.015 }),
  providerEntry('perplexity', 'perplexity', 'third-party', ['US'], ['text', 'web_search'], 127072, { input: 0.001, output: 0.001 }),
];

/**
 * @example
 * const openai = routeProvider('openai');
 */
export function routeProvider(name: string): ProviderInfo {
  const found = ROUTE_PROVIDERS.find((info) => info.name === name);
  if (!found) throw new Error(`no route fixture named ${name}`);
  return found;
}
