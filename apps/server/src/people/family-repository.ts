/** Students, who is guardian of whom, guardians' agreements and standing recording preferences. */
import type { Student as StudentView } from '@assent/shared';
import type { ExpressionBuilder } from 'kysely';
import type { Database, DbOrTrx } from '../db/database';

export interface Student {
  id: string;
  name: string;
  minor: boolean;
  userId: string | null;
  invitationId: string | null;
  createdByUserId: string | null;
  createdAt: string;
}

export async function insertStudents(db: DbOrTrx, students: Student[]): Promise<void> {
  if (students.length === 0) return;
  await db
    .insertInto('students')
    .values(
      students.map((s) => ({
        id: s.id,
        name: s.name,
        minor: s.minor ? 1 : 0,
        user_id: s.userId,
        invitation_id: s.invitationId,
        created_by_user_id: s.createdByUserId,
        created_at: s.createdAt,
      })),
    )
    .execute();
}

export async function studentsOfInvitation(db: DbOrTrx, invitationId: string): Promise<Student[]> {
  const rows = await db
    .selectFrom('students')
    .selectAll()
    .where('invitation_id', '=', invitationId)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    minor: row.minor === 1,
    userId: row.user_id,
    invitationId: row.invitation_id,
    createdByUserId: row.created_by_user_id,
    createdAt: row.created_at,
  }));
}

export async function insertGuardianships(
  db: DbOrTrx,
  guardianUserId: string,
  studentIds: readonly string[],
  at: string,
): Promise<void> {
  if (studentIds.length === 0) return;
  await db
    .insertInto('guardianships')
    .values(
      studentIds.map((studentId) => ({
        guardian_user_id: guardianUserId,
        student_id: studentId,
        created_at: at,
      })),
    )
    .execute();
}

/** Links a student to their new sign-in, unless they already have one (false). */
export async function giveStudentSignIn(db: DbOrTrx, studentId: string, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('students')
    .set({ user_id: userId })
    .where('id', '=', studentId)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface StudentAccess {
  id: string;
  name: string;
  minor: boolean;
  studentUserId: string | null;
  guardianUserIds: string[];
  /** The tutor, admin or guardian who named them, and the guardian who registered from that enrolment. */
  enrolledByUserIds: string[];
  /** The address on record for their own sign-in, if one was given. */
  email: string | null;
}

/** What `can` needs to know about a student; undefined when there is no such student. */
export async function findStudentAccess(db: DbOrTrx, studentId: string): Promise<StudentAccess | undefined> {
  const row = await db
    .selectFrom('students')
    .leftJoin('invitations', 'invitations.id', 'students.invitation_id')
    .selectAll('students')
    .select('invitations.used_by_user_id as enrolment_accepted_by')
    .where('students.id', '=', studentId)
    .executeTakeFirst();
  if (!row) return undefined;
  const guardians = await db
    .selectFrom('guardianships')
    .select('guardian_user_id')
    .where('student_id', '=', studentId)
    .execute();
  return {
    id: row.id,
    name: row.name,
    minor: row.minor === 1,
    studentUserId: row.user_id,
    guardianUserIds: guardians.map((g) => g.guardian_user_id),
    enrolledByUserIds: [row.created_by_user_id, row.enrolment_accepted_by].filter(
      (id): id is string => id !== null,
    ),
    email: row.email,
  };
}

/** Records the address a student's own sign-in goes to. */
export async function recordStudentEmail(db: DbOrTrx, studentId: string, email: string): Promise<void> {
  await db.updateTable('students').set({ email }).where('id', '=', studentId).execute();
}

export interface Agreement {
  policyVersion: number;
  agreedAt: string;
}

export async function latestAgreement(db: DbOrTrx, userId: string): Promise<Agreement | undefined> {
  const row = await db
    .selectFrom('guardian_agreements')
    .select(['policy_version', 'agreed_at'])
    .where('user_id', '=', userId)
    .orderBy('agreed_at', 'desc')
    .orderBy('policy_version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { policyVersion: row.policy_version, agreedAt: row.agreed_at } : undefined;
}

export async function insertAgreement(
  db: DbOrTrx,
  agreement: { id: string; userId: string; policyVersion: number; agreedAt: string },
): Promise<void> {
  await db
    .insertInto('guardian_agreements')
    .values({
      id: agreement.id,
      user_id: agreement.userId,
      policy_version: agreement.policyVersion,
      adult_confirmed: 1,
      agreed_at: agreement.agreedAt,
    })
    .execute();
}

export async function insertPreferenceChange(
  db: DbOrTrx,
  change: { id: string; studentId: string; doNotRecord: boolean; changedByUserId: string; at: string },
): Promise<void> {
  await db
    .insertInto('recording_preference_changes')
    .values({
      id: change.id,
      student_id: change.studentId,
      do_not_record: change.doNotRecord ? 1 : 0,
      changed_by_user_id: change.changedByUserId,
      at: change.at,
    })
    .execute();
}

export async function preferenceHistory(db: DbOrTrx, studentId: string) {
  const rows = await db
    .selectFrom('recording_preference_changes')
    .innerJoin('users', 'users.id', 'recording_preference_changes.changed_by_user_id')
    .select(['recording_preference_changes.do_not_record', 'recording_preference_changes.at', 'users.name'])
    .where('recording_preference_changes.student_id', '=', studentId)
    .orderBy('recording_preference_changes.at', 'desc')
    .orderBy('recording_preference_changes.id', 'desc')
    .execute();
  return rows.map((row) => ({ doNotRecord: row.do_not_record === 1, changedBy: row.name, at: row.at }));
}

/** Which students a listing is of. */
export type StudentFilter =
  | { all: true }
  | { guardianUserId: string }
  | { studentUserId: string }
  | { ids: readonly string[] }
  /**
   * A tutor's own students (the authorisation rule for 'students.list' in can.ts): those of families the
   * tutor enrolled — named in the enrolment, or added later by a guardian who registered from it — and
   * those already in one of the tutor's sessions. An invitation to a sign-in of their own does not count.
   */
  | { taughtBy: string };

/**
 * The condition "a student of this tutor's" on a `students` query (see StudentFilter.taughtBy), for
 * the picker's list and for checking the students a tutor picks for a session.
 */
export function taughtBy(tutor: string) {
  // A tutor the student was given (a family moved, or the tutor who asked to enrol them) alone teaches
  // them; without one, their enrolment and their sessions say.
  const given = (eb: ExpressionBuilder<Database, 'students'>) =>
    eb
      .selectFrom('student_tutors')
      .select('student_tutors.student_id')
      .whereRef('student_tutors.student_id', '=', 'students.id');
  return (eb: ExpressionBuilder<Database, 'students'>) =>
    eb.or([
      eb.exists(given(eb).where('student_tutors.tutor_user_id', '=', tutor)),
      eb.and([eb.not(eb.exists(given(eb))), enrolledOrTaught(eb, tutor)]),
    ]);
}

function enrolledOrTaught(eb: ExpressionBuilder<Database, 'students'>, tutor: string) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('invitations')
        .select('invitations.id')
        .where('invitations.invited_by_user_id', '=', tutor)
        // The family enrolment that named the student. An invitation *for* a student (their own
        // sign-in, or a further guardian) never makes its sender their tutor: sending one is not
        // teaching, and an unused one proves nothing.
        .whereRef('invitations.id', '=', 'students.invitation_id'),
    ),
    eb.exists(
      eb
        .selectFrom('guardianships')
        .innerJoin('invitations', 'invitations.used_by_user_id', 'guardianships.guardian_user_id')
        .select('guardianships.student_id')
        .whereRef('guardianships.student_id', '=', 'students.id')
        .where('invitations.kind', '=', 'family')
        .where('invitations.invited_by_user_id', '=', tutor),
    ),
    eb.exists(
      eb
        .selectFrom('people')
        .innerJoin('sessions', 'sessions.id', 'people.session_id')
        .select('people.id')
        .whereRef('people.student_id', '=', 'students.id')
        .where('sessions.owner_user_id', '=', tutor),
    ),
  ]);
}

