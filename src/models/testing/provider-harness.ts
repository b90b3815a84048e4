/**
 * One configured adapter wired to its wire-protocol server, for tests of the
 * adapters here and of anything that runs features against providers (leak
 * tests, CLI tests). The secrets are random per harness, so a test can
 * assert that they never appear in errors, logs or recordings.
 */
import { randomBytes } from 'node:crypto';
import type { Provider } from '../../core/provider.ts';
import { createProvider, type Env } from '../adapters/create-provider.ts';
import { parseProviderRegistration, type ProviderConfig } from '../config.ts';
import { startAnthropicServer } from './anthropic-server.ts';
import { startBedrockServer } from './bedrock-server.ts';
import { startOpenAIServer } from './openai-server.ts';
import { startPerplexityServer } from './perplexity-server.ts';
import type { WireServer } from './wire-server.ts';

export type HarnessKind = 'openai-compatible' | 'openai' | 'anthropic' | 'perplexity' | 'bedrock' | 'azure-openai';

export interface ProviderHarness {
  server: WireServer;
  config: ProviderConfig;
  /** The registration as submitted (names of environment variables only), for the admin API and the store. */
  registration: Record<string, unknown>;
  provider: Provider;
  /** The environment the adapter read its secrets from. */
  env: Env;
  /** Every secret value in `env`, for "never leaks" assertions. */
  secrets: string[];
  close(): Promise<void>;
}

const secret = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

/**
 * Starts the server for a kind and creates a provider for it. `registration`
 * overrides fields of the default registration (name, capabilities, models,
 * timeoutMs…); as a function it receives the server's URL.
 *
 * @example
 * const h = await startProviderHarness('anthropic', { timeoutMs: 200 });
 * try { await h.provider.generateText!({ messages }); } finally { await h.close(); }
 */
export async function startProviderHarness(
  kind: HarnessKind,
  registration: Record<string, unknown> | ((serverUrl: string) => Record<string, unknown>) = {},
): Promise<ProviderHarness> {
  const { server, entry, env } = await serverFor(kind);
  const overrides = typeof registration === 'function' ? registration(server.url) : registration;
  const submitted = { name: `${kind}-test`, kind, ...entry, ...overrides };
  const config = parseProviderRegistration(submitted);
  const provider = createProvider(config, env);
  return {
    server,
    config,
    registration: submitted,
    provider,
    env,
    secrets: Object.values(env).filter((value): value is string => value !== undefined),
    close: () => server.close(),
  };
}

async function serverFor(kind: HarnessKind): Promise<{ server: WireServer; entry: Record<string, unknown>; env: Env }> {
  switch (kind) {
    case 'openai-compatible': {
      const key = secret('local-');
      const server = await startOpenAIServer({ flavour: 'compatible', apiKey: key });
      return {
        server,
        env: { LOCAL_LLM_KEY: key },
        entry: {
          baseUrl: `${server.url}/v1`,
          apiKeyEnv: 'LOCAL_LLM_KEY',
          regions: ['EU'],
          capabilities: ['text', 'structured', 'long_context', 'embedding', 'transcription', 'moderation', 'image'],
          models: {
            text: 'llama3.1:70b',
            embedding: 'nomic-embed-text',
            transcription: 'Systran/faster-whisper-large-v3',
            moderation: 'llama-guard3',
            image: 'sdxl-turbo',
          },
          contextWindow: 131072,
        },
      };
    }
    case 'openai': {
      const key = secret('sk-proj-');
      const server = await startOpenAIServer({ apiKey: key });
      return {
        server,
        env: { OPENAI_API_KEY: key },
        entry: {
          baseUrl: `${server.url}/v1`,
          regions: ['US'],
          capabilities: ['text', 'structured', 'long_context', 'embedding', 'transcription', 'moderation', 'image'],
          models: {
            text: 'gpt-4.1-mini',
            embedding: 'text-embedding-3-small',
            transcription: 'whisper-1',
            moderation: 'omni-moderation-latest',
            image: 'gpt-image-1',
          },
          contextWindow: 1047576,
          cost: { input: 0.0004, output: 0.0016 },
        },
      };
    }
    case 'anthropic': {
      const key = secret('sk-ant-api03-');
      const server = await startAnthropicServer({ apiKey: key });
      return {
        server,
        env: { ANTHROPIC_API_KEY: key },
        entry: {
          baseUrl: `${server.url}/v1`,
          regions: ['US'],
          capabilities: ['text', 'structured', 'long_context'],
          models: { text: 'claude-sonnet-4-5' },
          contextWindow: 200000,
          cost: { input: 0.003, output: 0.015 },
        },
      };
    }
    case 'perplexity': {
      const key = secret('pplx-');
      const server = await startPerplexityServer({ apiKey: key });
      return {
        server,
        env: { PERPLEXITY_API_KEY: key },
        entry: {
          baseUrl: server.url,
          regions: ['US'],
          capabilities: ['text', 'structured', 'web_search'],
          models: { text: 'sonar' },
          contextWindow: 127072,
          cost: { input: 0.001, output: 0.001 },
        },
      };
    }
    case 'bedrock': {
      const accessKeyId = `AKIA${randomBytes(8).toString('hex').toUpperCase()}`;
      const secretAccessKey = secret('');
      const sessionToken = secret('IQoJb3JpZ2luX2VjE');
      const server = await startBedrockServer({ region: 'eu-central-1', accessKeyId, secretAccessKey, sessionToken });
      return {
        server,
        env: { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken },
        entry: {
          region: 'eu-central-1',
          baseUrl: server.url,
          sessionTokenEnv: 'AWS_SESSION_TOKEN',
          regions: ['EU'],
          capabilities: ['text', 'structured', 'long_context', 'embedding'],
          models: { text: 'anthropic.claude-3-5-sonnet-20240620-v1:0', embedding: 'amazon.titan-embed-text-v2:0' },
          contextWindow: 200000,
          cost: { input: 0.003, output: 0.015 },
        },
      };
    }
    case 'azure-openai': {
      const key = secret('');
      const server = await startOpenAIServer({ flavour: 'azure', apiKey: key });
      return {
        server,
        env: { AZURE_API_KEY: key },
        entry: {
          baseUrl: `${server.url}/openai/v1`,
          regions: ['EU'],
          capabilities: ['text', 'structured', 'long_context', 'embedding', 'transcription', 'image'],
          models: { text: 'gpt-4o', embedding: 'text-embedding-3-large', transcription: 'whisper', image: 'gpt-image-1' },
          deployments: { text: 'gpt4o-prod' },
          contextWindow: 128000,
          cost: { input: 0.0025, output: 0.01 },
        },
      };
    }
  }
}
