/** The tutor turns off someone's microphone, camera or screen share; LiveKit mutes it, the person is told. */
import { type MutedMedia, type RoomControlMessage, RoomControlTopic } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import { AppError } from '../http/app-error';
import type { RoomService } from '../livekit/room-service';
import { seatActor } from '../people/can';
import type { ResolvedInvite } from '../sessions/resolve-invite';
import { authorizeRoomControl, type RoomControlDeps, targetSeat } from './room-control';

const sourcesOf: Record<MutedMedia, readonly string[]> = {
  microphone: ['MICROPHONE'],
  camera: ['CAMERA'],
  screen_share: ['SCREEN_SHARE', 'SCREEN_SHARE_AUDIO'],
};

export async function muteParticipant(
  deps: RoomControlDeps & { roomService: RoomService },
  invite: ResolvedInvite,
  input: { personId: string; media: MutedMedia },
): Promise<{ mutedTracks: number }> {
  await authorizeRoomControl(deps, invite, 'call.mute_participant');
  const target = await targetSeat(deps.db, invite, input.personId);
  const { roomName } = invite.session;
  let mutedTracks: number;
  try {
    mutedTracks = await deps.roomService.muteTracks(roomName, target.livekitIdentity, sourcesOf[input.media]);
  } catch {
    throw new AppError(409, 'not_in_call', `${target.name} is not in the call now.`);
  }
  await appendAudit(deps.db, {
    actor: seatActor(invite.person),
    action: 'call.mute_participant',
    target: { type: 'session', id: invite.session.id },
    detail: { personId: target.id, media: input.media, mutedTracks },
    at: deps.now(),
  });
  const told: RoomControlMessage = { kind: 'muted', media: input.media };
  await deps.roomService.sendPrivately(
    roomName,
    target.livekitIdentity,
    RoomControlTopic,
    JSON.stringify(told),
  );
  return { mutedTracks };
}
