/** docs.sentence_completion: predictive writing, the next words of a document at the cursor. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { MAX_CHARS, complete, completionOutput, suggestionCount, typedText, type CompletionOutput } from './completion.ts';

/** The end of a long document is what predicts its next words; the rest is not sent. */
const SENT_CHARS = 6000;

export const docsSentenceCompletionInput = z.object({
  /** The document before the cursor (Markdown or plain text). */
  text: typedText(100_000),
  title: z.string().trim().min(1).max(500).optional(),
  /** How many different continuations to offer. */
  suggestions: suggestionCount,
});
export type DocsSentenceCompletionInput = z.infer<typeof docsSentenceCompletionInput>;

export const docsSentenceCompletionFeature: FeatureDefinition<DocsSentenceCompletionInput, CompletionOutput> = {
  spec: featureSpec('docs.sentence_completion')!,
  input: docsSentenceCompletionInput,
  output: completionOutput,
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const before = input.text.length > SENT_CHARS ? `…${input.text.slice(-SENT_CHARS)}` : input.text;
    return complete(models, {
      system:
        "You predict how the user's document continues: the rest of the sentence at the cursor, or the next sentence if it is finished, in the document's language, style and format. " +
        'If the text stops inside a word, start with that word in full. Never repeat the text before the cursor.',
      content: `${input.title ? `Title: ${input.title}\n\n` : ''}Document before the cursor:\n${before}`,
      typed: input.text,
      suggestions: input.suggestions,
      maxChars: MAX_CHARS,
      tokensPerSuggestion: 80,
    });
  },
};
