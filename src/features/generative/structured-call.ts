/**
 * Structured output from a generative provider, checked twice: against the
 * zod schema, and by the feature's own check (e.g. every cited segment was in
 * the context). An invalid answer is sent back once with the problem; a
 * second invalid answer is a bad output of that provider, and the chain moves
 * on (without counting against the provider's health).
 */
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { ChatMessage, Provider, ProviderInfo, TokenUsage } from '../../core/provider.ts';
import type { FeatureModels } from '../route-step.ts';

export interface StructuredRequest<T> {
  schemaName: string;
  jsonSchema: Record<string, unknown>;
  schema: z.ZodType<T>;
  system: string;
  prompt: string;
  /** A problem with a schema-valid value, or `null` when it is acceptable. */
  check?: (value: T) => string | null;
  maxOutputTokens?: number;
  /** Restricts the call to these providers (default: the generative chain). */
  chain?: ProviderInfo[];
}

export interface StructuredResult<T> {
  value: T;
  provider: ProviderInfo;
  model: string;
  usage: TokenUsage;
}

/**
 * @example
 * const { value } = await structuredCall(run.models, { schemaName: 'answer', jsonSchema, schema, system, prompt });
 */
export async function structuredCall<T>(models: FeatureModels, request: StructuredRequest<T>): Promise<StructuredResult<T>> {
  const { value, provider } = await models.call('structured', (p) => attempt(p, request), { chain: request.chain });
  return { value: value.value, provider, model: value.model, usage: value.usage };
}

async function attempt<T>(provider: Provider, request: StructuredRequest<T>): Promise<{ value: T; model: string; usage: TokenUsage }> {
  if (!provider.generateObject) throw new AppError('internal', `provider ${provider.info.name} has no structured output`);
  const messages: ChatMessage[] = [{ role: 'user', content: request.prompt }];
  const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
  let problem = '';
  for (let round = 0; round < 2; round++) {
    const result = await provider.generateObject({
      system: request.system,
      messages,
      schemaName: request.schemaName,
      jsonSchema: request.jsonSchema,
      temperature: 0,
      ...(request.maxOutputTokens ? { maxOutputTokens: request.maxOutputTokens } : {}),
    });
    usage.inputTokens += result.usage.inputTokens;
    usage.outputTokens += result.usage.outputTokens;
    const parsed = request.schema.safeParse(result.object);
    problem = parsed.success
      ? (request.check?.(parsed.data) ?? '')
      : `${parsed.error.issues[0]?.path.join('.') || '(output)'}: ${parsed.error.issues[0]?.message}`;
    if (parsed.success && problem === '') return { value: parsed.data, model: result.model, usage };
    messages.push(
      { role: 'assistant', content: JSON.stringify(result.object) },
      { role: 'user', content: `That output is invalid: ${problem}. Answer again with the same JSON structure, citing only segment numbers shown in the transcript.` },
    );
  }
  // 422: a fault of this request's answer, not of the provider's health.
  throw new AppError('provider_error', `provider ${provider.info.name} returned an invalid ${request.schemaName} twice (${problem})`, {
    details: { provider: provider.info.name, status: 422, check: 'output' },
  });
}
