/**
 * The tutor ends the session for everyone. Any recording stops first, through the consent service (the
 * request is cancelled and logged, and its egress stop carried out), and only then is the room closed:
 * LiveKit disconnects everyone with ROOM_DELETED, which their call page puts into words.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit-log';
import { saveBoard } from '../board/save-board';
import type { ConsentService } from '../consent/consent-service';
import type { RoomService } from '../livekit/room-service';
import { seatActor } from '../people/can';
import type { ResolvedInvite } from '../sessions/resolve-invite';
import { authorizeRoomControl, type RoomControlDeps } from './room-control';

export async function endSession(
  deps: RoomControlDeps & { roomService: RoomService; consent: ConsentService },
  invite: ResolvedInvite,
  userAgent: string | null,
): Promise<{ recordingStopped: boolean }> {
  await authorizeRoomControl(deps, invite, 'call.end_session');
  const { session, person } = invite;
  const stored = await deps.consent.read(session.id);
  const request = stored?.state.request;
  const wasRecording = stored !== undefined && stored.state.egress.kind !== 'idle';
  if (request?.status === 'open') {
    await deps.consent.apply(
      session.id,
      { type: 'cancel', requestId: request.requestId },
      {
        decide: (result, before) =>
          result.ignored || !before.request
            ? undefined
            : {
                personId: person.id,
                personName: person.name,
                role: person.role,
                kind: 'cancel',
                requestId: before.request.requestId,
                purpose: before.request.purpose,
                noticeVersion: before.request.noticeVersion,
                clientRequestId: `end-session:${randomUUID()}`,
                userAgent,
              },
      },
    );
  }
  // The egress stop the cancel asked for has been made before anyone is disconnected.
  await deps.consent.idle();
  await appendAudit(deps.db, {
    actor: seatActor(person),
    action: 'call.end_session',
    target: { type: 'session', id: session.id },
    detail: { recordingStopped: wasRecording },
    at: deps.now(),
  });
  await deps.roomService.deleteRoom(session.roomName);
  // The session is over: its whiteboard is kept with the chat log (or let go if nothing is on it).
  await saveBoard(deps.db, session.id, deps.now());
  return { recordingStopped: wasRecording };
}
