/**
 * Another child for a guardian who already has an account. A tutor or admin asks (by the guardian's
 * address); nothing is made in the guardian's name until they confirm on their dashboard: then the
 * student, the guardianship (seating them in the child's sessions, guardianships.ts) and, when a tutor
 * asked, that tutor as the child's. The same agreement rules as any enrolment then apply: a minor joins
 * only once a guardian's agreement covers the policy in force (sessions/join-gate.ts).
 */
import type { PendingEnrolment, RequestEnrolmentRequest } from '@assent/shared';
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log';
import type { Config } from '../config';
import type { Db, DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import type { Mailer, OutgoingMail } from '../mail/mailer';
import type { Actor } from '../people/actor';
import { insertStudents } from '../people/family-repository';
import type { PendingEnrolmentsTable } from '../people/family-tables';
import { becomeGuardian } from './guardianships';

export interface EnrolmentDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

async function findGuardian(db: DbOrTrx, email: string) {
  const row = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('email', '=', email.toLowerCase())
    .where('role', '=', 'guardian')
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) {
    throw new AppError(
      404,
      'not_found',
      'No parent or guardian has an account with that address. To enrol a new family, send an enrolment link.',
    );
  }
  return row;
}

/** Names of the guardian's children and of the children already waiting for their answer. */
async function namesTaken(db: DbOrTrx, guardianUserId: string): Promise<string[]> {
  const enrolled = await db
    .selectFrom('guardianships')
    .innerJoin('students', 'students.id', 'guardianships.student_id')
    .select('students.name')
    .where('guardianships.guardian_user_id', '=', guardianUserId)
    .execute();
  const waiting = await db
    .selectFrom('pending_enrolments')
    .select('child_name as name')
    .where('guardian_user_id', '=', guardianUserId)
    .where('status', '=', 'pending')
    .execute();
  return [...enrolled, ...waiting].map((r) => r.name);
}

const toView = (
  row: Pick<PendingEnrolmentsTable, 'id' | 'child_name' | 'minor' | 'requested_at' | 'status'>,
  requestedBy: string,
  guardianName: string,
): PendingEnrolment => ({
  id: row.id,
  childName: row.child_name,
  minor: row.minor === 1,
  requestedBy,
  guardianName,
  requestedAt: row.requested_at,
  status: row.status,
});

/** The mail saying a request awaits the guardian: no child's name in the subject (subjects travel further). */
export function enrolmentAwaitsMail(
  guardian: { name: string; email: string },
  askedBy: string,
  childNames: readonly string[],
  dashboard: string,
): OutgoingMail {
  return {
    to: guardian.email,
    subject: 'A request to enrol a child awaits you on Assent',
    text: [
      `${askedBy} asks to enrol ${childNames.join(' and ')} with you for online tutoring.`,
      '',
      'Nothing is enrolled until you confirm. Sign in to see the request on your page, then confirm or decline it:',
      dashboard,
    ].join('\n'),
  };
}

/** Asks the guardian to confirm each child (one request each), audited; then mails the guardian. */
export async function requestEnrolment(
  deps: EnrolmentDeps,
  actor: Actor,
  input: RequestEnrolmentRequest,
): Promise<PendingEnrolment[]> {
  const { db, now } = deps;
  const at = now();
  const guardian = await findGuardian(db, input.guardianEmail);
  const rows = await db.transaction().execute(async (trx) => {
    const taken = await namesTaken(trx, guardian.id);
    const seen: string[] = [];
    for (const child of input.children) {
      if ([...taken, ...seen].some((name) => sameName(name, child.name))) {
        throw new AppError(
          409,
          'already_enrolled',
          `${child.name} is already enrolled with ${guardian.name}, or waiting for their answer.`,
        );
      }
      seen.push(child.name);
    }
    const made = input.children.map((child) => ({
      id: crypto.randomUUID(),
      guardian_user_id: guardian.id,
      child_name: child.name,
      minor: child.minor ? 1 : 0,
      requested_by_user_id: actor.userId,
      requested_at: at.toISOString(),
      status: 'pending' as const,
      answered_at: null,
      student_id: null,
    }));
    await trx.insertInto('pending_enrolments').values(made).execute();
    for (const row of made) {
      await appendAudit(trx, {
        actor,
        action: 'enrolment.request',
        target: { type: 'pending_enrolment', id: row.id },
        detail: { guardianUserId: guardian.id, minor: row.minor === 1 },
        at,
      });
    }
    return made;
  });
  let mailed = false;
  if (deps.mailer.enabled) {
    try {
      mailed = await deps.mailer.send(
        enrolmentAwaitsMail(
          guardian,
          actor.name,
          rows.map((r) => r.child_name),
          `${deps.config.publicUrl}/`,
        ),
      );
    } catch (err) {
      // The request stands: the guardian sees it on their page when they next sign in.
      deps.logger.warn({ err }, 'enrolment request mail could not be sent');
    }
  }
  return rows.map((row) => ({ ...toView(row, actor.name, guardian.name), mailed }));
}

