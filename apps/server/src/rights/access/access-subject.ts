/**
 * Whose data an access request is about, and the seats (people rows) that are theirs: seats with their
 * sign-in, and seats of their enrolment as a student. Resolved again when the answer is compiled, so a
 * student who got a sign-in since asking is answered with it.
 */
import type { DbOrTrx } from '../../db/database';
import type { AccessRequestRow } from './access-repository';

export interface AccessSubjectIds {
  kind: 'self' | 'student';
  name: string;
  userId: string | null;
  studentId: string | null;
}

export interface SubjectSeat {
  id: string;
  sessionId: string;
  name: string;
  role: 'tutor' | 'student' | 'guardian' | 'observer';
}

export interface AnswerScope {
  subject: AccessSubjectIds;
  seats: SubjectSeat[];
}

export async function subjectOf(db: DbOrTrx, request: AccessRequestRow): Promise<AccessSubjectIds> {
  if (request.subject_kind === 'student' && request.subject_student_id) {
    const student = await db
      .selectFrom('students')
      .select(['user_id'])
      .where('id', '=', request.subject_student_id)
      .executeTakeFirst();
    return {
      kind: 'student',
      name: request.subject_name,
      userId: student?.user_id ?? null,
      studentId: request.subject_student_id,
    };
  }
  const userId = request.subject_user_id ?? request.requester_user_id;
  // A student with a sign-in of their own: their enrolment is theirs too.
  const enrolment = await db
    .selectFrom('students')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .executeTakeFirst();
  return { kind: 'self', name: request.subject_name, userId, studentId: enrolment?.id ?? null };
}

export async function scopeOf(db: DbOrTrx, request: AccessRequestRow): Promise<AnswerScope> {
  const subject = await subjectOf(db, request);
  const { userId, studentId } = subject;
  if (!userId && !studentId) return { subject, seats: [] };
  const rows = await db
    .selectFrom('people')
    .select(['id', 'session_id', 'name', 'role'])
    .where((eb) =>
      eb.or([
        ...(userId ? [eb('user_id', '=', userId)] : []),
        ...(studentId ? [eb('student_id', '=', studentId)] : []),
      ]),
    )
    .execute();
  return {
    subject,
    seats: rows.map((r) => ({ id: r.id, sessionId: r.session_id, name: r.name, role: r.role })),
  };
}

/** Kysely refuses `in ()`; an impossible id keeps an empty list a valid query that finds nothing. */
export const idsOrNone = (ids: readonly string[]): string[] => (ids.length > 0 ? [...ids] : ['']);
