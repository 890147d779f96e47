/**
 * Pushes each session's committed consent state to LiveKit: the LiveRecordingState as room metadata
 * and each present person's decision as participant attributes. Only the server can change either
 * (browsers hold no grant to), so clients render what the server decided.
 *
 * Publishes are serialised per session and coalesced: if several transitions commit while one publish
 * is in flight, only the newest state goes out next, so an older state never overwrites a newer one.
 * A failed publish (the room does not exist before the first join) is logged; the next transition or
 * reconciler pass publishes again.
 */
import type { ConsentState } from '@assent/shared';
import type { Logger } from 'pino';
import type { RecordingConfig } from '../config';
import type { RoomService } from '../livekit/room-service';
import { consentAttributes, toLiveRecordingState } from './room-state';

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
  /** Attribute values last set per identity, so only changes are sent. */
  sentAttributes: Map<string, string>;
  running: Promise<void> | undefined;
}

export interface StatePublisher {
  publish(snapshot: PublishedSnapshot): Promise<void>;
}

export function createStatePublisher(deps: {
  roomService: RoomService;
  logger: Logger;
  recording: RecordingConfig;
}): StatePublisher {
  const channels = new Map<string, SessionChannel>();

  async function pushOnce(channel: SessionChannel, snapshot: PublishedSnapshot): Promise<boolean> {
    const { roomName, state } = snapshot;
    const metadata = toLiveRecordingState(state, deps.recording, snapshot.updatedAt);
    let complete = true;
    try {
      await deps.roomService.updateRoomMetadata(roomName, JSON.stringify(metadata));
    } catch (err) {
      complete = false;
      deps.logger.debug({ err, roomName }, 'room metadata not published');
    }
    const present = consentAttributes(state);
    for (const identity of channel.sentAttributes.keys()) {
      if (!present.has(identity)) channel.sentAttributes.delete(identity);
    }
    await Promise.all(
      [...present].map(async ([identity, attributes]) => {
        const key = JSON.stringify(attributes);
        if (channel.sentAttributes.get(identity) === key) return;
        try {
          await deps.roomService.updateParticipantAttributes(roomName, identity, attributes);
          channel.sentAttributes.set(identity, key);
        } catch (err) {
          deps.logger.debug({ err, roomName, identity }, 'consent attributes not published');
        }
      }),
    );
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
    publish(snapshot) {
      let channel = channels.get(snapshot.sessionId);
      if (!channel) {
        channel = { latest: snapshot, publishedVersion: -1, sentAttributes: new Map(), running: undefined };
        channels.set(snapshot.sessionId, channel);
      } else if (snapshot.version >= channel.latest.version) {
        channel.latest = snapshot;
        // A republish of the same version (the reconciler's) goes out again: the room may exist now.
        if (snapshot.version === channel.publishedVersion) channel.publishedVersion = snapshot.version - 1;
      }
      if (!channel.running) channel.running = drain(channel);
      return channel.running;
    },
  };
}
