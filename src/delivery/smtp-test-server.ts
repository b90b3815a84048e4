/**
 * A local SMTP server for tests: it accepts every message on loopback and
 * keeps it in an inbox, decoded so assertions read the text as sent.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Headers and body, quoted-printable undone. */
  body: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:PORT`, for `CONFER_SMTP_URL` or `createSmtpMailer`. */
  url: string;
  inbox: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * @example
 * const smtp = await startTestSmtp();
 * // … send mail to smtp.url …
 * assert.match(smtp.inbox.at(-1)!.body, /Subject: Summary:/);
 */
export async function startTestSmtp(): Promise<TestSmtpServer> {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let body = '';
      stream.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      stream.on('end', () => {
        // Soft line breaks and =XX bytes of quoted-printable.
        const text = Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
        inbox.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), body: text });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    inbox,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
