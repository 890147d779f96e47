import type { AcceptInvitationRequest, InvitationPreview } from '@assent/shared';
import { roleLabel } from './role-labels';

export interface WelcomeDraft {
  name: string;
  email: string;
  password: string;
}

/** What the person types; a student's sign-in starts with the name their guardian enrolled them under. */
export function initialWelcomeDraft(preview: InvitationPreview): WelcomeDraft {
  const student = preview.kind === 'student' ? preview.children[0]?.name : undefined;
  return { name: student ?? '', email: preview.email ?? '', password: '' };
}

export function welcomeHeading(preview: Pick<InvitationPreview, 'kind'>): string {
  return preview.kind === 'first_run' ? 'Create the first administrator account' : 'Create your account';
}

/** One or two sentences on what this invitation is, from whom. */
export function welcomeIntro(preview: InvitationPreview): string {
  const from = preview.invitedBy ? `${preview.invitedBy} invited you` : 'You are invited';
  switch (preview.kind) {
    case 'first_run':
      return 'You are setting up Assent for your organisation. This account invites staff, sets the recording policy and reads the audit log.';
    case 'staff':
      return `${from} to join Assent as ${article(roleLabel[preview.role])}.`;
    case 'family':
      if (preview.additionalGuardian) {
        return `${from} as a parent or guardian of ${namesOf(preview.children)}. Next you will confirm you are 18 or over and read and agree to the organisation's online tutoring and recording policy.`;
      }
      return `${from} to enrol your family. Next you will confirm you are 18 or over, read the organisation's online tutoring and recording policy, and add your children.`;
    case 'student':
      return `${from} to have a sign-in of your own, to join your tutoring sessions.`;
  }
}

/** "Sam", "Sam and Kim", "Sam, Kim and Lou". */
function namesOf(children: readonly { name: string }[]): string {
  const names = children.map((c) => c.name);
  if (names.length <= 1) return names[0] ?? 'your child';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function article(label: string): string {
  const lower = label.toLowerCase();
  return /^[aeiou]/.test(lower) ? `an ${lower}` : `a ${lower}`;
}

/** The invited address is fixed by the invitation (the server checks it); only the first admin picks one. */
export function toAcceptRequest(
  draft: WelcomeDraft,
  preview: Pick<InvitationPreview, 'email'>,
): AcceptInvitationRequest {
  const body: AcceptInvitationRequest = { name: draft.name.trim(), password: draft.password };
  if (preview.email === null) body.email = draft.email.trim();
  return body;
}

/** The link's last day, in the reader's own words for dates. */
export function formatExpiry(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short' });
}
