/**
 * What a guardian can send for one of their children from "Your children": an invitation for another
 * parent or guardian, or the child's own sign-in. The words for each, so the panel reads the same for
 * both and the accessible names stay stable (each names the child: a page lists several children).
 */
import type { InvitationCreated, Student } from '@assent/shared';

export type ChildInvitationKind = 'guardian' | 'sign-in';

export interface ChildInvitationWords {
  /** The button that opens the form: what sighted people read, and its name naming the child. */
  open: { visible: string; accessible: string };
  intro: string;
  emailLabel: string;
  submit: string;
  /** The link's field, when mail is off and the guardian passes it on themselves. */
  linkLabel: string;
}

export function childInvitationWords(
  kind: ChildInvitationKind,
  child: Pick<Student, 'name' | 'minor'>,
): ChildInvitationWords {
  const { name } = child;
  if (kind === 'guardian') {
    return {
      open: { visible: 'Invite another guardian', accessible: `Invite another guardian for ${name}` },
      intro: `They register, confirm they are 18 or over and agree to the policy. Then they can join ${name}'s sessions and answer for ${name} when a recording is asked for.`,
      emailLabel: "Other guardian's email",
      submit: 'Send invitation',
      linkLabel: `Guardian invitation link for ${name}`,
    };
  }
  const who = `Give ${name} their own sign-in`;
  return {
    open: { visible: who, accessible: who },
    intro: child.minor
      ? `${name} gets a link to create a sign-in of their own and join their sessions from it. You still decide whether their sessions may be recorded.`
      : `${name} gets a link to create a sign-in of their own and join their sessions from it. Once they have it, they decide for themselves whether their sessions may be recorded.`,
    emailLabel: `${name}'s email`,
    submit: 'Send sign-in link',
    linkLabel: `Sign-in link for ${name}`,
  };
}

/** What became of it: mailed, or (mail is off here) a link to pass on, which works once. */
export function invitationOutcome(sent: Pick<InvitationCreated, 'email' | 'link'>): string {
  return sent.link === null
    ? `Sent to ${sent.email}. The link in the email works once.`
    : `Email is not set up here, so send this link to ${sent.email} yourself. It works once.`;
}
