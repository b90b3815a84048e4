/** Outgoing mail. The SMTP adapter lives in `delivery/`; nothing else knows the mail library. */
export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface MailReceipt {
  messageId: string;
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  send(message: MailMessage): Promise<MailReceipt>;
  close(): void;
}
