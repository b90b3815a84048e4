/**
 * Adapter for Amazon Bedrock through the AI SDK: the Converse API
 * (`/model/{modelId}/converse` and `/converse-stream`) for text, and
 * `/model/{modelId}/invoke` for embeddings, signed with SigV4 using the
 * credentials named in the configuration.
 *
 * Sent for privacy: nothing — Bedrock neither stores prompts and completions
 * nor shares them with model makers, and has no per-request option. Model
 * invocation logging is an account setting of the operator's AWS account.
 * Structured output is a forced tool call (`toolConfig` with a tool named
 * `json`), which every Converse model with tool use supports.
 */
import { createAmazonBedrock } from '@ai-sdk/amazon-bedrock';
import type { Provider } from '../../core/provider.ts';
import type { Capability } from '../../core/types.ts';
import { modelOf, type ConfigOf } from '../config.ts';
import { sdkEmbed, sdkGenerateObject, sdkGenerateText, sdkStreamText, type LanguageCall } from './ai-sdk.ts';

export interface BedrockSecrets {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * @example
 * const methods = bedrockMethods(config, { accessKeyId, secretAccessKey });
 */
export function bedrockMethods(config: ConfigOf<'bedrock'>, secrets: BedrockSecrets): Omit<Provider, 'info'> {
  const { info, connection } = config;
  const ctx = { provider: info.name, timeoutMs: config.timeoutMs };
  const sdk = createAmazonBedrock({
    region: connection.region,
    baseURL: connection.baseUrl,
    accessKeyId: secrets.accessKeyId,
    secretAccessKey: secrets.secretAccessKey,
    ...(secrets.sessionToken ? { sessionToken: secrets.sessionToken } : {}),
    // An empty key keeps the SDK from picking up AWS_BEARER_TOKEN_BEDROCK from the process environment.
    apiKey: '',
  });
  const language = (capability: Capability): LanguageCall => ({ ctx, model: sdk.languageModel(modelOf(info, capability)), modelName: modelOf(info, capability) });

  return {
    generateText: (req) => sdkGenerateText(language('text'), req),
    streamText: (req) => sdkStreamText(language('text'), req),
    generateObject: (req) => sdkGenerateObject({ ...language('structured'), providerOptions: { bedrock: { structuredOutputMode: 'jsonTool' } } }, req),
    embed: (texts, signal) => sdkEmbed(ctx, sdk.embedding(modelOf(info, 'embedding')), modelOf(info, 'embedding'), texts, signal),
  };
}
