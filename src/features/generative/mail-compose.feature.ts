/** mail.compose: an email drafted from a prompt and/or its thread, including one-click replies. */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { textCall } from './text-call.ts';

const line = z.string().trim().min(1).max(4000);


export const mailComposeInput = z
  .object({
    prompt: line.optional(),
    /** The thread, oldest first; the last message is the one a reply answers. */
    thread: z.array(z.object({ from: z.string().trim().min(1).max(320), subject: z.string().max(500).optional(), text: z.string().trim().min(1).max(20000) })).max(50).default([]),
    /** One-click reply to the last message of the thread. */
    reply: z.boolean().default(false),
  })
  .refine((i) => i.prompt !== undefined || (i.reply && i.thread.length > 0), { message: 'give a prompt, or ask for a reply to a thread', path: ['prompt'] })
  .refine((i) => !i.reply || i.thread.length > 0, { message: 'a reply needs the thread it answers', path: ['thread'] });
export type MailComposeInput = z.infer<typeof mailComposeInput>;

/** The "Subject: …" first line of a drafted email. */
export const SUBJECT = /^\s*Subject:\s*(.+)\s*$/im;

export const mailComposeFeature: FeatureDefinition<MailComposeInput, { subject: string; body: string; inReplyTo: number | null }> = {
  spec: featureSpec('mail.compose')!,
  input: mailComposeInput,
  output: z.object({ subject: z.string().min(1), body: z.string().min(1), inReplyTo: z.number().int().nullable() }),
  artifactIds: () => [],
  citations: () => [],
  async run({ input, models }) {
    const last = input.thread.at(-1);
    const threadText = input.thread.map((m, i) => `Message ${i + 1} from ${m.from}${m.subject ? ` (subject: ${m.subject})` : ''}:\n${m.text}`).join('\n\n');
    const task = input.reply
      ? `Write a reply to the last message${input.prompt ? `, following this instruction: ${input.prompt}` : ''}.`
      : `Write an email: ${input.prompt}`;
    const answer = await textCall(models, {
      system: 'You draft emails for the user. Start with one line "Subject: …", then a blank line, then the body. No other text.',
      messages: [{ role: 'user', content: [threadText && `Thread:\n${threadText}`, task].filter(Boolean).join('\n\n') }],
      maxOutputTokens: 1200,
      check: (text) => (SUBJECT.test(text.split('\n')[0] ?? '') ? null : 'the first line must be "Subject: …"'),
    });
    const [first, ...rest] = answer.text.split('\n');
    const drafted = SUBJECT.exec(first)![1].trim();
    const replySubject = last?.subject ? (/^re:/i.test(last.subject) ? last.subject : `Re: ${last.subject}`) : drafted;
    return {
      output: { subject: input.reply ? replySubject : drafted, body: rest.join('\n').trim() || answer.text, inReplyTo: input.reply ? input.thread.length - 1 : null },
      provider: answer.provider.name,
      model: answer.model,
      usage: answer.usage,
    };
  },
};
