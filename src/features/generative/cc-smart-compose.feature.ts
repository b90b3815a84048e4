/** cc.smart_compose: copy-editing, rephrasing and tone changes of a contact-centre agent's reply. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { textCall } from './text-call.ts';

const OPERATIONS = {
  fix: 'Fix spelling, grammar and punctuation only; change nothing else.',
  rephrase: 'Rephrase it so it reads clearly and naturally.',
  friendlier: 'Make it warmer and friendlier.',
  more_formal: 'Make it more formal.',
  shorter: 'Make it shorter, keeping every fact and commitment.',
} as const;
type Operation = keyof typeof OPERATIONS;

export const ccSmartComposeInput = z.object({
  /** The agent's draft reply. */
  draft: z.string().trim().min(1).max(4000),
  operation: z.enum(Object.keys(OPERATIONS) as [Operation, ...Operation[]]),
  /** The customer's recent messages, oldest first, so the reply still answers them. */
  customerMessages: z.array(z.string().trim().min(1).max(4000)).max(20).default([]),
});
export type CcSmartComposeInput = z.infer<typeof ccSmartComposeInput>;

/** What is wrong with an edit for the operation asked, or `null`. */
function editProblem(input: CcSmartComposeInput, text: string): string | null {
  const edited = text.trim();
  if (input.operation === 'shorter' && edited.length >= input.draft.length) return `it is not shorter than the draft (${edited.length} characters, the draft has ${input.draft.length})`;
  if (input.operation !== 'fix' && edited === input.draft) return 'it is the draft unchanged';
  return null;
}

export const ccSmartComposeFeature: FeatureDefinition<CcSmartComposeInput, { text: string }> = {
  spec: featureSpec('cc.smart_compose')!,
  input: ccSmartComposeInput,
  output: z.object({ text: z.string().min(1) }),
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const customer = input.customerMessages.length > 0 ? `Customer messages, oldest first:\n${input.customerMessages.map((m) => `- ${m}`).join('\n')}\n\n` : '';
    const answer = await textCall(models, {
      system:
        "You edit a contact-centre agent's reply to a customer. Keep its meaning, facts, names, numbers and commitments, and add none. " +
        'Reply with the edited reply only, no preamble or quotes.',
      messages: [{ role: 'user', content: `${customer}Agent's draft:\n${input.draft}\n\n${OPERATIONS[input.operation]}` }],
      // An edit is about as long as the draft: its tokens with room to spare.
      maxOutputTokens: Math.min(2000, Math.ceil(input.draft.length / 2) + 100),
      check: (text) => editProblem(input, text),
    });
    return { output: { text: answer.text }, provider: answer.provider.name, model: answer.model, usage: answer.usage };
  },
};
