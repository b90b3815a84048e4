/**
 * Delivering a meeting summary by email (SPEC §8.5), honouring the
 * "summary.email_delivery" switch and the "summary.email_recipients" option
 * as they resolve for the meeting's host. Every delivery and refusal is
 * audited with counts and ids, never addresses or content.
 */
import { withStore, type Ctx } from '../core/context.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { Mailer } from '../core/mailer.ts';
import type { MeetingSummary } from '../core/outputs.ts';
import type { Artifact, Citation } from '../core/types.ts';
import { readOutputArtifact } from '../governance/access.ts';
import { audit } from '../governance/audit.ts';
import { identify } from '../governance/identity.ts';
import { effectiveSetting } from '../governance/settings/effective.ts';

export interface EmailOptions {
  mailer: Mailer;
  from: string;
  /** Base URL of the web app, for the link back to the meeting. */
  publicUrl?: string;
}

export interface EmailResult {
  sent: boolean;
  recipients: number;
  /** Who the settings addressed it to: the host only, or every invitee with an address. */
  scope: 'host_only' | 'all_invitees';
  messageId: string | null;
}

const clock = (seconds: number) => {
  const s = Math.floor(seconds);
  const hh = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${mm}:${ss}` : `${mm}:${ss}`;
};
const cite = (citations: Citation[]) => (citations[0] ? ` (${citations[0].speaker}, ${clock(citations[0].start)})` : '');

/** The plain-text body: overview, then each section with who said it and when. */
export function summaryEmailText(artifact: Artifact, summary: MeetingSummary, link?: string): string {
  const lines = [artifact.title, '', summary.overview.text, ''];
  const section = (title: string, items: { text: string; citations: Citation[] }[]) => {
    if (items.length === 0) return;
    lines.push(title, ...items.map((i) => `- ${i.text}${cite(i.citations)}`), '');
  };
  section('Key points', summary.keyPoints);
  section('Decisions', summary.decisions);
  section(
    'Action items',
    summary.actionItems.map((a) => ({ text: `${a.owner ? `${a.owner}: ` : ''}${a.text}${a.due ? ` (due ${a.due})` : ''}`, citations: a.citations })),
  );
  section('Next steps', summary.nextSteps);
  if (link) lines.push(`Open the meeting: ${link}`);
  return lines.join('\n').trimEnd() + '\n';
}

/**
 * Emails a meeting summary to the host, or to every invitee with an email
 * address, as the account's settings say.
 *
 * @example
 * await emailSummary(ctx, summary.id, { mailer, from: 'confer@acme.com' });
 */
export async function emailSummary(ctx: Ctx, outputId: string, opts: EmailOptions): Promise<EmailResult> {
  const user = await identify(ctx);
  const output = await ctx.store.outputs.get(ctx.account.id, outputId);
  if (!output || output.featureId !== 'meeting.summary' || !output.artifactId) throw notFound('summary', outputId);
  const artifact = await readOutputArtifact(ctx, user, output, 'summary');
  const host = (await ctx.store.users.get(ctx.account.id, artifact.ownerId)) ?? user;

  const delivery = await effectiveSetting(ctx, host, 'summary.email_delivery');
  if (delivery.value !== true) {
    await audit(ctx, { action: 'summary.email', targetType: 'output', targetId: outputId, outcome: 'denied', details: { reason: 'email_delivery_disabled' } });
    throw new AppError('feature_disabled', `summary email delivery is turned off (summary.email_delivery: ${delivery.explanation})`, {
      details: { feature: 'summary.email_delivery', decidedBy: delivery.decidedBy },
    });
  }
  const scope = (await effectiveSetting(ctx, host, 'summary.email_recipients')).value;
  const addresses = new Set<string>([host.email.toLowerCase()]);
  if (scope === 'all_invitees') for (const p of artifact.participants) if (p.email) addresses.add(p.email.toLowerCase());

  const link = opts.publicUrl ? `${opts.publicUrl.replace(/\/$/, '')}/meetings/${artifact.id}` : undefined;
  const receipt = await opts.mailer.send({
    from: opts.from,
    to: [...addresses],
    subject: `Summary: ${artifact.title}`,
    text: summaryEmailText(artifact, output.payload as MeetingSummary, link),
  });
  await ctx.store.transaction(async (tx) => {
    await audit(withStore(ctx, tx), {
      action: 'summary.email',
      targetType: 'output',
      targetId: outputId,
      details: { artifactId: artifact.id, recipients: receipt.accepted.length, rejected: receipt.rejected.length, scope, messageId: receipt.messageId },
    });
  });
  return { sent: receipt.accepted.length > 0, recipients: receipt.accepted.length, scope: scope === 'all_invitees' ? 'all_invitees' : 'host_only', messageId: receipt.messageId };
}

/**
 * The automatic delivery after a summary job, when SMTP is configured. A
 * refusal by settings is audited and not an error; a mail failure is logged
 * and left to the next summary, so it never fails the summary job.
 */
export async function deliverSummaryAfterJob(ctx: Ctx, outputId: string, config: { smtpUrl?: string; mailFrom?: string; publicUrl?: string }, createMailer: (url: string) => Mailer): Promise<void> {
  if (!config.smtpUrl) return;
  // A retried job must not mail the same summary twice.
  const sent = await ctx.store.audit.list(ctx.account.id, { action: 'summary.email', targetId: outputId, limit: 10 });
  if (sent.some((e) => e.outcome === 'ok')) return;
  const mailer = createMailer(config.smtpUrl);
  try {
    await emailSummary(ctx, outputId, { mailer, from: config.mailFrom ?? 'confer@localhost', publicUrl: config.publicUrl });
  } catch (error) {
    if (AppError.isInstance(error) && error.code === 'feature_disabled') return;
    ctx.logger.warn('summary email not sent', { outputId, error: (error as Error).message });
  } finally {
    mailer.close();
  }
}
