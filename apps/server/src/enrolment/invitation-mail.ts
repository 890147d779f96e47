/** The words of invitation and enrolment mail. Plain text: it must read well in any mail client. */
import { accountRoleLabels } from '@assent/shared';
import type { OutgoingMail } from '../mail/mailer';
import type { Student } from '../people/family-repository';
import type { Invitation } from '../people/invitation-repository';

/** `studentName`: the enrolled student a further guardian's or a student's own invitation is for. */
export function invitationMail(
  invitation: Invitation,
  link: string,
  inviterName: string | null,
  children: readonly Student[],
  studentName?: string,
): OutgoingMail {
  const by = inviterName ? `${inviterName} has` : 'You have been';
  const expires = new Date(invitation.expiresAt).toUTCString();
  if (invitation.kind === 'family' && studentName) {
    return {
      to: invitation.email ?? '',
      subject: `Join ${studentName}'s family for online tutoring with Assent`,
      text: [
        `${inviterName ? `${inviterName} has invited you` : 'You are invited'} to register as a parent or guardian of ${studentName} for online tutoring.`,
        '',
        `Once you have registered, confirmed you are 18 or over, and read and agreed to the online tutoring and recording policy, you can join ${studentName}'s sessions and answer for them when a recording is asked for. Sessions are only ever recorded when everyone present agrees, and anyone can stop a recording at any time.`,
        '',
        `Open this link to register (it works once, until ${expires}):`,
        link,
      ].join('\n'),
    };
  }
  if (invitation.kind === 'student' && studentName) {
    return {
      to: invitation.email ?? '',
      subject: 'Your own sign-in for online tutoring with Assent',
      text: [
        `${inviterName ?? 'Your guardian'} has given you, ${studentName}, a sign-in of your own to join your tutoring sessions.`,
        '',
        `Open this link to create it (it works once, until ${expires}):`,
        link,
      ].join('\n'),
    };
  }
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
