import { DisconnectReason } from 'livekit-client';

/** How a call ended for this person, as the after-call page words it. */
export type CallEnding = 'left' | 'ended' | 'removed';

/** A disconnect we did not ask for, with LiveKit's reason, so the page can tell an end from a failure. */
export class CallDisconnected extends Error {
  constructor(readonly reason: DisconnectReason | undefined) {
    super(`Disconnected: ${DisconnectReason[reason ?? DisconnectReason.UNKNOWN_REASON]}`);
  }
}

/** The tutor closed the room (ROOM_DELETED) or took this person out (PARTICIPANT_REMOVED); else undefined. */
export function endingOf(error: unknown): CallEnding | undefined {
  if (!(error instanceof CallDisconnected)) return undefined;
  if (error.reason === DisconnectReason.ROOM_DELETED) return 'ended';
  if (error.reason === DisconnectReason.PARTICIPANT_REMOVED) return 'removed';
  return undefined;
}
