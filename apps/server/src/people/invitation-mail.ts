/** The words of invitation and enrolment mail. Plain text: it must read well in any mail client. */
import { accountRoleLabels } from '@assent/shared';
import type { OutgoingMail } from '../mail/mailer';
import type { Student } from './family-repository';
import type { Invitation } from './invitation-repository';

export function invitationMail(
  invitation: Invitation,
  link: string,
  inviterName: string | null,
  children: readonly Student[],
): OutgoingMail {
  const by = inviterName ? `${inviterName} has` : 'You have been';
  const expires = new Date(invitation.expiresAt).toUTCString();
  if (invitation.kind === 'family') {
    const named = children.length > 0 ? ` for ${children.map((c) => c.name).join(' and ')}` : '';
    return {
      to: invitation.email ?? '',
      subject: 'Enrol your family for online tutoring with Assent',
      text: [
        `${by} invited you to enrol your family${named} for online tutoring.`,
        '',
        'Before a child can join a session, a parent or guardian registers, confirms they are 18 or over, and reads and agrees to the online tutoring and recording policy. Sessions are only ever recorded when everyone present agrees, and anyone can stop a recording at any time.',
        '',
        `Open this link to register (it works once, until ${expires}):`,
        link,
      ].join('\n'),
    };
  }
  return {
    to: invitation.email ?? '',
    subject: `Your Assent account (${accountRoleLabels[invitation.role]})`,
    text: [
      `${inviterName ? `${inviterName} has invited you` : 'You have been invited'} to Assent as ${accountRoleLabels[invitation.role].toLowerCase()}.`,
      '',
      `Open this link to create your account (it works once, until ${expires}):`,
      link,
    ].join('\n'),
  };
}
