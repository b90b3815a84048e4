/**
 * Writing features served only by a generative provider: chat drafts and
 * rewrites, mail drafts and one-click replies, documents, and advice on
 * phrasing a prompt. The conversation they draw on arrives in the input;
 * nothing else is read.
 */
import { z } from 'zod';
import { featureSpec } from '../../core/features.ts';
import type { FeatureDefinition } from '../feature.ts';
import { textCall } from './text-call.ts';

const line = z.string().trim().min(1).max(4000);
const noArtifacts = () => [] as string[];
const noCitations = () => [];

// ---- chat.compose -------------------------------------------------------

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
  artifactIds: noArtifacts,
  citations: noCitations,
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

// ---- mail.compose -------------------------------------------------------

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

const SUBJECT = /^\s*Subject:\s*(.+)\s*$/im;

export const mailComposeFeature: FeatureDefinition<MailComposeInput, { subject: string; body: string; inReplyTo: number | null }> = {
  spec: featureSpec('mail.compose')!,
  input: mailComposeInput,
  output: z.object({ subject: z.string().min(1), body: z.string().min(1), inReplyTo: z.number().int().nullable() }),
  artifactIds: noArtifacts,
  citations: noCitations,
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

// ---- docs.generate ------------------------------------------------------

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
  artifactIds: noArtifacts,
  citations: noCitations,
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

// ---- panel.prompt_assistance -------------------------------------------

export const promptAssistanceInput = z.object({ prompt: line });
export type PromptAssistanceInput = z.infer<typeof promptAssistanceInput>;

const IMPROVED = /^\s*Improved prompt:\s*/im;

export const promptAssistanceFeature: FeatureDefinition<PromptAssistanceInput, { advice: string; improvedPrompt: string }> = {
  spec: featureSpec('panel.prompt_assistance')!,
  input: promptAssistanceInput,
  output: z.object({ advice: z.string().min(1), improvedPrompt: z.string().min(1) }),
  artifactIds: noArtifacts,
  citations: noCitations,
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
