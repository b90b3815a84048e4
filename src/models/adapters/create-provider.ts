/**
 * Builds a `Provider` from a validated registration: reads the secrets the
 * registration names from the environment (now, and only now), creates the
 * adapter for its kind, and exposes exactly the methods of the capabilities
 * the operator declared.
 */
import { AppError } from '../../core/errors.ts';
import type { Provider } from '../../core/provider.ts';
import type { Capability } from '../../core/types.ts';
import type { ConfigOf, ProviderConfig } from '../config.ts';
import { anthropicMethods } from './anthropic-provider.ts';
import { azureOpenAIMethods } from './azure-openai-provider.ts';
import { bedrockMethods } from './bedrock-provider.ts';
import { openAICompatibleMethods } from './openai-compatible-provider.ts';
import { openAIMethods } from './openai-provider.ts';
import { perplexityMethods } from './perplexity-provider.ts';

export type Env = Record<string, string | undefined>;

type Methods = Omit<Provider, 'info'>;

/** The capability each method serves. */
const METHOD_CAPABILITY: Record<keyof Methods, Capability> = {
  generateText: 'text',
  streamText: 'text',
  generateObject: 'structured',
  embed: 'embedding',
  transcribe: 'transcription',
  moderate: 'moderation',
  generateImage: 'image',
};

/**
 * Creates the adapter for a registration.
 *
 * @example
 * const provider = createProvider(parseProviderRegistration(entry), process.env);
 * provider.generateObject?.({ messages, schemaName: 'summary', jsonSchema });
 */
export function createProvider(config: ProviderConfig, env: Env): Provider {
  const methods = methodsFor(config, env);
  const provider: Provider = { info: config.info };
  for (const [method, capability] of Object.entries(METHOD_CAPABILITY) as [keyof Methods, Capability][]) {
    const implementation = methods[method];
    if (implementation && config.info.capabilities.includes(capability)) Object.assign(provider, { [method]: implementation });
  }
  return Object.freeze(provider);
}

function methodsFor(config: ProviderConfig, env: Env): Methods {
  const read = (field: string, name: string) => readSecret(config.info.name, field, name, env);
  const connection = config.connection;
  switch (connection.kind) {
    case 'openai-compatible': {
      const apiKey = connection.apiKeyEnv ? read('apiKeyEnv', connection.apiKeyEnv) : undefined;
      return openAICompatibleMethods(config as ConfigOf<'openai-compatible'>, { apiKey });
    }
    case 'openai':
      return openAIMethods(config as ConfigOf<'openai'>, { apiKey: read('apiKeyEnv', connection.apiKeyEnv) });
    case 'anthropic':
      return anthropicMethods(config as ConfigOf<'anthropic'>, { apiKey: read('apiKeyEnv', connection.apiKeyEnv) });
    case 'perplexity':
      return perplexityMethods(config as ConfigOf<'perplexity'>, { apiKey: read('apiKeyEnv', connection.apiKeyEnv) });
    case 'bedrock': {
      const sessionToken = connection.sessionTokenEnv ? read('sessionTokenEnv', connection.sessionTokenEnv) : undefined;
      return bedrockMethods(config as ConfigOf<'bedrock'>, {
        accessKeyId: read('accessKeyIdEnv', connection.accessKeyIdEnv),
        secretAccessKey: read('secretAccessKeyEnv', connection.secretAccessKeyEnv),
        ...(sessionToken ? { sessionToken } : {}),
      });
    }
    case 'azure-openai':
      return azureOpenAIMethods(config as ConfigOf<'azure-openai'>, { apiKey: read('apiKeyEnv', connection.apiKeyEnv) });
  }
}

function readSecret(provider: string, field: string, name: string, env: Env): string {
  const value = env[name]?.trim();
  if (!value) {
    throw new AppError('invalid_input', `provider ${provider}: environment variable ${name} (named by ${field}) is not set`, {
      details: { provider, field, variable: name },
    });
  }
  return value;
}
