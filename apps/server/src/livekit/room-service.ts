/**
 * The LiveKit server API we use, behind a small port so routes and tests never need a LiveKit server.
 * The reconciler and consent enforcement build on this.
 */
import { RoomServiceClient } from 'livekit-server-sdk';
import type { LiveKitCredentials } from './tokens';

export interface RoomParticipant {
  identity: string;
  name: string;
  /** LiveKit participant kind by enum name (STANDARD, EGRESS, ...). */
  kind: string;
}

export interface RoomService {
  listParticipants(roomName: string): Promise<RoomParticipant[]>;
  /** Removing is how someone is taken out of a call: token expiry does not affect live connections. */
  removeParticipant(roomName: string, identity: string): Promise<void>;
}

export function createRoomService(apiUrl: string, credentials: LiveKitCredentials): RoomService {
  const client = new RoomServiceClient(apiUrl, credentials.apiKey, credentials.apiSecret);
  return {
    async listParticipants(roomName) {
      const participants = await client.listParticipants(roomName);
      return participants.map((p) => {
        const json = p.toJson({ emitDefaultValues: true }) as { kind?: unknown };
        return {
          identity: p.identity,
          name: p.name,
          kind: typeof json.kind === 'string' ? json.kind : 'STANDARD',
        };
      });
    },
    async removeParticipant(roomName, identity) {
      await client.removeParticipant(roomName, identity);
    },
  };
}
