/**
 * The calls every adapter makes through the Vercel AI SDK, with timeouts,
 * cancellation, usage mapping and error mapping in one place. Only files in
 * `adapters/` import this; nothing from the SDK is returned.
 *
 * SDK retries are off (`maxRetries: 0`): retries and fallback belong to
 * `fallback.ts`, which can see the circuit breakers.
 */
import {
  APICallError,
  embedMany,
  experimental_transcribe as transcribe,
  generateImage,
  generateText,
  jsonSchema,
  Output,
  streamText,
  type EmbeddingModel,
  type ImageModel,
  type LanguageModel,
  type ModelMessage,
  type TranscriptionModel,
} from 'ai';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { ObjectRequest, ObjectResult, TextRequest, TextResult, TokenUsage } from '../../core/provider.ts';
import type { ImageSize } from '../config.ts';
import type { ProviderTextStream, TextStreamCompletion } from '../text-stream.ts';
import {
  providerBadOutput,
  providerCancelled,
  providerHttpError,
  providerTimeout,
  providerUnexpected,
  providerUnreachable,
} from './provider-error.ts';

/** Provider options in the SDK's shape: per SDK provider id, a map of options. */
export type SdkProviderOptions = Record<string, Record<string, string | number | boolean | string[] | null>>;

export interface CallContext {
  /** Registered provider name, for error messages. */
  provider: string;
  /** Time allowed for a call; for streams, between two chunks. */
  timeoutMs: number;
}

/** Output errors of the SDK: the provider answered, but not with what was asked for. */
const OUTPUT_ERRORS = new Set([
  'AI_NoObjectGeneratedError',
  'AI_NoOutputGeneratedError',
  'AI_NoContentGeneratedError',
  'AI_JSONParseError',
  'AI_TypeValidationError',
  'AI_InvalidResponseDataError',
  'AI_EmptyResponseBodyError',
  'AI_NoTranscriptGeneratedError',
  'AI_NoImageGeneratedError',
]);

/**
 * Runs `call` with the provider's time limit joined to the caller's signal
 * and maps whatever it throws to an `AppError`.
 *
 * @example
 * await guarded(ctx, request.signal, (signal) => embedMany({ model, values, abortSignal: signal }));
 */
export async function guarded<T>(ctx: CallContext, callerSignal: AbortSignal | undefined, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timeout]) : timeout;
  try {
    return await call(signal);
  } catch (error) {
    throw mapError(ctx, error, { timedOut: timeout.aborted && !callerSignal?.aborted, cancelled: callerSignal?.aborted === true });
  }
}

/** Maps an SDK (or fetch) failure to `provider_error`. */
function mapError(ctx: CallContext, error: unknown, state: { timedOut: boolean; cancelled: boolean }): AppError {
  if (state.cancelled) return providerCancelled(ctx.provider);
  if (state.timedOut) return providerTimeout(ctx.provider, ctx.timeoutMs);
  if (AppError.isInstance(error)) return error;
  if (APICallError.isInstance(error)) {
    if (error.statusCode === undefined) return providerUnreachable(ctx.provider);
    if (error.statusCode < 400) return providerBadOutput(ctx.provider, 'a response that could not be read');
    return providerHttpError(ctx.provider, error.statusCode, error.responseBody, error.responseHeaders);
  }
  const name = error instanceof Error ? error.name : '';
  if (OUTPUT_ERRORS.has(name)) return providerBadOutput(ctx.provider, 'output that does not match the request');
  // Plain fetch (openai-wire.ts) reports connection failures this way.
  if (name === 'TypeError' && (error as Error).message === 'fetch failed') return providerUnreachable(ctx.provider);
  return providerUnexpected(ctx.provider, name);
}

function toMessages(req: TextRequest): ModelMessage[] {
  return req.messages.map((message) => ({ role: message.role, content: message.content }));
}

/** What every language call sends, whatever it asks for. */
function callSettings(call: LanguageCall, req: TextRequest, abortSignal: AbortSignal) {
  return {
    model: call.model,
    system: req.system,
    messages: toMessages(req),
    maxOutputTokens: req.maxOutputTokens,
    temperature: req.temperature,
    providerOptions: call.providerOptions,
    maxRetries: 0,
    abortSignal,
  };
}

