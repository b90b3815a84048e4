/**
 * Adapter for Anthropic's Messages API through the AI SDK.
 *
 * Sent for privacy: nothing — the Messages API has no per-request storage or
 * training option; Anthropic does not train on API data, and retention is
 * governed by the organisation's agreement (zero data retention is arranged
 * per organisation, not per request). Structured output is a forced tool
 * call: the schema becomes the `input_schema` of a tool named `json` and
 * `tool_choice` requires a tool, which works on every Claude model.
 */
import { createAnthropic } from '@ai-sdk/anthropic';
import type { Provider } from '../../core/provider.ts';
import type { Capability } from '../../core/types.ts';
import { modelOf, type ConfigOf } from '../config.ts';
import { sdkGenerateObject, sdkGenerateText, sdkStreamText, type LanguageCall } from './ai-sdk.ts';

/**
 * @example
 * const methods = anthropicMethods(config, { apiKey: env.ANTHROPIC_API_KEY! });
 */
export function anthropicMethods(config: ConfigOf<'anthropic'>, secrets: { apiKey: string }): Omit<Provider, 'info'> {
  const { info, connection } = config;
  const ctx = { provider: info.name, timeoutMs: config.timeoutMs };
  const sdk = createAnthropic({ baseURL: connection.baseUrl, apiKey: secrets.apiKey });
  const language = (capability: Capability): LanguageCall => ({ ctx, model: sdk.messages(modelOf(info, capability)), modelName: modelOf(info, capability) });

  return {
    generateText: (req) => sdkGenerateText(language('text'), req),
    streamText: (req) => sdkStreamText(language('text'), req),
    generateObject: (req) =>
      sdkGenerateObject({ ...language('structured'), providerOptions: { anthropic: { structuredOutputMode: 'jsonTool' } } }, req),
  };
}
