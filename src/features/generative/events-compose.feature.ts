/** events.compose: event descriptions, session details, speaker bios, lobby announcements and emails. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { SUBJECT } from './mail-compose.feature.ts';
import { textCall } from './text-call.ts';

const KINDS = {
  event_description: { what: 'an event description for its registration page', words: 150 },
  session_details: { what: 'the details of one session of an event: what it covers, who it is for, what attendees take away', words: 100 },
  speaker_bio: { what: 'a speaker bio in the third person', words: 80 },
  lobby_announcement: { what: 'an announcement shown in the lobby while attendees wait', words: 40 },
  email: { what: 'an email to attendees or invitees', words: 150 },
} as const;
type Kind = keyof typeof KINDS;

const LENGTHS = { short: 0.5, medium: 1, long: 2 } as const;

export const eventsComposeInput = z.object({
  kind: z.enum(Object.keys(KINDS) as [Kind, ...Kind[]]),
  /** The facts to use (names, dates, agenda, links) and any instruction. */
  facts: z.string().trim().min(1).max(8000),
  tone: z.enum(['professional', 'friendly', 'enthusiastic', 'formal']).default('professional'),
  length: z.enum(['short', 'medium', 'long']).default('medium'),
});
export type EventsComposeInput = z.infer<typeof eventsComposeInput>;

/** `subject` only for an email. */
export type EventsComposeOutput = { kind: Kind; text: string; subject: string | null };

export const eventsComposeFeature: FeatureDefinition<EventsComposeInput, EventsComposeOutput> = {
  spec: featureSpec('events.compose')!,
  input: eventsComposeInput,
  output: z.object({ kind: z.enum(Object.keys(KINDS) as [Kind, ...Kind[]]), text: z.string().min(1), subject: z.string().min(1).nullable() }),
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const { what, words } = KINDS[input.kind];
    const target = Math.round(words * LENGTHS[input.length]);
    const email = input.kind === 'email';
    const answer = await textCall(models, {
      system:
        'You write copy for virtual and in-person events. Use only the facts given; never invent names, dates, prices or links. ' +
        (email ? 'Start with one line "Subject: …", then a blank line, then the body. No other text.' : 'Reply with the text only, no preamble or quotes.'),
      messages: [{ role: 'user', content: `Write ${what}, ${input.tone} in tone, about ${target} words.\n\nFacts:\n${input.facts}` }],
      // Room for the words asked for, as tokens, plus a subject line.
      maxOutputTokens: Math.ceil(target * 2) + 100,
      check: email ? (text) => (SUBJECT.test(text.trim().split('\n')[0] ?? '') ? null : 'the first line must be "Subject: …"') : undefined,
    });
    if (!email) return { output: { kind: input.kind, text: answer.text, subject: null }, provider: answer.provider.name, model: answer.model, usage: answer.usage };
    const [first, ...rest] = answer.text.split('\n');
    const body = rest.join('\n').trim();
    return {
      output: { kind: input.kind, text: body || answer.text, subject: SUBJECT.exec(first)![1].trim() },
      provider: answer.provider.name,
      model: answer.model,
      usage: answer.usage,
    };
  },
};