function toUsage(usage: { inputTokens?: number; outputTokens?: number } | undefined): TokenUsage {
  return { inputTokens: usage?.inputTokens ?? 0, outputTokens: usage?.outputTokens ?? 0 };
}

export interface LanguageCall {
  ctx: CallContext;
  model: LanguageModel;
  /** The configured model name, reported when the provider does not name one. */
  modelName: string;
  providerOptions?: SdkProviderOptions;
}

/** Reads sources a provider reports outside the SDK's mapping (e.g. titles), from the raw response body. */
export type SourceReader = (responseBody: unknown, sdkSources: { url: string; title?: string }[]) => { url: string; title?: string }[];

/**
 * @example
 * const result = await sdkGenerateText({ ctx, model: sdk.chat('gpt-4.1-mini'), modelName: 'gpt-4.1-mini' }, { messages });
 */
export async function sdkGenerateText(call: LanguageCall, req: TextRequest, readSources?: SourceReader): Promise<TextResult> {
  return guarded(call.ctx, req.signal, async (abortSignal) => {
    const result = await generateText(callSettings(call, req, abortSignal));
    const sdkSources = result.sources.flatMap((source) =>
      source.sourceType === 'url' ? [{ url: source.url, ...(source.title ? { title: source.title } : {}) }] : [],
    );
    const sources = readSources ? readSources(result.response.body, sdkSources) : sdkSources;
    return {
      text: result.text,
      model: result.response.modelId || call.modelName,
      usage: toUsage(result.totalUsage),
      ...(sources.length > 0 ? { sources } : {}),
    };
  });
}

/**
 * Structured output, checked against the JSON Schema here as well: only some
 * providers enforce schemas themselves, and an object that does not match is
 * a bad answer worth trying elsewhere.
 *
 * @example
 * const { object } = await sdkGenerateObject(call, { messages, schemaName: 'summary', jsonSchema });
 */
export async function sdkGenerateObject(call: LanguageCall, req: ObjectRequest): Promise<ObjectResult> {
  const validator = schemaValidator(req);
  const schema = jsonSchema(req.jsonSchema as Parameters<typeof jsonSchema>[0], {
    validate: (value) => {
      const checked = validator.safeParse(value);
      return checked.success ? { success: true, value: checked.data } : { success: false, error: checked.error };
    },
  });
  return guarded(call.ctx, req.signal, async (abortSignal) => {
    const result = await generateText({
      ...callSettings(call, req, abortSignal),
      output: Output.object({ schema, name: req.schemaName }),
    });
    return { object: result.output, model: result.response.modelId || call.modelName, usage: toUsage(result.totalUsage) };
  });
}

