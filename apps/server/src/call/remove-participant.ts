/**
 * The tutor removes someone from the call: their seat is marked removed (the join route then refuses
 * it until the tutor lets them back in) and LiveKit disconnects them, which tells them why
 * (PARTICIPANT_REMOVED). Letting back in clears the mark.
 */
import { appendAudit } from '../audit/audit-log';
import type { DbOrTrx } from '../db/database';
import type { RoomService } from '../livekit/room-service';
import { seatActor } from '../people/can';
import type { ResolvedInvite } from '../sessions/resolve-invite';
import { authorizeRoomControl, type RoomControlDeps, targetSeat } from './room-control';

/** Whether the tutor removed this seat from the call and has not let it back in. */
export async function isRemovedFromCall(db: DbOrTrx, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('people')
    .select('removed_at')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.removed_at != null;
}

export async function removeParticipant(
  deps: RoomControlDeps & { roomService: RoomService },
  invite: ResolvedInvite,
  personId: string,
): Promise<void> {
  await authorizeRoomControl(deps, invite, 'call.remove_participant');
  const target = await targetSeat(deps.db, invite, personId);
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('people')
      .set({ removed_at: at.toISOString() })
      .where('id', '=', target.id)
      .execute();
    await appendAudit(trx, {
      actor: seatActor(invite.person),
      action: 'call.remove_participant',
      target: { type: 'session', id: invite.session.id },
      detail: { personId: target.id },
      at,
    });
  });
  // Marked first: a rejoin racing the removal is refused at the join route.
  try {
    await deps.roomService.removeParticipant(invite.session.roomName, target.livekitIdentity);
  } catch {
    // Not in the room now: the mark alone keeps them out.
  }
}

export async function readmitParticipant(
  deps: RoomControlDeps,
  invite: ResolvedInvite,
  personId: string,
): Promise<void> {
  await authorizeRoomControl(deps, invite, 'call.readmit_participant');
  const target = await targetSeat(deps.db, invite, personId);
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('people').set({ removed_at: null }).where('id', '=', target.id).execute();
    await appendAudit(trx, {
      actor: seatActor(invite.person),
      action: 'call.readmit_participant',
      target: { type: 'session', id: invite.session.id },
      detail: { personId: target.id },
      at,
    });
  });
}
