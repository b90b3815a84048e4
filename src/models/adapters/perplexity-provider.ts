/**
 * Adapter for Perplexity's chat completions (Sonar models, answers grounded
 * in web search) through the AI SDK. `citations` become `TextResult.sources`;
 * their titles come from `search_results`, which the SDK does not map.
 *
 * Sent for privacy: nothing — the API has no storage or training option;
 * Perplexity states that API data is not used for training. Structured output
 * uses `response_format: {type: 'json_schema'}`.
 */
import { createPerplexity } from '@ai-sdk/perplexity';
import { z } from 'zod';
import type { Provider } from '../../core/provider.ts';
import type { Capability } from '../../core/types.ts';
import { modelOf, type ConfigOf } from '../config.ts';
import { sdkGenerateObject, sdkGenerateText, sdkStreamText, type LanguageCall, type SourceReader } from './ai-sdk.ts';

const searchResults = z.object({
  search_results: z.array(z.object({ url: z.string(), title: z.string().nullish() })).nullish(),
});

/** Titles from `search_results`, matched by URL; results not cited are added after the citations. */
const withTitles: SourceReader = (body, cited) => {
  const parsed = searchResults.safeParse(body);
  const results = parsed.success ? (parsed.data.search_results ?? []) : [];
  const titles = new Map(results.map((result) => [result.url, result.title ?? undefined]));
  const sources = cited.map((source) => ({ url: source.url, ...(titles.get(source.url) ? { title: titles.get(source.url) } : {}) }));
  const seen = new Set(sources.map((source) => source.url));
  for (const result of results) {
    if (!seen.has(result.url)) sources.push({ url: result.url, ...(result.title ? { title: result.title } : {}) });
    seen.add(result.url);
  }
  return sources;
};

/**
 * @example
 * const { text, sources } = await perplexityMethods(config, { apiKey }).generateText!({ messages });
 */
export function perplexityMethods(config: ConfigOf<'perplexity'>, secrets: { apiKey: string }): Omit<Provider, 'info'> {
  const { info, connection } = config;
  const ctx = { provider: info.name, timeoutMs: config.timeoutMs };
  const sdk = createPerplexity({ baseURL: connection.baseUrl, apiKey: secrets.apiKey });
  const language = (capability: Capability): LanguageCall => ({ ctx, model: sdk.languageModel(modelOf(info, capability)), modelName: modelOf(info, capability) });

  return {
    generateText: (req) => sdkGenerateText(language('text'), req, withTitles),
    streamText: (req) => sdkStreamText(language('text'), req),
    generateObject: (req) => sdkGenerateObject(language('structured'), req),
  };
}