/** The requests waiting for this guardian's answer, oldest first. */
export async function pendingEnrolmentsFor(db: Db, guardian: Actor): Promise<PendingEnrolment[]> {
  const rows = await db
    .selectFrom('pending_enrolments')
    .innerJoin('users', 'users.id', 'pending_enrolments.requested_by_user_id')
    .select([
      'pending_enrolments.id',
      'pending_enrolments.child_name',
      'pending_enrolments.minor',
      'pending_enrolments.requested_at',
      'pending_enrolments.status',
      'users.name as requested_by',
    ])
    .where('pending_enrolments.guardian_user_id', '=', guardian.userId)
    .where('pending_enrolments.status', '=', 'pending')
    .orderBy('pending_enrolments.requested_at')
    .execute();
  return rows.map((row) => toView(row, row.requested_by, guardian.name));
}

export type EnrolmentAnswer = 'confirm' | 'decline';

/**
 * The guardian's answer. Only their own requests exist for them (another's is 404); a declined one is
 * 409 enrolment_declined, an already confirmed one 409 enrolment_not_pending. Confirming makes the
 * student and the guardianship, all with the answer's audit entry, in one transaction.
 */
export async function answerEnrolment(
  deps: { db: Db; now: () => Date },
  guardian: Actor,
  enrolmentId: string,
  answer: EnrolmentAnswer,
): Promise<PendingEnrolment> {
  const at = deps.now();
  const when = at.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('pending_enrolments')
      .innerJoin('users', 'users.id', 'pending_enrolments.requested_by_user_id')
      .selectAll('pending_enrolments')
      .select(['users.name as requested_by', 'users.role as requester_role'])
      .where('pending_enrolments.id', '=', enrolmentId)
      .where('pending_enrolments.guardian_user_id', '=', guardian.userId)
      .executeTakeFirst();
    if (!row) throw new AppError(404, 'not_found', 'There is no such request to enrol a child.');
    if (row.status === 'declined') {
      throw new AppError(
        409,
        'enrolment_declined',
        'This request was declined; it can no longer be answered.',
      );
    }
    const studentId = answer === 'confirm' ? crypto.randomUUID() : null;
    // Only a request still pending changes: two answers at once, one wins.
    const updated = await trx
      .updateTable('pending_enrolments')
      .set({ status: answer === 'confirm' ? 'confirmed' : 'declined', answered_at: when })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new AppError(409, 'enrolment_not_pending', 'This request has already been answered.');
    }
    if (studentId) {
      await insertStudents(trx, [
        {
          id: studentId,
          name: row.child_name,
          minor: row.minor === 1,
          userId: null,
          invitationId: null,
          createdByUserId: row.requested_by_user_id,
          createdAt: when,
        },
      ]);
      await trx
        .updateTable('pending_enrolments')
        .set({ student_id: studentId })
        .where('id', '=', row.id)
        .execute();
      await becomeGuardian(trx, guardian, [studentId], at);
      // The tutor who asked teaches the child (an admin's request leaves it to the family's tutor).
      if (row.requester_role === 'tutor') {
        await trx
          .insertInto('student_tutors')
          .values({
            student_id: studentId,
            tutor_user_id: row.requested_by_user_id,
            assigned_at: when,
            assigned_by_user_id: row.requested_by_user_id,
          })
          .execute();
      }
    }
    await appendAudit(trx, {
      actor: guardian,
      action: answer === 'confirm' ? 'enrolment.confirm' : 'enrolment.decline',
      target: studentId ? { type: 'student', id: studentId } : { type: 'pending_enrolment', id: row.id },
      detail: { enrolmentId: row.id, requestedBy: row.requested_by_user_id, minor: row.minor === 1 },
      at,
    });
    return toView(
      { ...row, status: answer === 'confirm' ? 'confirmed' : 'declined' },
      row.requested_by,
      guardian.name,
    );
  });
}