function schemaValidator(req: ObjectRequest): z.ZodType {
  try {
    return z.fromJSONSchema(req.jsonSchema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    throw new AppError('internal', `the JSON schema ${req.schemaName} uses constructs that cannot be validated`, { details: { schemaName: req.schemaName } });
  }
}

/**
 * Streams text deltas. The time limit applies between two chunks, so a long
 * answer is not cut off while it is still flowing.
 *
 * @example
 * for await (const chunk of sdkStreamText(call, { messages })) process.stdout.write(chunk);
 */
export function sdkStreamText(call: LanguageCall, req: TextRequest): ProviderTextStream {
  let settle!: { resolve: (value: TextStreamCompletion) => void; reject: (error: unknown) => void };
  const completion = new Promise<TextStreamCompletion>((resolve, reject) => (settle = { resolve, reject }));
  // Callers who only read the text never await the completion; its failure is already thrown by the iterator.
  completion.catch(() => {});

  async function* chunks(): AsyncGenerator<string> {
    const idle = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), call.ctx.timeoutMs);
    };
    const signal = req.signal ? AbortSignal.any([req.signal, idle.signal]) : idle.signal;
    const fail = (error: unknown) => mapError(call.ctx, error, { timedOut: idle.signal.aborted && !req.signal?.aborted, cancelled: req.signal?.aborted === true });
    let model = call.modelName;
    let finished = false;
    touch();
    try {
      const result = streamText({
        ...callSettings(call, req, signal),
        onError: () => {}, // errors arrive as stream parts below
      });
      for await (const part of result.fullStream) {
        touch();
        if (part.type === 'text-delta') {
          if (part.text) yield part.text;
        } else if (part.type === 'finish-step') {
          model = part.response.modelId || model;
        } else if (part.type === 'finish') {
          finished = true;
          settle.resolve({ model, usage: toUsage(part.totalUsage) });
        } else if (part.type === 'error') {
          throw fail(part.error);
        } else if (part.type === 'abort') {
          throw fail(new Error('aborted'));
        }
      }
      // A stream that ends without a finish part was cut off.
      if (!finished) throw providerBadOutput(call.ctx.provider, 'a stream that ended early');
    } catch (error) {
      const mapped = AppError.isInstance(error) ? error : fail(error);
      settle.reject(mapped);
      throw mapped;
    } finally {
      clearTimeout(timer);
      // The reader stopped early: no usage will come, and the request is abandoned.
      if (!finished) {
        idle.abort();
        settle.reject(providerCancelled(call.ctx.provider));
      }
    }
  }

  let iterated = false;
  return {
    completion,
    [Symbol.asyncIterator]() {
      if (iterated) throw new Error('a provider text stream can be read only once');
      iterated = true;
      return chunks();
    },
  };
}

/**
 * @example
 * const { vectors } = await sdkEmbed(ctx, sdk.embedding('text-embedding-3-small'), 'text-embedding-3-small', ['a', 'b'], signal);
 */
export async function sdkEmbed(
  ctx: CallContext,
  model: EmbeddingModel,
  modelName: string,
  texts: string[],
  signal: AbortSignal | undefined,
): Promise<{ vectors: number[][]; model: string; usage: TokenUsage }> {
  return guarded(ctx, signal, async (abortSignal) => {
    const result = await embedMany({ model, values: texts, maxRetries: 0, abortSignal });
    return { vectors: result.embeddings, model: modelName, usage: { inputTokens: result.usage.tokens, outputTokens: 0 } };
  });
}

/**
 * @example
 * await sdkTranscribe(ctx, sdk.transcription('whisper-1'), 'whisper-1', { bytes }, transcriptionOptions('en'), signal);
 */
export async function sdkTranscribe(
  ctx: CallContext,
  model: TranscriptionModel,
  modelName: string,
  audio: { bytes: Uint8Array; language?: string },
  providerOptions: SdkProviderOptions,
  signal: AbortSignal | undefined,
): Promise<{ text: string; segments: { start: number; end: number; text: string }[]; model: string }> {
  return guarded(ctx, signal, async (abortSignal) => {
    const result = await transcribe({ model, audio: audio.bytes, providerOptions, maxRetries: 0, abortSignal });
    return {
      text: result.text,
      segments: result.segments.map((segment) => ({ start: segment.startSecond, end: segment.endSecond, text: segment.text })),
      model: modelName,
    };
  });
}

/**
 * Generates one image; `sizes` maps the requested orientation to the size the model takes.
 *
 * @example
 * await sdkGenerateImage(ctx, sdk.image('gpt-image-1'), 'gpt-image-1', config.imageSizes, { prompt, size: 'square' });
 */
export async function sdkGenerateImage(
  ctx: CallContext,
  model: ImageModel,
  modelName: string,
  sizes: Record<ImageSize, string>,
  request: { prompt: string; size: ImageSize; signal?: AbortSignal },
): Promise<{ images: { base64: string; mediaType: string }[]; model: string }> {
  return guarded(ctx, request.signal, async (abortSignal) => {
    const size = sizes[request.size] as `${number}x${number}`;
    const result = await generateImage({ model, prompt: request.prompt, size, n: 1, maxRetries: 0, abortSignal });
    return { images: result.images.map((image) => ({ base64: image.base64, mediaType: image.mediaType })), model: modelName };
  });
}
