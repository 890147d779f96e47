/**
 * The answer's consent records: consent log entries made by the subject's seats (and by guardians for
 * them), consents given in advance, research sharing decisions and the "do not record" history.
 */
import type { AccessAnswer } from '@assent/shared';
import type { DbOrTrx } from '../../db/database';
import { type AnswerScope, idsOrNone } from './access-subject';

type Consents = AccessAnswer['consents'];

export async function consentLogSection(db: DbOrTrx, scope: AnswerScope): Promise<Consents['log']> {
  const seatIds = scope.seats.map((s) => s.id);
  const links = await db
    .selectFrom('guardian_links')
    .select('guardian_person_id')
    .where('student_person_id', 'in', idsOrNone(seatIds))
    .execute();
  const guardianSeats = links.map((l) => l.guardian_person_id).filter((id) => !seatIds.includes(id));
  const rows = await db
    .selectFrom('consent_log')
    .innerJoin('sessions', 'sessions.id', 'consent_log.session_id')
    .select([
      'consent_log.session_id',
      'sessions.title',
      'consent_log.person_id',
      'consent_log.person_name',
      'consent_log.role',
      'consent_log.kind',
      'consent_log.purpose',
      'consent_log.notice_version',
      'consent_log.at',
    ])
    .where('consent_log.person_id', 'in', idsOrNone([...seatIds, ...guardianSeats]))
    .orderBy('consent_log.at')
    .orderBy('consent_log.seq')
    .execute();
  return rows.map((r) => ({
    sessionId: r.session_id,
    sessionTitle: r.title,
    personName: r.person_name,
    role: r.role,
    kind: r.kind,
    purpose: r.purpose,
    noticeVersion: r.notice_version,
    at: r.at,
    byGuardian: guardianSeats.includes(r.person_id),
  }));
}

export async function advanceConsentSection(db: DbOrTrx, scope: AnswerScope): Promise<Consents['inAdvance']> {
  const seatIds = idsOrNone(scope.seats.map((s) => s.id));
  const { userId } = scope.subject;
  const rows = await db
    .selectFrom('advance_consents')
    .innerJoin('sessions', 'sessions.id', 'advance_consents.session_id')
    .innerJoin('people as guardian', 'guardian.id', 'advance_consents.guardian_person_id')
    .innerJoin('people as student', 'student.id', 'advance_consents.student_person_id')
    .select([
      'advance_consents.session_id',
      'sessions.title',
      'guardian.name as guardian_name',
      'student.name as student_name',
      'advance_consents.purposes',
      'advance_consents.policy_version',
      'advance_consents.at',
    ])
    .where((eb) =>
      eb.or([
        eb('advance_consents.student_person_id', 'in', seatIds),
        ...(userId ? [eb('advance_consents.guardian_user_id', '=', userId)] : []),
      ]),
    )
    .orderBy('advance_consents.at')
    .execute();
  return rows.map((r) => ({
    sessionId: r.session_id,
    sessionTitle: r.title,
    guardianName: r.guardian_name,
    studentName: r.student_name,
    purposes: JSON.parse(r.purposes) as string[],
    policyVersion: r.policy_version,
    at: r.at,
  }));
}

export async function researchConsentSection(db: DbOrTrx, scope: AnswerScope): Promise<Consents['research']> {
  const seatIds = idsOrNone(scope.seats.map((s) => s.id));
  const rows = await db
    .selectFrom('research_consents')
    .innerJoin('sessions', 'sessions.id', 'research_consents.session_id')
    .innerJoin('people as seat', 'seat.id', 'research_consents.person_id')
    .innerJoin('people as decider', 'decider.id', 'research_consents.decided_by_person_id')
    .select([
      'research_consents.session_id',
      'sessions.title',
      'seat.name as seat_name',
      'decider.name as decider_name',
      'research_consents.decision',
      'research_consents.at',
    ])
    .where((eb) =>
      eb.or([
        eb('research_consents.person_id', 'in', seatIds),
        eb('research_consents.decided_by_person_id', 'in', seatIds),
      ]),
    )
    .orderBy('research_consents.at')
    .execute();
  return rows.map((r) => ({
    sessionId: r.session_id,
    sessionTitle: r.title,
    seatName: r.seat_name,
    decidedByName: r.decider_name,
    decision: r.decision,
    at: r.at,
  }));
}

/** "Do not record" for the subject as a student, and changes the subject made for their children. */
export async function preferenceSection(
  db: DbOrTrx,
  { subject }: AnswerScope,
): Promise<Consents['doNotRecord']> {
  const { userId, studentId } = subject;
  if (!userId && !studentId) return [];
  const rows = await db
    .selectFrom('recording_preference_changes as change')
    .innerJoin('students', 'students.id', 'change.student_id')
    .innerJoin('users', 'users.id', 'change.changed_by_user_id')
    .select(['students.name as student_name', 'change.do_not_record', 'users.name as changer', 'change.at'])
    .where((eb) =>
      eb.or([
        ...(studentId ? [eb('change.student_id', '=', studentId)] : []),
        ...(userId ? [eb('change.changed_by_user_id', '=', userId)] : []),
      ]),
    )
    .orderBy('change.at')
    .execute();
  return rows.map((r) => ({
    studentName: r.student_name,
    doNotRecord: r.do_not_record === 1,
    changedByName: r.changer,
    at: r.at,
  }));
}
