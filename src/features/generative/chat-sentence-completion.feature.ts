/** chat.sentence_completion: inline continuations of the chat message being typed. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { complete, completionOutput, suggestionCount, typedText, type CompletionOutput } from './completion.ts';

/** An inline suggestion in a chat box is a few words, never a paragraph. */
const MAX_CHARS_CHAT = 200;

export const chatSentenceCompletionInput = z.object({
  /** The message typed so far; the cursor is at its end. */
  text: typedText(2000),
  /** Recent messages of the conversation, oldest first. */
  messages: z.array(z.object({ author: z.string().trim().min(1).max(200), text: z.string().trim().min(1).max(4000) })).max(20).default([]),
  /** How many different continuations to offer. */
  suggestions: suggestionCount,
});
export type ChatSentenceCompletionInput = z.infer<typeof chatSentenceCompletionInput>;

export const chatSentenceCompletionFeature: FeatureDefinition<ChatSentenceCompletionInput, CompletionOutput> = {
  spec: featureSpec('chat.sentence_completion')!,
  input: chatSentenceCompletionInput,
  output: completionOutput,
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const conversation = input.messages.length > 0 ? `Conversation so far:\n${input.messages.map((m) => `${m.author}: ${m.text}`).join('\n')}\n\n` : '';
    return complete(models, {
      system:
        'You complete the chat message the user is typing: continue it from its end with a few words, at most to the end of the sentence, in its language and voice. ' +
        'If it stops inside a word, start with that word in full. Never repeat the rest of the message.',
      content: `${conversation}Message being typed:\n${input.text}`,
      typed: input.text,
      suggestions: input.suggestions,
      maxChars: MAX_CHARS_CHAT,
      tokensPerSuggestion: 40,
    });
  },
};