/**
 * Students as the pages show them: guardians (and whether each has an agreement covering the policy in
 * force: one of `coveringVersions`, see policy/agreement-terms.ts), enrolment (an adult, or a minor with
 * a guardian whose agreement covers it: what the join gate checks), own sign-in and the preference.
 */
export async function listStudentViews(
  db: DbOrTrx,
  filter: StudentFilter,
  coveringVersions: readonly number[],
): Promise<StudentView[]> {
  let query = db.selectFrom('students').selectAll('students');
  if ('taughtBy' in filter) {
    query = query.where(taughtBy(filter.taughtBy));
  } else if ('guardianUserId' in filter) {
    query = query
      .innerJoin('guardianships', 'guardianships.student_id', 'students.id')
      .where('guardianships.guardian_user_id', '=', filter.guardianUserId);
  } else if ('studentUserId' in filter) {
    query = query.where('students.user_id', '=', filter.studentUserId);
  } else if ('ids' in filter) {
    if (filter.ids.length === 0) return [];
    query = query.where('students.id', 'in', filter.ids);
  }
  const students = await query.orderBy('students.name').orderBy('students.id').execute();
  if (students.length === 0) return [];
  const ids = students.map((s) => s.id);
  const guardians = await db
    .selectFrom('guardianships')
    .innerJoin('users', 'users.id', 'guardianships.guardian_user_id')
    .select([
      'guardianships.student_id',
      'users.id',
      'users.name',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('guardian_agreements')
              .select('id')
              .whereRef('guardian_agreements.user_id', '=', 'users.id')
              .where('guardian_agreements.policy_version', 'in', [...coveringVersions, -1]),
          )
          .as('agreed'),
    ])
    .where('guardianships.student_id', 'in', ids)
    .orderBy('users.name')
    .execute();
  const preferences = await db
    .selectFrom('recording_preference_changes')
    .select(['student_id', 'do_not_record', 'at', 'id'])
    .where('student_id', 'in', ids)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return students.map((s) => {
    const own = guardians
      .filter((g) => g.student_id === s.id)
      .map((g) => ({ userId: g.id, name: g.name, agreed: Boolean(Number(g.agreed)) }));
    const minor = s.minor === 1;
    return {
      id: s.id,
      name: s.name,
      minor,
      guardians: own,
      enrolled: !minor || own.some((g) => g.agreed),
      hasSignIn: s.user_id !== null,
      doNotRecord: preferences.find((p) => p.student_id === s.id)?.do_not_record === 1,
    };
  });
}
