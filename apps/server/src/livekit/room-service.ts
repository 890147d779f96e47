/**
 * The LiveKit server API we use, behind a small port so routes and tests never need a LiveKit server.
 * The reconciler and the consent state publisher build on this.
 */
import {
  DataPacket_Kind,
  type ParticipantInfo,
  RoomServiceClient,
  TrackSource,
  TwirpError,
} from 'livekit-server-sdk';
import { publishSources, sourcesAllowSharing } from './publish-sources';
import type { LiveKitCredentials } from './tokens';

export interface RoomParticipant {
  identity: string;
  /** LiveKit's participant session id: new for each session of an identity, kept across a resume. */
  sid?: string;
  name: string;
  /** LiveKit participant kind by enum name (STANDARD, EGRESS, ...). */
  kind: string;
  /** Service participants (the recorder) hold the hidden permission, which only server tokens carry. */
  hidden: boolean;
  /** Whether LiveKit lets them publish media now; undefined when it did not say. */
  canPublish?: boolean;
  /** Whether their sources include a screen share (LiveKit's own word); undefined when it did not say. */
  mayShare?: boolean;
}

export interface RoomService {
  /** Present participants; an empty list when the room does not exist (nobody has joined yet). */
  listParticipants(roomName: string): Promise<RoomParticipant[]>;
  /** Removing is how someone is taken out of a call: token expiry does not affect live connections. */
  removeParticipant(roomName: string, identity: string): Promise<void>;
  /** Throws while the room does not exist. */
  updateRoomMetadata(roomName: string, metadata: string): Promise<void>;
  /** A reliable data message to one participant only; nobody else in the room receives it. */
  sendPrivately(roomName: string, identity: string, topic: string, payload: string): Promise<void>;
  /** A reliable data message from the server to everyone in the room (the chat). */
  sendToRoom(roomName: string, topic: string, payload: string): Promise<void>;
  /**
   * Whether the participant may publish media. Subscribing stays on, data publishing off, as in their
   * token; which sources (camera, screen share…) stay as they were. Throws if they are not present.
   */
  setCanPublish(roomName: string, identity: string, canPublish: boolean): Promise<void>;
  /**
   * Whether the participant may share a screen; LiveKit removes a share already running when this turns
   * off. Whether they may publish at all stays as it was. Throws if they are not present.
   */
  setMayShare(roomName: string, identity: string, mayShare: boolean): Promise<void>;
  /**
   * Mutes every track the participant publishes from these sources (LiveKit's enum names: MICROPHONE,
   * CAMERA, SCREEN_SHARE, SCREEN_SHARE_AUDIO); answers how many. Throws if they are not present.
   */
  muteTracks(roomName: string, identity: string, sources: readonly string[]): Promise<number>;
  /** Sets (or, with '', clears) server-owned attributes of a participant; others are left as they are. */
  setAttributes(roomName: string, identity: string, attributes: Record<string, string>): Promise<void>;
  /** Closes the room: everyone in it is disconnected (reason ROOM_DELETED). Nothing when there is none. */
  deleteRoom(roomName: string): Promise<void>;
}

/** A LiveKit participant as the plain shape the rest of the server uses; kind by enum name. */
export function toRoomParticipant(p: ParticipantInfo): RoomParticipant {
  const json = p.toJson({ emitDefaultValues: true }) as { kind?: unknown };
  return {
    identity: p.identity,
    sid: p.sid || undefined,
    name: p.name,
    kind: typeof json.kind === 'string' ? json.kind : 'STANDARD',
    hidden: p.permission?.hidden === true,
    canPublish: p.permission?.canPublish,
    mayShare: p.permission ? sourcesAllowSharing(p.permission.canPublishSources) : undefined,
  };
}

export const isNotFound = (error: unknown) => error instanceof TwirpError && error.code === 'not_found';

export function createRoomService(apiUrl: string, credentials: LiveKitCredentials): RoomService {
  const client = new RoomServiceClient(apiUrl, credentials.apiKey, credentials.apiSecret, {
    requestTimeout: 5,
  });
  return {
    async listParticipants(roomName) {
      try {
        return (await client.listParticipants(roomName)).map(toRoomParticipant);
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
    },
    async removeParticipant(roomName, identity) {
      await client.removeParticipant(roomName, identity);
    },
    async updateRoomMetadata(roomName, metadata) {
      await client.updateRoomMetadata(roomName, metadata);
    },
    async sendPrivately(roomName, identity, topic, payload) {
      // SECURITY: LiveKit delivers a message without destinations to everyone in the room.
      if (identity === '') throw new Error('a private message needs its recipient');
      await client.sendData(roomName, new TextEncoder().encode(payload), DataPacket_Kind.RELIABLE, {
        destinationIdentities: [identity],
        topic,
      });
    },
    async sendToRoom(roomName, topic, payload) {
      await client.sendData(roomName, new TextEncoder().encode(payload), DataPacket_Kind.RELIABLE, {
        topic,
      });
    },
    async setCanPublish(roomName, identity, canPublish) {
      const current = await client.getParticipant(roomName, identity);
      await client.updateParticipant(roomName, identity, {
        permission: grantedPermission(
          canPublish,
          sourcesAllowSharing(current.permission?.canPublishSources ?? []),
        ),
      });
    },
    async setMayShare(roomName, identity, mayShare) {
      const current = await client.getParticipant(roomName, identity);
      await client.updateParticipant(roomName, identity, {
        permission: grantedPermission(current.permission?.canPublish ?? false, mayShare),
      });
    },
    async muteTracks(roomName, identity, sources) {
      const participant = await client.getParticipant(roomName, identity);
      const chosen = participant.tracks.filter(
        (t) => sources.includes(TrackSource[t.source] ?? '') && !t.muted,
      );
      for (const track of chosen) await client.mutePublishedTrack(roomName, identity, track.sid, true);
      return chosen.length;
    },
    async setAttributes(roomName, identity, attributes) {
      await client.updateParticipant(roomName, identity, { attributes });
    },
    async deleteRoom(roomName) {
      try {
        await client.deleteRoom(roomName);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

/**
 * Permissions are replaced as a whole (an empty source list would mean every source): restate the join
 * token's grants, with publishing and sharing as asked. The two are read back from LiveKit before each
 * change, so a consent change never hands out sharing and a sharing change never hands back publishing.
 */
function grantedPermission(canPublish: boolean, mayShare: boolean) {
  return {
    canPublish,
    canPublishSources: publishSources(mayShare),
    canSubscribe: true,
    canPublishData: false,
    canUpdateMetadata: false,
  };
}
