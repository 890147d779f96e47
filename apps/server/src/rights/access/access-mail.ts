/** The mail that tells a requester their access request was answered. Plain text, a link, no data. */
import type { Config } from '../../config';
import type { OutgoingMail } from '../../mail/mailer';

export const accessAnswerPath = (id: string) => `/requests/access/${id}`;

export function accessAnsweredMail(
  config: Pick<Config, 'publicUrl'>,
  to: { email: string; name: string },
  request: { id: string; subjectKind: 'self' | 'student'; subjectName: string },
): OutgoingMail {
  const whose = request.subjectKind === 'self' ? 'your data' : `${request.subjectName}'s data`;
  return {
    to: to.email,
    subject: 'Your request for your data has been answered',
    text: [
      `Hello ${to.name},`,
      '',
      `Your request for everything Assent holds about ${whose} has been answered.`,
      'Sign in and open this link to read the answer and download it as an archive:',
      `${config.publicUrl}${accessAnswerPath(request.id)}`,
    ].join('\n'),
  };
}
