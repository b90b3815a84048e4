import nodemailer, { type Transporter } from 'nodemailer';
import { AppError } from '../core/errors.ts';
import type { MailMessage, MailReceipt, Mailer } from '../core/mailer.ts';

/**
 * Mail over SMTP with nodemailer. `url` is `smtp://user:pass@host:port` (or
 * `smtps://` for implicit TLS); STARTTLS is used when the server offers it.
 *
 * @example
 * const mailer = createSmtpMailer('smtp://mail.internal:587');
 */
export function createSmtpMailer(url: string): Mailer {
  let transport: Transporter;
  try {
    transport = nodemailer.createTransport(url);
  } catch (error) {
    throw new AppError('invalid_input', `CONFER_SMTP_URL is not a usable SMTP URL: ${(error as Error).message}`);
  }
  return {
    async send(message: MailMessage): Promise<MailReceipt> {
      try {
        const info = await transport.sendMail({ from: message.from, to: message.to, subject: message.subject, text: message.text });
        const addresses = (list: unknown) => (Array.isArray(list) ? list.map((a) => (typeof a === 'string' ? a : String((a as { address?: string }).address))) : []);
        return { messageId: info.messageId, accepted: addresses(info.accepted), rejected: addresses(info.rejected) };
      } catch (error) {
        throw new AppError('provider_error', `the SMTP server refused the summary email: ${(error as Error).message}`, { cause: error, retryable: true });
      }
    },
    close() {
      transport.close();
    },
  };
}
