/**
 * Adapter for OpenAI's API: chat completions (not the Responses API, which
 * keeps conversation state server-side), embeddings, transcriptions and
 * images through the AI SDK; moderations over plain HTTP (`openai-wire.ts`).
 *
 * Sent for privacy: `store: false` on every chat completion, so that the
 * completion is not kept for OpenAI's stored-completions, evals or
 * distillation features. OpenAI does not train on API data by default; the
 * other endpoints have no storage option. Structured output uses
 * `response_format: {type: 'json_schema', strict: true}`.
 */
import { createOpenAI } from '@ai-sdk/openai';
import type { Provider } from '../../core/provider.ts';
import type { Capability } from '../../core/types.ts';
import { modelOf, type ConfigOf } from '../config.ts';
import {
  sdkEmbed,
  sdkGenerateImage,
  sdkGenerateObject,
  sdkGenerateText,
  sdkStreamText,
  sdkTranscribe,
  type LanguageCall,
  type SdkProviderOptions,
} from './ai-sdk.ts';
import { moderateOverHttp } from './openai-wire.ts';

const NO_STORAGE = { openai: { store: false } };

/**
 * Segment timestamps (so that transcripts keep their times) and the spoken
 * language when known; shared with Azure, which serves the same protocol.
 *
 * @example
 * transcriptionOptions('de'); // { openai: { timestampGranularities: ['segment'], language: 'de' } }
 */
export function transcriptionOptions(language: string | undefined): SdkProviderOptions {
  return { openai: { timestampGranularities: ['segment'], ...(language ? { language } : {}) } };
}

/**
 * @example
 * const methods = openAIMethods(config, { apiKey: env.OPENAI_API_KEY! });
 */
export function openAIMethods(config: ConfigOf<'openai'>, secrets: { apiKey: string }): Omit<Provider, 'info'> {
  const { info, connection } = config;
  const ctx = { provider: info.name, timeoutMs: config.timeoutMs };
  const sdk = createOpenAI({ baseURL: connection.baseUrl, apiKey: secrets.apiKey });
  const language = (capability: Capability): LanguageCall => ({
    ctx,
    model: sdk.chat(modelOf(info, capability)),
    modelName: modelOf(info, capability),
    providerOptions: NO_STORAGE,
  });

  return {
    generateText: (req) => sdkGenerateText(language('text'), req),
    streamText: (req) => sdkStreamText(language('text'), req),
    generateObject: (req) => sdkGenerateObject(language('structured'), req),
    embed: (texts, signal) => sdkEmbed(ctx, sdk.embedding(modelOf(info, 'embedding')), modelOf(info, 'embedding'), texts, signal),
    transcribe: (audio, signal) =>
      sdkTranscribe(
        ctx,
        sdk.transcription(modelOf(info, 'transcription')),
        modelOf(info, 'transcription'),
        audio,
        transcriptionOptions(audio.language),
        signal,
      ),
    moderate: (input, signal) =>
      moderateOverHttp({ ctx, baseUrl: connection.baseUrl, headers: { authorization: `Bearer ${secrets.apiKey}` } }, modelOf(info, 'moderation'), input, signal),
    generateImage: (req) =>
      sdkGenerateImage(ctx, sdk.image(modelOf(info, 'image')), modelOf(info, 'image'), config.imageSizes, req),
  };
}
