/**
 * One-time links that create accounts: the first administrator's, staff invited by an admin, family
 * enrolments (a guardian, with the children the inviter named), a further guardian for a child already
 * enrolled, and a student's own sign-in. Accepting one creates the account, marks the link used, links
 * the account to its family (seating it in the family's sessions) and records it in the audit log, all
 * in one transaction; then better-auth signs the new account in.
 */
import type { AcceptInvitationRequest, AccountRole, ChildInput, InvitationCreated } from '@assent/shared';
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log';
import type { Config } from '../config';
import type { Db, DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import type { Mailer } from '../mail/mailer';
import type { Actor } from '../people/actor';
import type { Auth } from '../people/auth';
import {
  findStudentAccess,
  giveStudentSignIn,
  insertStudents,
  type Student,
  studentsOfInvitation,
} from '../people/family-repository';
import {
  findInvitationByTokenHash,
  type Invitation,
  insertInvitation,
  markInvitationUsed,
} from '../people/invitation-repository';
import { hashLinkToken, newLinkToken } from '../people/link-tokens';
import { refuseGuessablePassword } from '../people/password-strength';
import type { InvitationKind } from '../people/people-tables';
import { adminExists, emailTaken, insertUserWithPassword } from '../people/user-repository';
import { giveStudentSeatsToAccount } from '../sessions/session-repository';
import { becomeGuardian } from './guardianships';
import { invitationMail } from './invitation-mail';

export interface InvitationDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
}

export interface NewInvitation {
  kind: InvitationKind;
  role: AccountRole;
  email: string | null;
  invitedBy: Actor | null;
  children?: ChildInput[];
  /**
   * `student` invitations: the enrolled student the sign-in is for; `family` invitations for a further
   * guardian: the enrolled child they will be guardian of.
   */
  studentId?: string;
  /** More writes that belong with the invitation (same transaction), with what to add to its audit detail. */
  alsoInTransaction?: (trx: DbOrTrx) => Promise<Record<string, unknown> | undefined>;
}

export const welcomeLink = (config: Config, token: string) => `${config.publicUrl}/welcome/${token}`;

/** Writes the invitation (and a family's children) with its audit entry, then mails the link if it can. */
export async function createInvitation(
  deps: InvitationDeps,
  input: NewInvitation,
): Promise<InvitationCreated> {
  const { db, config, now } = deps;
  if (input.email && (await emailTaken(db, input.email))) {
    throw new AppError(409, 'email_taken', 'Someone already has an account with that email address.');
  }
  const token = newLinkToken();
  const at = now();
  const invitation: Invitation = {
    id: crypto.randomUUID(),
    kind: input.kind,
    email: input.email,
    role: input.role,
    invitedByUserId: input.invitedBy?.userId ?? null,
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + config.auth.linkTtlHours * 3600_000).toISOString(),
    usedAt: null,
    studentId: input.studentId ?? null,
  };
  const children: Student[] = (input.children ?? []).map((child) => ({
    id: crypto.randomUUID(),
    name: child.name,
    minor: child.minor,
    userId: null,
    invitationId: invitation.id,
    createdByUserId: input.invitedBy?.userId ?? null,
    createdAt: invitation.createdAt,
  }));
  await db.transaction().execute(async (trx) => {
    await insertInvitation(trx, invitation, hashLinkToken(token));
    await insertStudents(trx, children);
    const extraDetail = (await input.alsoInTransaction?.(trx)) ?? {};
    await appendAudit(trx, {
      actor: { userId: input.invitedBy?.userId ?? null, role: input.invitedBy?.role ?? null },
      action: 'invitation.create',
      target: { type: 'invitation', id: invitation.id },
      detail: {
        kind: invitation.kind,
        role: invitation.role,
        email: invitation.email,
        children: children.length,
        ...(invitation.studentId ? { studentId: invitation.studentId } : {}),
        ...extraDetail,
      },
      at,
    });
  });
  const link = welcomeLink(config, token);
  let mailed = false;
  if (input.email && deps.mailer.enabled) {
    try {
      const named = input.studentId ? await findStudentAccess(db, input.studentId) : undefined;
      mailed = await deps.mailer.send(
        invitationMail(invitation, link, input.invitedBy?.name ?? null, children, named?.name),
      );
    } catch (err) {
      // The invitation stands; the inviter gets the link to pass on another way.
      deps.logger.warn({ err, invitationId: invitation.id }, 'invitation mail could not be sent');
    }
  }
  return {
    invitationId: invitation.id,
    email: input.email ?? '',
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    mailed,
    link: mailed ? null : link,
  };
}

