/**
 * Telling a family when someone is added to it: when a guardian invites another parent or guardian for
 * a child, the child's other guardians and the organisation's administrators are told, by mail, and the
 * audit log says who was told (written with the invitation). A parent learns of it while an
 * administrator can still withdraw the invitation, which matters where families are separated.
 */
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log';
import type { DbOrTrx } from '../db/database';
import type { Mailer, OutgoingMail } from '../mail/mailer';
import type { Actor } from '../people/actor';

export interface NoticeRecipient {
  userId: string;
  name: string;
  email: string;
  role: string;
}

/** The child's other guardians and every administrator who can sign in; never the one who invited. */
export async function guardianAddedRecipients(
  db: DbOrTrx,
  studentId: string,
  invitedByUserId: string,
): Promise<NoticeRecipient[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'role'])
    .where('disabled_at', 'is', null)
    .where('id', '!=', invitedByUserId)
    .where((eb) =>
      eb.or([
        eb('role', '=', 'admin'),
        eb(
          'id',
          'in',
          eb.selectFrom('guardianships').select('guardian_user_id').where('student_id', '=', studentId),
        ),
      ]),
    )
    .orderBy('name')
    .execute();
  return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role }));
}

/** Audits the notice with the invitation it is about (same transaction). */
export async function auditGuardianAddedNotice(
  trx: DbOrTrx,
  input: {
    actor: Actor;
    studentId: string;
    recipients: readonly NoticeRecipient[];
    mailEnabled: boolean;
    at: Date;
  },
): Promise<void> {
  await appendAudit(trx, {
    actor: input.actor,
    action: 'guardian.added_notice',
    target: { type: 'student', id: input.studentId },
    detail: {
      notifiedUserIds: input.recipients.map((r) => r.userId),
      by: input.mailEnabled ? 'mail' : 'none (no SMTP_URL)',
    },
    at: input.at,
  });
}

/** The words: no child's name in the subject (subjects travel further than bodies). */
export function guardianAddedMail(
  recipient: NoticeRecipient,
  inviter: string,
  childName: string,
  invitedEmail: string,
): OutgoingMail {
  const yourChild = recipient.role === 'guardian' ? `your child ${childName}` : childName;
  return {
    to: recipient.email,
    subject: 'A parent or guardian was invited to join a family on Assent',
    text: [
      `${inviter} has invited ${invitedEmail} to register as a parent or guardian of ${yourChild} for online tutoring.`,
      '',
      'Once registered, they can join the sessions, consent or refuse for the child, and ask for the child’s data.',
      '',
      recipient.role === 'admin'
        ? 'If this should not happen, withdraw the invitation on People before it is used.'
        : 'If you did not expect this, contact your tutoring organisation: an administrator can withdraw the invitation before it is used.',
    ].join('\n'),
  };
}

/** Sends each notice; one failing does not stop the others (the audit entry already says who). */
export async function mailGuardianAddedNotice(
  deps: { mailer: Mailer; logger: Logger },
  recipients: readonly NoticeRecipient[],
  mail: (recipient: NoticeRecipient) => OutgoingMail,
): Promise<number> {
  if (!deps.mailer.enabled) return 0;
  let sent = 0;
  for (const recipient of recipients) {
    try {
      if (await deps.mailer.send(mail(recipient))) sent += 1;
    } catch (err) {
      deps.logger.warn({ err, userId: recipient.userId }, 'guardian notice could not be mailed');
    }
  }
  return sent;
}
