/**
 * Outgoing mail: invitations and enrolment links over SMTP (nodemailer) when SMTP_URL is set.
 * Without it `send` reports that nothing was sent, and the page shows the link to copy instead.
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { MailConfig } from '../config';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** An iCalendar attachment (`text/calendar; method=…` alternative and `invite.ics`), via nodemailer. */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; filename: string; content: string };
}

export interface Mailer {
  /** Whether mail goes out at all (SMTP_URL set). */
  readonly enabled: boolean;
  /** Sends one message; resolves false when mail is off, throws when the SMTP server refuses it. */
  send(mail: OutgoingMail): Promise<boolean>;
}

export function createMailer(config: MailConfig, logger: Logger): Mailer {
  if (!config.smtpUrl) return { enabled: false, send: async () => false };
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    enabled: true,
    async send(mail) {
      const info = await transport.sendMail({ from: config.from, ...mail });
      // SECURITY: never the subject or the address: subjects name children, and both are personal data.
      logger.info({ messageId: info.messageId }, 'mail sent');
      return true;
    },
  };
}