/** The invitation a link's token names, if it can still be used; otherwise the error saying why not. */
export async function usableInvitation(db: Db, token: string, now: Date): Promise<Invitation> {
  const invitation = await findInvitationByTokenHash(db, hashLinkToken(token));
  if (!invitation)
    throw new AppError(404, 'link_invalid', 'This link is not valid. Check that you opened the whole link.');
  if (invitation.usedAt) {
    throw new AppError(
      409,
      'link_used',
      'This link has already been used. Sign in instead, or ask for a new link.',
    );
  }
  if (invitation.revokedAt) {
    throw new AppError(
      410,
      'link_expired',
      'This invitation was withdrawn by an administrator. Ask the person who invited you for a new one.',
    );
  }
  if (invitation.expiresAt <= now.toISOString()) {
    throw new AppError(
      410,
      'link_expired',
      'This link has expired. Ask the person who invited you for a new one.',
    );
  }
  if (invitation.kind === 'first_run' && (await adminExists(db))) {
    throw new AppError(409, 'setup_done', 'Assent already has an administrator. Sign in instead.');
  }
  return invitation;
}

/** Creates the account an invitation offers; returns its id and email (the caller signs it in). */
export async function acceptInvitation(
  deps: InvitationDeps & { auth: Auth },
  token: string,
  input: AcceptInvitationRequest,
): Promise<{ userId: string; email: string }> {
  const { db, now } = deps;
  const at = now();
  const invitation = await usableInvitation(db, token, at);
  const email = invitation.email ?? input.email;
  if (!email) {
    throw new AppError(400, 'validation_failed', 'The request is not valid', [
      { path: 'email', message: 'Enter your email address' },
    ]);
  }
  if (invitation.email && input.email && input.email !== invitation.email) {
    throw new AppError(400, 'validation_failed', 'The request is not valid', [
      { path: 'email', message: `This invitation is for ${invitation.email}` },
    ]);
  }
  if (await emailTaken(db, email)) {
    throw new AppError(409, 'email_taken', 'Someone already has an account with that email address.');
  }
  await refuseGuessablePassword(input.password, [email, input.name]);
  const passwordHash = await (await deps.auth.$context).password.hash(input.password);
  const userId = crypto.randomUUID();
  await db.transaction().execute(async (trx) => {
    // The account first: the invitation row refers to it.
    await insertUserWithPassword(
      trx,
      { id: userId, name: input.name, email, role: invitation.role },
      passwordHash,
      at,
    );
    if (!(await markInvitationUsed(trx, invitation.id, userId, at.toISOString()))) {
      throw new AppError(
        409,
        'link_used',
        'This link has already been used. Sign in instead, or ask for a new link.',
      );
    }
    if (invitation.kind === 'family') {
      // The children the enrolment named, or the one child a further guardian is invited for.
      const named = (await studentsOfInvitation(trx, invitation.id)).map((c) => c.id);
      const children = invitation.studentId ? [...named, invitation.studentId] : named;
      await becomeGuardian(trx, { userId, name: input.name }, children, at);
    }
    if (invitation.kind === 'student' && invitation.studentId) {
      if (!(await giveStudentSignIn(trx, invitation.studentId, userId))) {
        throw new AppError(409, 'link_used', 'This student already has a sign-in. Sign in instead.');
      }
      // Sessions they were picked for before having a sign-in become theirs to join.
      await giveStudentSeatsToAccount(trx, invitation.studentId, userId);
    }
    await appendAudit(trx, {
      actor: { userId, role: invitation.role },
      action: 'account.create',
      target: { type: 'user', id: userId },
      detail: {
        invitationId: invitation.id,
        kind: invitation.kind,
        role: invitation.role,
        invitedBy: invitation.invitedByUserId,
      },
      at,
    });
  });
  return { userId, email };
}
