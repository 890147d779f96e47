/** Sessions and the people in them. Rows become domain objects here and nowhere else. */
import type { SessionRole } from '@assent/shared';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { GuardianLink } from './guardian-links';
import type { PeopleTable, SessionsTable } from './session-tables';

export interface Session {
  id: string;
  title: string;
  roomName: string;
  createdAt: string;
  /** The tutor account that owns the session; null for sessions made before accounts. */
  ownerUserId: string | null;
}

export interface Person {
  id: string;
  sessionId: string;
  name: string;
  role: SessionRole;
  minor: boolean;
  livekitIdentity: string;
  createdAt: string;
  /** The account this person signs in with, if any. */
  userId: string | null;
  /** The enrolled student this person is, if picked from the organisation's families. */
  studentId: string | null;
}

export const toSession = (
  row: Pick<Selectable<SessionsTable>, 'id' | 'title' | 'room_name' | 'created_at' | 'owner_user_id'>,
): Session => ({
  id: row.id,
  title: row.title,
  roomName: row.room_name,
  createdAt: row.created_at,
  ownerUserId: row.owner_user_id,
});

export const toPerson = (row: Selectable<PeopleTable>): Person => ({
  id: row.id,
  sessionId: row.session_id,
  name: row.name,
  role: row.role,
  minor: row.minor === 1,
  livekitIdentity: row.livekit_identity,
  createdAt: row.created_at,
  userId: row.user_id,
  studentId: row.student_id,
});

export async function insertSession(db: DbOrTrx, session: Session): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      title: session.title,
      room_name: session.roomName,
      created_at: session.createdAt,
      owner_user_id: session.ownerUserId,
    })
    .execute();
}

/**
 * Inserts people in the given order; `position` keeps that order (tutor first). People added to a
 * session that already has some start at `firstPosition`, after everyone there.
 */
export async function insertPeople(db: DbOrTrx, people: Person[], firstPosition = 0): Promise<void> {
  if (people.length === 0) return;
  await db
    .insertInto('people')
    .values(
      people.map((p, index) => ({
        id: p.id,
        session_id: p.sessionId,
        name: p.name,
        role: p.role,
        minor: p.minor ? 1 : 0,
        livekit_identity: p.livekitIdentity,
        position: firstPosition + index,
        created_at: p.createdAt,
        user_id: p.userId,
        student_id: p.studentId,
      })),
    )
    .execute();
}

export async function insertGuardianLinks(db: DbOrTrx, links: GuardianLink[]): Promise<void> {
  if (links.length === 0) return;
  await db
    .insertInto('guardian_links')
    .values(
      links.map((link) => ({
        session_id: link.sessionId,
        guardian_person_id: link.guardianPersonId,
        student_person_id: link.studentPersonId,
      })),
    )
    .execute();
}

/**
 * A student who gets a sign-in of their own after being picked for sessions: their seats become the
 * account's, so the sessions show in their "Your sessions". Answers how many seats that was.
 */
export async function giveStudentSeatsToAccount(
  db: DbOrTrx,
  studentId: string,
  userId: string,
): Promise<number> {
  const result = await db
    .updateTable('people')
    .set({ user_id: userId })
    .where('student_id', '=', studentId)
    .where('role', '=', 'student')
    .where('user_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The students (person ids, in the order they were invited) a guardian may consent for. */
export async function listStudentsOfGuardian(db: DbOrTrx, guardianPersonId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('guardian_links')
    .innerJoin('people', 'people.id', 'guardian_links.student_person_id')
    .select('guardian_links.student_person_id')
    .where('guardian_links.guardian_person_id', '=', guardianPersonId)
    .orderBy('people.position')
    .execute();
  return rows.map((row) => row.student_person_id);
}

/** The names of the students a guardian may consent for, in the order they were invited. */
export async function listStudentNamesOfGuardian(db: DbOrTrx, guardianPersonId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('guardian_links')
    .innerJoin('people', 'people.id', 'guardian_links.student_person_id')
    .select('people.name')
    .where('guardian_links.guardian_person_id', '=', guardianPersonId)
    .orderBy('people.position')
    .execute();
  return rows.map((row) => row.name);
}

/** A person together with their session, or undefined if either is gone or they do not belong together. */
export async function findPersonInSession(
  db: DbOrTrx,
  sessionId: string,
  personId: string,
): Promise<{ session: Session; person: Person } | undefined> {
  const row = await db
    .selectFrom('people')
    .innerJoin('sessions', 'sessions.id', 'people.session_id')
    .selectAll('people')
    .select([
      'sessions.title',
      'sessions.room_name',
      'sessions.created_at as session_created_at',
      'sessions.owner_user_id',
    ])
    .where('people.id', '=', personId)
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    person: toPerson(row),
    session: toSession({
      id: row.session_id,
      title: row.title,
      room_name: row.room_name,
      created_at: row.session_created_at,
      owner_user_id: row.owner_user_id,
    }),
  };
}

export async function findSessionByRoom(db: DbOrTrx, roomName: string): Promise<Session | undefined> {
  const row = await db
    .selectFrom('sessions')
    .selectAll()
    .where('room_name', '=', roomName)
    .executeTakeFirst();
  return row ? toSession(row) : undefined;
}

/** Which of our people a LiveKit identity in a room belongs to, if any. */
export async function resolveRoomParticipant(
  db: DbOrTrx,
  roomName: string,
  identity: string,
): Promise<{ sessionId: string; personId: string | undefined } | undefined> {
  const session = await db
    .selectFrom('sessions')
    .select('id')
    .where('room_name', '=', roomName)
    .executeTakeFirst();
  if (!session) return undefined;
  const person = await db
    .selectFrom('people')
    .select('id')
    .where('session_id', '=', session.id)
    .where('livekit_identity', '=', identity)
    .executeTakeFirst();
  return { sessionId: session.id, personId: person?.id };
}

export async function listPeople(db: DbOrTrx, sessionId: string): Promise<Person[]> {
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('position')
    .execute();
  return rows.map(toPerson);
}
