/** panel.prompt_assistance: advice on phrasing a prompt, and a better version of it. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { textCall } from './text-call.ts';

const line = z.string().trim().min(1).max(4000);

export const promptAssistanceInput = z.object({ prompt: line });
export type PromptAssistanceInput = z.infer<typeof promptAssistanceInput>;

const IMPROVED = /^\s*Improved prompt:\s*/im;

export const promptAssistanceFeature: FeatureDefinition<PromptAssistanceInput, { advice: string; improvedPrompt: string }> = {
  spec: featureSpec('panel.prompt_assistance')!,
  input: promptAssistanceInput,
  output: z.object({ advice: z.string().min(1), improvedPrompt: z.string().min(1) }),
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const answer = await textCall(models, {
      system:
        'You help people phrase prompts for an AI assistant at work. Give brief advice on what the prompt lacks (goal, context, format, constraints), then a line starting "Improved prompt:" followed by a better version.',
      messages: [{ role: 'user', content: `Prompt: ${input.prompt}` }],
      maxOutputTokens: 600,
      check: (text) => (IMPROVED.test(text) ? null : 'it must contain a line starting "Improved prompt:"'),
    });
    const match = IMPROVED.exec(answer.text)!;
    const advice = answer.text.slice(0, match.index).trim();
    const improvedPrompt = answer.text.slice(match.index + match[0].length).trim();
    return {
      output: { advice: advice || 'The prompt is clear; the version below only tightens it.', improvedPrompt: improvedPrompt || input.prompt },
      provider: answer.provider.name,
      model: answer.model,
      usage: answer.usage,
    };
  },
};
