/** translate.live: a meeting's transcript translated segment by segment, each cited to its source. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { Citation } from '../../core/types.ts';
import type { FeatureDefinition } from '../feature.ts';
import { citationSchema } from '../schemas.ts';
import { chunkBudget, chunkSegments } from './meeting-model.ts';
import { textCall } from './text-call.ts';


export const translateInput = z
  .object({
    artifactId: z.string().min(1),
    /** Language to translate into: a BCP 47 tag such as de, fr, pt-BR. */
    targetLanguage: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as de, fr or pt-BR'),
    /** First segment to translate (live use sends the segments it has not shown yet). */
    fromSegment: z.number().int().min(0).default(0),
    /** Most segments translated in one run. */
    limit: z.number().int().min(1).max(500).default(200),
  });
export type TranslateInput = z.infer<typeof translateInput>;

export interface Translation {
  language: string;
  segments: { segment: number; speaker: string; start: number; end: number; text: string; citation: Citation }[];
}

const LINE = /^\s*\[(\d+)\]\s?(.*)$/;

function parseLines(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    if (match && match[2].trim() !== '') out.set(Number(match[1]), match[2].trim());
  }
  return out;
}

export const translateFeature: FeatureDefinition<TranslateInput, Translation> = {
  spec: featureSpec('translate.live')!,
  input: translateInput,
  output: z.object({
    language: z.string(),
    segments: z.array(z.object({ segment: z.number().int(), speaker: z.string(), start: z.number(), end: z.number(), text: z.string().min(1), citation: citationSchema })),
  }),
  artifactIds: (input) => [input.artifactId],
  citations: (t) => t.segments.map((s) => s.citation),
  chunked: true,
  async run({ input, context, models }) {
    const [{ artifact, segments }] = context;
    const wanted = segments.filter((s) => s.index >= input.fromSegment).slice(0, input.limit);
    const out: Translation['segments'] = [];
    let last: Awaited<ReturnType<typeof textCall>> | undefined;
    const usage = { inputTokens: 0, outputTokens: 0 };
    for (const chunk of chunkSegments(wanted, chunkBudget(models))) {
      const numbers = chunk.map((s) => s.index);
      last = await textCall(models, {
        capability: 'translation',
        system: `Translate each transcript line into the language with tag ${input.targetLanguage}. Keep the [number] at the start of each line, one output line per input line, and translate nothing else.`,
        messages: [{ role: 'user', content: chunk.map((s) => `[${s.index}] ${s.text.replace(/\s+/g, ' ')}`).join('\n') }],
        temperature: 0,
        check: (text) => {
          const lines = parseLines(text);
          const missing = numbers.filter((n) => !lines.has(n));
          return missing.length > 0 ? `lines ${missing.slice(0, 10).join(', ')} are missing` : null;
        },
      });
      usage.inputTokens += last.usage.inputTokens;
      usage.outputTokens += last.usage.outputTokens;
      const lines = parseLines(last.text);
      for (const s of chunk) {
        out.push({
          segment: s.index,
          speaker: s.speaker,
          start: s.start,
          end: s.end,
          text: lines.get(s.index)!,
          citation: { artifactId: artifact.id, segment: s.index, start: s.start, end: s.end, speaker: s.speaker },
        });
      }
    }
    return { output: { language: input.targetLanguage, segments: out }, provider: last?.provider.name, model: last?.model ?? null, usage };
  },
};
