/**
 * Adapter for Azure OpenAI through the AI SDK: chat completions, embeddings,
 * transcriptions and images of the operator's deployments. With the `v1` API
 * version requests go to `…/openai/v1/…`; with a dated version to
 * `…/openai/deployments/{deployment}/…?api-version=…`. Authentication is the
 * `api-key` header.
 *
 * Sent for privacy: `store: false` on chat completions (Azure's stored
 * completions). Azure OpenAI does not pass data to OpenAI or use it for
 * training; abuse-monitoring retention is governed by the Azure subscription.
 */
import { createAzure } from '@ai-sdk/azure';
import type { Provider } from '../../core/provider.ts';
import type { Capability } from '../../core/types.ts';
import { modelOf, type ConfigOf, type ModelCapability } from '../config.ts';
import { transcriptionOptions } from './openai-provider.ts';
import { sdkEmbed, sdkGenerateImage, sdkGenerateObject, sdkGenerateText, sdkStreamText, sdkTranscribe, type LanguageCall } from './ai-sdk.ts';

const NO_STORAGE = { openai: { store: false } };

/**
 * @example
 * const methods = azureOpenAIMethods(config, { apiKey: env.AZURE_API_KEY! });
 */
export function azureOpenAIMethods(config: ConfigOf<'azure-openai'>, secrets: { apiKey: string }): Omit<Provider, 'info'> {
  const { info, connection } = config;
  const ctx = { provider: info.name, timeoutMs: config.timeoutMs };
  const sdk = createAzure({
    baseURL: connection.baseUrl,
    apiKey: secrets.apiKey,
    apiVersion: connection.apiVersion,
    useDeploymentBasedUrls: connection.apiVersion !== 'v1',
  });
  // Azure addresses models by deployment name; the model name stays what audit records show.
  const deployment = (capability: ModelCapability): string =>
    connection.deployments[capability] ?? (capability === 'structured' ? connection.deployments.text : undefined) ?? modelOf(info, capability);
  const language = (capability: Capability & ModelCapability): LanguageCall => ({
    ctx,
    model: sdk.chat(deployment(capability)),
    modelName: modelOf(info, capability),
    providerOptions: NO_STORAGE,
  });

  return {
    generateText: (req) => sdkGenerateText(language('text'), req),
    streamText: (req) => sdkStreamText(language('text'), req),
    generateObject: (req) => sdkGenerateObject(language('structured'), req),
    embed: (texts, signal) => sdkEmbed(ctx, sdk.embedding(deployment('embedding')), modelOf(info, 'embedding'), texts, signal),
    transcribe: (audio, signal) =>
      sdkTranscribe(
        ctx,
        sdk.transcription(deployment('transcription')),
        modelOf(info, 'transcription'),
        audio,
        transcriptionOptions(audio.language),
        signal,
      ),
    generateImage: (req) =>
      sdkGenerateImage(ctx, sdk.image(deployment('image')), modelOf(info, 'image'), config.imageSizes, req),
  };
}
