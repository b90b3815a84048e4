/** docs.generate: documents created, summarised or revised from a prompt, in Markdown. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { textCall } from './text-call.ts';

const line = z.string().trim().min(1).max(4000);

export const docsGenerateInput = z
  .object({
    prompt: line,
    mode: z.enum(['create', 'summarise', 'revise']).default('create'),
    /** The document to summarise or revise (Markdown or plain text). */
    document: z.string().trim().min(1).max(100_000).optional(),
  })
  .refine((i) => i.mode === 'create' || i.document !== undefined, { message: 'summarise and revise need the document', path: ['document'] });
export type DocsGenerateInput = z.infer<typeof docsGenerateInput>;

export const docsGenerateFeature: FeatureDefinition<DocsGenerateInput, { markdown: string }> = {
  spec: featureSpec('docs.generate')!,
  input: docsGenerateInput,
  output: z.object({ markdown: z.string().min(1) }),
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const task = {
      create: `Write a document: ${input.prompt}`,
      summarise: `Summarise the document below. ${input.prompt}`,
      revise: `Revise the document below as asked: ${input.prompt}`,
    }[input.mode];
    const answer = await textCall(models, {
      system: 'You write workplace documents in Markdown, with headings and tables where they help. Reply with the document only.',
      messages: [{ role: 'user', content: input.document ? `${task}\n\nDocument:\n${input.document}` : task }],
      maxOutputTokens: 4000,
    });
    return { output: { markdown: answer.text }, provider: answer.provider.name, model: answer.model, usage: answer.usage };
  },
};
