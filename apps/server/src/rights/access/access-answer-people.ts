/** The answer's sections about the person: account, enrolment, family links, agreements, sessions. */
import type { AccessAnswer } from '@assent/shared';
import type { DbOrTrx } from '../../db/database';
import { type AnswerScope, idsOrNone } from './access-subject';

/** better-auth's own timestamps are native dates on PostgreSQL, text on SQLite. */
export const isoOf = (value: string | Date): string => new Date(value).toISOString();

export async function accountSection(
  db: DbOrTrx,
  { subject }: AnswerScope,
): Promise<AccessAnswer['account']> {
  if (!subject.userId) return null;
  const user = await db
    .selectFrom('users')
    .select(['name', 'email', 'role', 'created_at'])
    .where('id', '=', subject.userId)
    .executeTakeFirst();
  return user
    ? { name: user.name, email: user.email, role: user.role, createdAt: isoOf(user.created_at) }
    : null;
}

export async function studentSection(
  db: DbOrTrx,
  { subject }: AnswerScope,
): Promise<AccessAnswer['student']> {
  if (!subject.studentId) return null;
  const row = await db
    .selectFrom('students')
    .select(['id', 'name', 'minor', 'created_at'])
    .where('id', '=', subject.studentId)
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, minor: row.minor === 1, enrolledAt: row.created_at } : null;
}

/** The subject's children (as a guardian) and guardians (as a student). */
export async function guardianshipSection(
  db: DbOrTrx,
  { subject }: AnswerScope,
): Promise<AccessAnswer['guardianships']> {
  const children = subject.userId
    ? await db
        .selectFrom('guardianships')
        .innerJoin('students', 'students.id', 'guardianships.student_id')
        .select(['students.name', 'guardianships.created_at'])
        .where('guardianships.guardian_user_id', '=', subject.userId)
        .execute()
    : [];
  const guardians = subject.studentId
    ? await db
        .selectFrom('guardianships')
        .innerJoin('users', 'users.id', 'guardianships.guardian_user_id')
        .select(['users.name', 'guardianships.created_at'])
        .where('guardianships.student_id', '=', subject.studentId)
        .execute()
    : [];
  return [
    ...children.map((c) => ({ name: c.name, relation: 'child' as const, since: c.created_at })),
    ...guardians.map((g) => ({ name: g.name, relation: 'guardian' as const, since: g.created_at })),
  ];
}

export async function agreementSection(
  db: DbOrTrx,
  { subject }: AnswerScope,
): Promise<AccessAnswer['agreements']> {
  if (!subject.userId) return [];
  const rows = await db
    .selectFrom('guardian_agreements')
    .select(['policy_version', 'agreed_at'])
    .where('user_id', '=', subject.userId)
    .orderBy('agreed_at')
    .execute();
  return rows.map((r) => ({ policyVersion: r.policy_version, agreedAt: r.agreed_at }));
}

/** Every session the subject had a seat in, and whether LiveKit saw them join (first join, last leave). */
export async function sessionSection(db: DbOrTrx, scope: AnswerScope): Promise<AccessAnswer['sessions']> {
  const seatIds = idsOrNone(scope.seats.map((s) => s.id));
  const sessions = await db
    .selectFrom('people')
    .innerJoin('sessions', 'sessions.id', 'people.session_id')
    .select([
      'people.id as seat_id',
      'people.name',
      'people.role',
      'sessions.id',
      'sessions.title',
      'sessions.created_at',
    ])
    .where('people.id', 'in', seatIds)
    .orderBy('sessions.created_at')
    .orderBy('sessions.title')
    .orderBy('people.id')
    .execute();
  const presence = await db
    .selectFrom('participant_presence')
    .select(['person_id', 'joined_at', 'left_at'])
    .where('person_id', 'in', seatIds)
    .where('joined_at', 'is not', null)
    .execute();
  return sessions.map((s) => {
    const visits = presence.filter((p) => p.person_id === s.seat_id);
    const joins = visits.flatMap((v) => (v.joined_at ? [v.joined_at] : [])).sort();
    const leaves = visits.flatMap((v) => (v.left_at ? [v.left_at] : [])).sort();
    return {
      sessionId: s.id,
      title: s.title,
      createdAt: s.created_at,
      seatName: s.name,
      role: s.role,
      joined: joins.length > 0,
      joinedAt: joins[0] ?? null,
      leftAt: leaves.at(-1) ?? null,
    };
  });
}
