/** panel.general_knowledge: definitions and explanations, with source links from a web_search provider. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { textCall } from './text-call.ts';


export const generalKnowledgeInput = z.object({ question: z.string().trim().min(1).max(2000) });
export type GeneralKnowledgeInput = z.infer<typeof generalKnowledgeInput>;

export interface GeneralAnswer {
  answer: string;
  sources: { url: string; title: string | null }[];
  /** Whether the answer comes from a provider that searched the web. */
  webSearch: boolean;
}

export const generalKnowledgeFeature: FeatureDefinition<GeneralKnowledgeInput, GeneralAnswer> = {
  spec: featureSpec('panel.general_knowledge')!,
  input: generalKnowledgeInput,
  output: z.object({
    answer: z.string().min(1),
    sources: z.array(z.object({ url: z.url({ protocol: /^https?$/ }), title: z.string().nullable() })),
    webSearch: z.boolean(),
  }),
  artifactIds: () => [],
  citations: () => [],
  // Web questions go to a web_search provider when one is usable.
  routeNeeds: () => ({ webSearch: true }),
  async run({ input, models }) {
    const answer = await textCall(models, {
      system: 'You answer general-knowledge questions at work: definitions and explanations, briefly and accurately. Say when you are not sure.',
      messages: [{ role: 'user', content: input.question }],
      maxOutputTokens: 800,
    });
    const webSearch = answer.provider.capabilities.includes('web_search');
    const seen = new Set<string>();
    const sources = answer.sources
      .filter((s) => /^https?:\/\//.test(s.url) && !seen.has(s.url) && seen.add(s.url))
      .map((s) => ({ url: s.url, title: s.title ?? null }));
    return { output: { answer: answer.text, sources, webSearch }, provider: answer.provider.name, model: answer.model, usage: answer.usage };
  },
};
