/**
 * Adapter for model servers the operator hosts that speak the OpenAI
 * protocol (vLLM, Ollama, llama.cpp server, LocalAI, speech servers such as
 * faster-whisper-server): chat completions, embeddings and images through the
 * AI SDK's OpenAI-compatible provider; transcriptions and moderations over
 * plain HTTP (`openai-wire.ts`).
 *
 * Sent for privacy: nothing extra. These servers are the operator's own, and
 * many reject parameters they do not know (such as OpenAI's `store`).
 * Structured output uses `response_format: {type: 'json_schema'}`, which
 * vLLM, Ollama and llama.cpp honour. Streams ask for usage
 * (`stream_options.include_usage`).
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { Provider } from '../../core/provider.ts';
import type { Capability } from '../../core/types.ts';
import { modelOf, type ConfigOf } from '../config.ts';
import { sdkEmbed, sdkGenerateImage, sdkGenerateObject, sdkGenerateText, sdkStreamText, type LanguageCall } from './ai-sdk.ts';
import { moderateOverHttp, transcribeOverHttp, type OpenAiWire } from './openai-wire.ts';

/**
 * @example
 * const methods = openAICompatibleMethods(config, { apiKey: env.VLLM_KEY });
 * await methods.generateText!({ messages: [{ role: 'user', content: 'Hello' }] });
 */
export function openAICompatibleMethods(config: ConfigOf<'openai-compatible'>, secrets: { apiKey?: string }): Omit<Provider, 'info'> {
  const { info, connection } = config;
  const ctx = { provider: info.name, timeoutMs: config.timeoutMs };
  const sdk = createOpenAICompatible({
    name: 'openaiCompatible',
    baseURL: connection.baseUrl,
    ...(secrets.apiKey ? { apiKey: secrets.apiKey } : {}),
    includeUsage: true,
    supportsStructuredOutputs: true,
  });
  const language = (capability: Capability): LanguageCall => ({ ctx, model: sdk.chatModel(modelOf(info, capability)), modelName: modelOf(info, capability) });
  const wire: OpenAiWire = { ctx, baseUrl: connection.baseUrl, headers: secrets.apiKey ? { authorization: `Bearer ${secrets.apiKey}` } : {} };

  return {
    generateText: (req) => sdkGenerateText(language('text'), req),
    streamText: (req) => sdkStreamText(language('text'), req),
    generateObject: (req) => sdkGenerateObject(language('structured'), req),
    embed: (texts, signal) => sdkEmbed(ctx, sdk.embeddingModel(modelOf(info, 'embedding')), modelOf(info, 'embedding'), texts, signal),
    transcribe: (audio, signal) => transcribeOverHttp(wire, modelOf(info, 'transcription'), audio, signal),
    moderate: (input, signal) => moderateOverHttp(wire, modelOf(info, 'moderation'), input, signal),
    generateImage: (req) =>
      sdkGenerateImage(ctx, sdk.imageModel(modelOf(info, 'image')), modelOf(info, 'image'), config.imageSizes, req),
  };
}
