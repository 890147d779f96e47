/**
 * Rule 5 for media: while a recorder may be capturing (starting, recording, stopping), only people who
 * consented to the current request may publish; once it has stopped, everyone may. A joiner's token says
 * the same when it is minted (routes/invites.ts); this module keeps LiveKit in line afterwards with
 * `updateParticipant`: it grants publishing when someone consents or the recording ends, and takes it
 * from someone whose token was minted before the recording began.
 *
 * The state publisher drives it after every commit, so permissions follow the same ordered, coalesced
 * stream of states as the room metadata. Only changes are sent, and sending one twice is harmless. The
 * reconciler's pass hands in what LiveKit itself reports, so a grant that failed, or a connection that
 * came back with an older token, is put right within one pass.
 */
import type { ConsentState } from '@assent/shared';
import { decisionOf } from '@assent/shared';
import type { Logger } from 'pino';
import type { RoomParticipant, RoomService } from '../livekit/room-service';
import { presentPeople, recordingActive } from './room-state';
import { sendChanges } from './send-changes';

/** Whether this person's media may flow: always, unless a recorder may be capturing and they have not consented. */
export function mayPublish(state: ConsentState, personId: string): boolean {
  return !recordingActive(state) || decisionOf(state, personId) === 'consented';
}

/**
 * Whether a join token may let this person publish. Someone whose identity is present already is
 * starting a new participant session, which ends that presence and its yes (rule 5); a yes given
 * before joining (on the pre-join screen) holds for the presence that follows.
 */
export function mayPublishOnJoining(state: ConsentState, personId: string): boolean {
  if (!recordingActive(state)) return true;
  const alreadyPresent = presentPeople(state).some(([, present]) => present === personId);
  return !alreadyPresent && mayPublish(state, personId);
}

/** Who may publish, by LiveKit identity, for every present person of ours. */
export function wantedPublishing(state: ConsentState): Map<string, boolean> {
  const wanted = new Map<string, boolean>();
  for (const [identity, personId] of presentPeople(state)) wanted.set(identity, mayPublish(state, personId));
  return wanted;
}

/** LiveKit's own word on who may publish, from a participant listing; unknown entries are left out. */
export function observedPublishing(listed: readonly RoomParticipant[]): Map<string, boolean> {
  const observed = new Map<string, boolean>();
  for (const participant of listed) {
    if (participant.canPublish !== undefined) observed.set(participant.identity, participant.canPublish);
  }
  return observed;
}

export interface PublishPermissions {
  /**
   * Brings LiveKit in line with `state` for the people present. Where `observed` (LiveKit's listing)
   * disagrees with what this process believes it set, the permission is set again.
   * Failures are logged and retried on the next call.
   */
  sync(roomName: string, state: ConsentState, observed?: ReadonlyMap<string, boolean>): Promise<void>;
  /** A new participant session at this identity: what was set for the earlier one says nothing about it. */
  forget(identity: string): void;
}

/** One per session: remembers what it set so each state change sends only what changed. */
export function createPublishPermissions(deps: {
  roomService: RoomService;
  logger: Logger;
}): PublishPermissions {
  const set = new Map<string, boolean>();
  return {
    forget(identity) {
      set.delete(identity);
    },
    async sync(roomName, state, observed) {
      const wanted = wantedPublishing(state);
      // The listing may be older than our last call, so it only ever causes a send, never skips one.
      for (const [identity, canPublish] of observed ?? []) {
        if (set.has(identity) && set.get(identity) !== canPublish) set.delete(identity);
      }
      await sendChanges(
        set,
        wanted,
        (identity, canPublish) => deps.roomService.setCanPublish(roomName, identity, canPublish),
        (err, identity, canPublish) =>
          deps.logger.warn({ err, roomName, identity, canPublish }, 'publish permission not set'),
      );
    },
  };
}
