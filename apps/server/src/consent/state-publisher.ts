/**
 * Pushes each session's committed consent state to LiveKit: the LiveRecordingState (counts, request,
 * status; never who decided what) as room metadata, each present person's own decision as a data message
 * to them alone, and who may publish media while a recorder may be capturing (publish-permission.ts).
 * Only the server can change any of these (browsers hold no grant to), so clients render what the server
 * decided.
 *
 * Publishes are serialised per session and coalesced: if several transitions commit while one publish
 * is in flight, only the newest state goes out next, so an older state never overwrites a newer one.
 * A failed publish (the room does not exist before the first join) is logged; the next transition or
 * reconciler pass publishes again.
 */
import type { ConsentState, LiveRecordingState } from '@assent/shared';
import { MyConsentTopic } from '@assent/shared';
import type { Logger } from 'pino';
import type { RoomService } from '../livekit/room-service';
import { createPublishPermissions, type PublishPermissions } from './publish-permission';
import { privateDecisions } from './room-state';
import { sendChanges } from './send-changes';

export interface PublishedSnapshot {
  sessionId: string;
  roomName: string;
  state: ConsentState;
  version: number;
  updatedAt: string;
}

interface SessionChannel {
  latest: PublishedSnapshot;
  publishedVersion: number;
  /** The decision message last delivered per identity, so only changes are sent. */
  sentDecisions: Map<string, string>;
  permissions: PublishPermissions;
  /** The participant session (LiveKit sid) each identity's sent values were for. */
  sessions: Map<string, string | undefined>;
  /** LiveKit's listing of who may publish, handed in by the reconciler for the next push. */
  observed: ReadonlyMap<string, boolean> | undefined;
  running: Promise<void> | undefined;
}

export interface StatePublisher {
  /** `observed`: LiveKit's own view of who may publish (the reconciler's listing), checked on this push. */
  publish(snapshot: PublishedSnapshot, observed?: ReadonlyMap<string, boolean>): Promise<void>;
}

/**
 * Rule 5: a returning person is a new participant session at the same identity. Whatever was sent to
 * the earlier session (their decision, a publish grant) never reached this one: send it afresh.
 */
function forgetReplacedSessions(channel: SessionChannel, state: ConsentState): void {
  for (const identity of channel.sessions.keys()) {
    if (!Object.hasOwn(state.participants, identity)) channel.sessions.delete(identity);
  }
  for (const [identity, participant] of Object.entries(state.participants)) {
    const known = channel.sessions.has(identity);
    if (known && channel.sessions.get(identity) === participant.sid) continue;
    if (known) {
      channel.sentDecisions.delete(identity);
      channel.permissions.forget(identity);
    }
    channel.sessions.set(identity, participant.sid);
  }
}

export function createStatePublisher(deps: {
  roomService: RoomService;
  logger: Logger;
  /** The room metadata for a state (it reads the policy version the request was made under). */
  liveState: (snapshot: PublishedSnapshot) => Promise<LiveRecordingState>;
}): StatePublisher {
  const channels = new Map<string, SessionChannel>();

  async function pushOnce(channel: SessionChannel, snapshot: PublishedSnapshot): Promise<boolean> {
    const { roomName, state } = snapshot;
    let complete = true;
    try {
      // Failing to describe the request must not hold back the decisions and permissions below.
      const metadata = await deps.liveState(snapshot);
      await deps.roomService.updateRoomMetadata(roomName, JSON.stringify(metadata));
    } catch (err) {
      complete = false;
      deps.logger.debug({ err, roomName }, 'room metadata not published');
    }
    forgetReplacedSessions(channel, state);
    const observed = channel.observed;
    channel.observed = undefined;
    await Promise.all([
      sendChanges(
        channel.sentDecisions,
        privateDecisions(state),
        (identity, message) => deps.roomService.sendPrivately(roomName, identity, MyConsentTopic, message),
        (err, identity) => deps.logger.debug({ err, roomName, identity }, 'own decision not delivered'),
      ),
      channel.permissions.sync(roomName, state, observed),
    ]);
    return complete;
  }

  async function drain(channel: SessionChannel): Promise<void> {
    while (channel.latest.version > channel.publishedVersion) {
      const snapshot = channel.latest;
      await pushOnce(channel, snapshot);
      channel.publishedVersion = snapshot.version;
    }
    channel.running = undefined;
  }

  return {
    publish(snapshot, observed) {
      let channel = channels.get(snapshot.sessionId);
      if (!channel) {
        channel = {
          latest: snapshot,
          publishedVersion: -1,
          sentDecisions: new Map(),
          sessions: new Map(),
          permissions: createPublishPermissions(deps),
          observed: undefined,
          running: undefined,
        };
        channels.set(snapshot.sessionId, channel);
      } else if (snapshot.version >= channel.latest.version) {
        channel.latest = snapshot;
        // A republish of the same version (the reconciler's) goes out again: the room may exist now.
        if (snapshot.version === channel.publishedVersion) channel.publishedVersion = snapshot.version - 1;
      }
      if (observed) channel.observed = observed;
      if (!channel.running) channel.running = drain(channel);
      return channel.running;
    },
  };
}
