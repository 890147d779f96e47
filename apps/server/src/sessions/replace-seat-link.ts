/**
 * Replacing a seat's join link: a new link for the seat, and every earlier one stops working (the seat's
 * link version, invites/seat-link-version.ts, checked on every use by resolve-invite.ts). A guardian
 * replaces their child's link, a tutor a guest's in their own session, an admin any (people/can.ts).
 */
import type { ReplacedLink } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import { signInvite } from '../invites/invite-token';
import { raiseSeatLinkVersion } from '../invites/seat-link-version';
import type { Actor } from '../people/actor';
import type { SeatLinkResource } from '../people/can';
import { findPersonInSession, type Person, type Session } from './session-repository';

export interface SeatToReplace {
  session: Session;
  person: Person;
  /** What `can('seat.replace_link')` needs to know about the seat. */
  resource: SeatLinkResource;
}

/** The seat and who stands to it; 404 when the session has no such seat. */
export async function seatToReplace(db: Db, sessionId: string, personId: string): Promise<SeatToReplace> {
  const found = await findPersonInSession(db, sessionId, personId);
  if (!found) throw new AppError(404, 'not_found', 'There is no such seat in this session.');
  const guardians = await db
    .selectFrom('guardian_links')
    .innerJoin('people', 'people.id', 'guardian_links.guardian_person_id')
    .select('people.user_id')
    .where('guardian_links.session_id', '=', sessionId)
    .where('guardian_links.student_person_id', '=', personId)
    .execute();
  const { session, person } = found;
  return {
    session,
    person,
    resource: {
      kind: 'seat_link',
      seatRole: person.role,
      guest: person.role === 'student' && person.userId === null && person.studentId === null,
      guardianUserIds: guardians.flatMap((g) => (g.user_id ? [g.user_id] : [])),
      sessionOwnerUserId: session.ownerUserId,
    },
  };
}

/** Raises the seat's link version (audited in the same transaction) and signs the one link that now works. */
export async function replaceSeatLink(
  deps: { db: Db; config: Config; now: () => Date },
  actor: Actor,
  seat: SeatToReplace,
): Promise<ReplacedLink> {
  const { db, config } = deps;
  const at = deps.now();
  const { session, person } = seat;
  const version = await db.transaction().execute(async (trx) => {
    const raised = await raiseSeatLinkVersion(trx, person.id, actor.userId, at);
    await appendAudit(trx, {
      actor,
      action: 'seat.replace_link',
      target: { type: 'session', id: session.id },
      detail: { personId: person.id, seatRole: person.role, version: raised },
      at,
    });
    return raised;
  });
  // Whole seconds, so the expiry shown is exactly the token's `exp`.
  const expiresAt = new Date(Math.floor(at.getTime() / 1000 + config.inviteTtlHours * 3600) * 1000);
  const token = await signInvite(
    config.inviteSecret,
    { sid: session.id, pid: person.id, role: person.role, v: version },
    expiresAt,
  );
  return {
    personId: person.id,
    url: `${config.publicUrl}/join/${token}`,
    expiresAt: expiresAt.toISOString(),
  };
}
