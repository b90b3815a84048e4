/**
 * OpenAI-protocol endpoints the AI SDK does not cover, over plain fetch:
 * `/audio/transcriptions` for OpenAI-compatible speech servers (the SDK's
 * OpenAI-compatible provider has no transcription model) and `/moderations`
 * (no SDK has a moderation model).
 */
import { z } from 'zod';
import { guarded, type CallContext } from './ai-sdk.ts';
import { providerBadOutput, providerHttpError } from './provider-error.ts';

export interface OpenAiWire {
  ctx: CallContext;
  /** Base URL including the version prefix, e.g. `http://gpu1:8000/v1`. */
  baseUrl: string;
  /** Authentication headers (may be empty for servers without keys). */
  headers: Record<string, string>;
}

const verboseTranscription = z.object({
  text: z.string(),
  segments: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })).optional(),
});

const moderationResponse = z.object({
  model: z.string(),
  results: z.array(z.object({ flagged: z.boolean(), categories: z.record(z.string(), z.boolean().nullable()) })).min(1),
});

/**
 * Transcribes audio with `response_format=verbose_json` so that segments
 * carry their times.
 *
 * @example
 * await transcribeOverHttp(wire, 'Systran/faster-whisper-large-v3', { bytes, filename: 'call.wav', language: 'en' });
 */
export async function transcribeOverHttp(
  wire: OpenAiWire,
  model: string,
  audio: { bytes: Uint8Array; filename: string; language?: string },
  signal?: AbortSignal,
): Promise<{ text: string; segments: { start: number; end: number; text: string }[]; model: string }> {
  const form = new FormData();
  form.append('file', new Blob([audio.bytes]), audio.filename);
  form.append('model', model);
  form.append('response_format', 'verbose_json');
  form.append('timestamp_granularities[]', 'segment');
  if (audio.language) form.append('language', audio.language);
  const body = await post(wire, '/audio/transcriptions', form, signal);
  const parsed = verboseTranscription.safeParse(body);
  if (!parsed.success) throw providerBadOutput(wire.ctx.provider, 'a transcription without text');
  return {
    text: parsed.data.text,
    segments: (parsed.data.segments ?? []).map((segment) => ({ start: segment.start, end: segment.end, text: segment.text })),
    model,
  };
}

/**
 * Classifies text and/or an image; `categories` lists the flagged categories.
 *
 * @example
 * await moderateOverHttp(wire, 'omni-moderation-latest', { imageBase64 });
 */
export async function moderateOverHttp(
  wire: OpenAiWire,
  model: string,
  input: { text?: string; imageBase64?: string },
  signal?: AbortSignal,
): Promise<{ flagged: boolean; categories: string[]; model: string }> {
  const parts: unknown[] = [];
  if (input.text !== undefined) parts.push({ type: 'text', text: input.text });
  if (input.imageBase64 !== undefined) {
    parts.push({ type: 'image_url', image_url: { url: `data:${imageMediaType(input.imageBase64)};base64,${input.imageBase64}` } });
  }
  const body = await post(wire, '/moderations', JSON.stringify({ model, input: parts }), signal);
  const parsed = moderationResponse.safeParse(body);
  if (!parsed.success) throw providerBadOutput(wire.ctx.provider, 'a moderation answer without results');
  const categories = new Set<string>();
  for (const result of parsed.data.results) {
    for (const [category, flagged] of Object.entries(result.categories)) if (flagged) categories.add(category);
  }
  return { flagged: parsed.data.results.some((result) => result.flagged), categories: [...categories], model: parsed.data.model };
}

async function post(wire: OpenAiWire, path: string, body: FormData | string, signal: AbortSignal | undefined): Promise<unknown> {
  return guarded(wire.ctx, signal, async (abortSignal) => {
    const headers: Record<string, string> = { ...wire.headers };
    if (typeof body === 'string') headers['content-type'] = 'application/json';
    const response = await fetch(`${wire.baseUrl}${path}`, { method: 'POST', headers, body, signal: abortSignal });
    const text = await response.text();
    if (!response.ok) throw providerHttpError(wire.ctx.provider, response.status, text, Object.fromEntries(response.headers));
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw providerBadOutput(wire.ctx.provider, 'a response that is not JSON');
    }
  });
}

/** The data URL needs a media type; the bytes say which. */
function imageMediaType(base64: string): string {
  const head = Buffer.from(base64.slice(0, 16), 'base64');
  if (head[0] === 0xff && head[1] === 0xd8) return 'image/jpeg';
  if (head.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return 'image/png';
}
