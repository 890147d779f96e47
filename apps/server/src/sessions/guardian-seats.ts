/**
 * A guardian who joins a family after the child's sessions were made (a second parent, or the first one
 * registering after the tutor picked the child) gets the seat create-session.ts would have given them:
 * one guardian seat per session, linked to each of their children in it, so their consent counts for
 * those children (rule 3) and the session shows in their "Your sessions".
 *
 * Sessions have no end in Assent yet: a session stays joinable from "Your sessions" for as long as it
 * exists. So every session a child has a seat in is one still to come, and gets the guardian's seat.
 */
import { queueCalendarChange } from '../calendar/calendar-queue';
import type { DbOrTrx } from '../db/database';
import { newParticipantIdentity, newPersonId } from '../opaque-ids';
import { insertGuardianLinks, insertPeople, type Person } from './session-repository';

export interface GuardianSeated {
  sessionId: string;
  /** The guardian's seat: a new one, or the one they already had for another child in the session. */
  personId: string;
  newSeat: boolean;
  /** The children's seats (person ids) this guardian may now consent for. */
  studentPersonIds: string[];
}

/**
 * Seats `guardian` in every session of `studentIds` and links the seat to those children. Call it with
 * the transaction that makes the guardianships, so a guardian is never a child's without their seats.
 */
export async function seatGuardianInChildrensSessions(
  trx: DbOrTrx,
  guardian: { userId: string; name: string },
  studentIds: readonly string[],
  at: string,
): Promise<GuardianSeated[]> {
  if (studentIds.length === 0) return [];
  const childSeats = await trx
    .selectFrom('people')
    .select(['id', 'session_id'])
    .where('student_id', 'in', studentIds)
    .where('role', '=', 'student')
    .orderBy('session_id')
    .orderBy('position')
    .execute();
  if (childSeats.length === 0) return [];
  const sessionIds = [...new Set(childSeats.map((seat) => seat.session_id))];
  const ownSeats = await trx
    .selectFrom('people')
    .select(['id', 'session_id'])
    .where('session_id', 'in', sessionIds)
    .where('user_id', '=', guardian.userId)
    .where('role', '=', 'guardian')
    .execute();
  const linked =
    ownSeats.length === 0
      ? []
      : await trx
          .selectFrom('guardian_links')
          .select(['guardian_person_id', 'student_person_id'])
          .where(
            'guardian_person_id',
            'in',
            ownSeats.map((seat) => seat.id),
          )
          .execute();
  const lastPositions = await trx
    .selectFrom('people')
    .select(['session_id', (eb) => eb.fn.max('position').as('last')])
    .where('session_id', 'in', sessionIds)
    .groupBy('session_id')
    .execute();

  const seated: GuardianSeated[] = [];
  for (const sessionId of sessionIds) {
    let personId = ownSeats.find((seat) => seat.session_id === sessionId)?.id;
    const newSeat = personId === undefined;
    if (personId === undefined) {
      const person: Person = {
        id: newPersonId(),
        sessionId,
        name: guardian.name,
        role: 'guardian',
        minor: false,
        livekitIdentity: newParticipantIdentity(),
        createdAt: at,
        userId: guardian.userId,
        studentId: null,
      };
      const last = lastPositions.find((row) => row.session_id === sessionId)?.last;
      await insertPeople(trx, [person], Number(last ?? -1) + 1);
      personId = person.id;
    }
    const seat = personId;
    const studentPersonIds = childSeats
      .filter((child) => child.session_id === sessionId)
      .map((child) => child.id)
      .filter((id) => !linked.some((l) => l.guardian_person_id === seat && l.student_person_id === id));
    if (!newSeat && studentPersonIds.length === 0) continue;
    await insertGuardianLinks(
      trx,
      studentPersonIds.map((studentPersonId) => ({
        sessionId,
        guardianPersonId: seat,
        studentPersonId,
      })),
    );
    seated.push({ sessionId, personId: seat, newSeat, studentPersonIds });
  }
  // A new seat in a scheduled session still to come: the guardian's own invitation and reminders (the
  // others already invited are not mailed again).
  await queueCalendarChange(
    trx,
    { kind: 'invite', sessionIds: seated.filter((s) => s.newSeat).map((s) => s.sessionId) },
    new Date(at),
  );
  return seated;
}
