/**
 * Taking an account out of every call it is in now: each of its seats in a room that LiveKit has
 * anyone in is removed through RoomServiceClient.removeParticipant (a token's expiry does not end a
 * live connection). LiveKit's own participant list is asked, not our presence rows, so a lost webhook
 * does not leave anyone behind; one room failing does not stop the others.
 */
import type { Logger } from 'pino';
import type { DbOrTrx } from '../db/database';
import type { RoomService } from './room-service';

export interface CallRemoval {
  /** Participants LiveKit had and removed. */
  removed: number;
  /** Rooms LiveKit could not be asked about or could not remove from (logged). */
  failed: number;
}

export async function removeAccountFromCalls(
  deps: { db: DbOrTrx; roomService: RoomService; logger: Logger },
  userId: string,
): Promise<CallRemoval> {
  const seats = await deps.db
    .selectFrom('people')
    .innerJoin('sessions', 'sessions.id', 'people.session_id')
    .select(['sessions.room_name', 'people.livekit_identity'])
    .where('people.user_id', '=', userId)
    // Only rooms somebody is in by our record; listing every past session's room would be wasteful.
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('participant_presence')
          .select('participant_presence.id')
          .whereRef('participant_presence.room_name', '=', 'sessions.room_name')
          .where('participant_presence.left_at', 'is', null),
      ),
    )
    .execute();
  const byRoom = new Map<string, Set<string>>();
  for (const seat of seats) {
    const identities = byRoom.get(seat.room_name) ?? new Set<string>();
    identities.add(seat.livekit_identity);
    byRoom.set(seat.room_name, identities);
  }
  const outcome: CallRemoval = { removed: 0, failed: 0 };
  await Promise.all(
    [...byRoom].map(async ([room, identities]) => {
      try {
        const present = await deps.roomService.listParticipants(room);
        for (const participant of present) {
          if (!identities.has(participant.identity)) continue;
          await deps.roomService.removeParticipant(room, participant.identity);
          outcome.removed += 1;
        }
      } catch (err) {
        outcome.failed += 1;
        deps.logger.warn({ err, room }, 'could not remove a disabled account from a call');
      }
    }),
  );
  return outcome;
}
