/**
 * Who may read a session's talk time, as a resource for `can('insights.read')`: the staff roles the policy
 * in force names (a tutor only their own session's) and, where the policy lets learners see their own
 * share, the session's students and the guardians who speak for them. One rule for the insights route
 * and for "Your sessions", which says where the talk time may be read.
 */
import type { OrganisationPolicy } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import type { TalkTimeResource } from '../people/can';

/** A seat as the rule needs it (`people` rows, or the insights' seat facts). */
export interface TalkReaderSeat {
  role: 'tutor' | 'student' | 'guardian' | 'observer';
  userId: string | null;
  studentId: string | null;
}

export interface GuardianSpeaksFor {
  guardianUserId: string;
  studentId: string;
}

/** Students (enrolled student ids) each guardian account speaks for: minors, and adults without a sign-in. */
export async function spokenFor(db: DbOrTrx, studentIds: readonly string[]): Promise<GuardianSpeaksFor[]> {
  if (studentIds.length === 0) return [];
  const rows = await db
    .selectFrom('guardianships')
    .innerJoin('students', 'students.id', 'guardianships.student_id')
    .select(['guardianships.guardian_user_id', 'guardianships.student_id'])
    .where('guardianships.student_id', 'in', [...studentIds])
    .where((eb) => eb.or([eb('students.minor', '=', 1), eb('students.user_id', 'is', null)]))
    .execute();
  return rows.map((r) => ({ guardianUserId: r.guardian_user_id, studentId: r.student_id }));
}

export function talkTimeResource(
  seats: readonly TalkReaderSeat[],
  ownerUserId: string | null,
  guardianships: readonly GuardianSpeaksFor[],
  policy: OrganisationPolicy['policy'],
): TalkTimeResource {
  const withAccount = (role: TalkReaderSeat['role']) =>
    seats.flatMap((s) => (s.role === role && s.userId ? [s.userId] : []));
  return {
    kind: 'talk_time',
    tutorUserIds: [...(ownerUserId ? [ownerUserId] : []), ...withAccount('tutor')],
    readerRoles: policy.talkTimeReaderRoles,
    learnersSeeOwn: policy.talkTimeLearnersSeeOwn,
    learnerUserIds: withAccount('student'),
    learnerGuardianUserIds: [...new Set(guardianships.map((g) => g.guardianUserId))],
  };
}

/** The resource for a session's seats, with the guardianships it was built from. */
export async function talkTimeReaders(
  db: DbOrTrx,
  seats: readonly TalkReaderSeat[],
  ownerUserId: string | null,
  policy: OrganisationPolicy['policy'],
): Promise<{ resource: TalkTimeResource; guardianships: GuardianSpeaksFor[] }> {
  const studentIds = seats.flatMap((s) => (s.role === 'student' && s.studentId ? [s.studentId] : []));
  const guardianships = await spokenFor(db, studentIds);
  return { resource: talkTimeResource(seats, ownerUserId, guardianships, policy), guardianships };
}

/** Whether talk time was ever measured in the session (kept or since destroyed). */
export async function talkTimeObserved(db: DbOrTrx, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('talk_observations')
    .select('id')
    .where('session_id', '=', sessionId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
