/**
 * The streams returned by `Provider.streamText` of every adapter here. The
 * core interface only promises `AsyncIterable<string>`; these also report,
 * once the stream has ended, which model answered and the token usage the
 * audit record needs.
 */
import type { TokenUsage } from '../core/provider.ts';

export interface TextStreamCompletion {
  model: string;
  usage: TokenUsage;
}

export interface ProviderTextStream extends AsyncIterable<string> {
  /** Settles when the stream has been read to the end (or has failed). */
  readonly completion: Promise<TextStreamCompletion>;
}

/**
 * The completion of a stream from one of these adapters, or `null` for a
 * plain iterable.
 *
 * @example
 * const stream = provider.streamText!(request);
 * for await (const chunk of stream) send(chunk);
 * const usage = (await streamCompletion(stream))?.usage;
 */
export function streamCompletion(stream: AsyncIterable<string>): Promise<TextStreamCompletion> | null {
  const completion = (stream as Partial<ProviderTextStream>).completion;
  return completion instanceof Promise ? completion : null;
}

/**
 * Waits for a stream's first chunk, so that a stream that cannot start (an
 * HTTP error, a timeout) fails here — inside `runWithFallback`, where the
 * next provider can take over — rather than later in the reader's hands.
 * The returned stream yields that first chunk again, then the rest, and
 * keeps the original's `completion`.
 *
 * @example
 * const { value: stream } = await runWithFallback(chain, (p) => primeStream(p.streamText!(request)), { health });
 */
export async function primeStream(stream: AsyncIterable<string>): Promise<AsyncIterable<string>> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* replay(): AsyncGenerator<string> {
    try {
      if (first.done) return;
      yield first.value;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that stops early abandons the request upstream as well.
      await iterator.return?.();
    }
  }
  const completion = streamCompletion(stream);
  if (!completion) return { [Symbol.asyncIterator]: replay };
  const primed: ProviderTextStream = { completion, [Symbol.asyncIterator]: replay };
  return primed;
}
