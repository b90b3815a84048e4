/** chat.compose: drafts and rewrites of chat messages from the conversation, by a generative provider. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { textCall } from './text-call.ts';

const line = z.string().trim().min(1).max(4000);


export const chatComposeInput = z
  .object({
    /** What to write, e.g. "tell the team the beta ships on 12 March". */
    instruction: line.optional(),
    /** A draft to rewrite. */
    draft: line.optional(),
    /** The conversation so far, oldest first. */
    messages: z.array(z.object({ author: z.string().trim().min(1).max(200), text: line })).max(50).default([]),
    tone: z.enum(['professional', 'casual', 'shorter', 'longer']).optional(),
  })
  .refine((i) => i.instruction !== undefined || i.draft !== undefined, { message: 'give an instruction, a draft to rewrite, or both', path: ['instruction'] });
export type ChatComposeInput = z.infer<typeof chatComposeInput>;

const TONES: Record<string, string> = {
  professional: 'more professional',
  casual: 'more casual',
  shorter: 'shorter',
  longer: 'longer, with more detail',
};

export const chatComposeFeature: FeatureDefinition<ChatComposeInput, { text: string }> = {
  spec: featureSpec('chat.compose')!,
  input: chatComposeInput,
  output: z.object({ text: z.string().min(1) }),
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const parts = [
      input.messages.length > 0 ? `Conversation so far:\n${input.messages.map((m) => `${m.author}: ${m.text}`).join('\n')}` : '',
      input.draft ? `Draft to rewrite:\n${input.draft}` : '',
      input.instruction ? `Instruction: ${input.instruction}` : '',
      input.tone ? `Make it ${TONES[input.tone]}.` : '',
    ].filter(Boolean);
    const answer = await textCall(models, {
      system: 'You write chat messages for the user in a workplace chat. Reply with the message text only, no preamble or quotes.',
      messages: [{ role: 'user', content: parts.join('\n\n') }],
      maxOutputTokens: 800,
    });
    return { output: { text: answer.text }, provider: answer.provider.name, model: answer.model, usage: answer.usage };
  },
};
