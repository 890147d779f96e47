/**
 * Raising a hand goes through the server, since browsers may not publish data or their own attributes:
 * it sets the time on the person's LiveKit attributes, which everyone in the call reads (the tutor sees
 * the order). Not audited: it says nothing about recording or anyone's data, and is public in the call.
 */
import { ParticipantAttribute, type RaiseHandResponse } from '@assent/shared';
import { AppError } from '../http/app-error';
import type { RoomService } from '../livekit/room-service';
import { can, seatActor } from '../people/can';
import type { ResolvedInvite } from '../sessions/resolve-invite';

export async function raiseHand(
  deps: { roomService: RoomService; now: () => Date },
  { session, person }: ResolvedInvite,
  raised: boolean,
): Promise<RaiseHandResponse> {
  if (!can(seatActor(person), 'call.raise_hand', { kind: 'call' })) {
    throw new AppError(403, 'forbidden', 'You cannot raise a hand in this call.');
  }
  const raisedAt = raised ? deps.now().toISOString() : null;
  try {
    await deps.roomService.setAttributes(session.roomName, person.livekitIdentity, {
      [ParticipantAttribute.handRaisedAt]: raisedAt ?? '',
    });
  } catch {
    throw new AppError(409, 'not_in_call', 'You are not in the call now.');
  }
  return { raisedAt };
}
