/** The words of the password reset mail. Plain text; the link is the web app's reset page. */
import type { OutgoingMail } from '../mail/mailer';

export function passwordResetMail(to: string, link: string, validMinutes: number): OutgoingMail {
  return {
    to,
    subject: 'Reset your Assent password',
    text: [
      'Someone (we hope you) asked to reset the password of your Assent account.',
      '',
      `Open this link to choose a new password. It works once, for ${validMinutes} minutes:`,
      link,
      '',
      'Choosing a new password signs your account out on every device.',
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}

/** The web page a reset link opens; the token travels in the path and the request log redacts it. */
export function passwordResetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password/${encodeURIComponent(token)}`;
}
