/**
 * Plain text from a generative provider down the routed chain, with its
 * usage and (from `web_search` providers) its sources.
 */
import { AppError } from '../../core/errors.ts';
import type { ChatMessage, ProviderInfo, TextResult, TokenUsage } from '../../core/provider.ts';
import type { Capability } from '../../core/types.ts';
import type { FeatureModels } from '../route-step.ts';

export interface TextCall {
  system: string;
  messages: ChatMessage[];
  maxOutputTokens?: number;
  temperature?: number;
  capability?: Capability;
  /** A problem with the text (e.g. a missing part), or `null`; a problem is sent back once. */
  check?: (text: string) => string | null;
}

export interface TextAnswer {
  text: string;
  sources: { url: string; title?: string }[];
  provider: ProviderInfo;
  model: string;
  usage: TokenUsage;
}

/**
 * @example
 * const { text } = await textCall(run.models, { system: 'You draft chat messages.', messages: [{ role: 'user', content: prompt }] });
 */
export async function textCall(models: FeatureModels, call: TextCall): Promise<TextAnswer> {
  const { value, provider } = await models.call(call.capability ?? 'text', async (p) => {
    if (!p.generateText) throw new AppError('internal', `provider ${p.info.name} has no text generation`);
    const messages = [...call.messages];
    const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    let result: TextResult | undefined;
    let problem: string | null = null;
    for (let round = 0; round < 2; round++) {
      result = await p.generateText({ system: call.system, messages, maxOutputTokens: call.maxOutputTokens, temperature: call.temperature ?? 0.3 });
      usage.inputTokens += result.usage.inputTokens;
      usage.outputTokens += result.usage.outputTokens;
      problem = result.text.trim() === '' ? 'the answer is empty' : (call.check?.(result.text) ?? null);
      if (problem === null) return { ...result, usage };
      messages.push({ role: 'assistant', content: result.text }, { role: 'user', content: `That answer is not usable: ${problem}. Answer again in the format asked for.` });
    }
    throw new AppError('provider_error', `provider ${p.info.name} returned an unusable answer twice (${problem})`, {
      details: { provider: p.info.name, status: 422, check: 'output' },
    });
  });
  return { text: value.text.trim(), sources: value.sources ?? [], provider, model: value.model, usage: value.usage };
}
