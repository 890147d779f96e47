import { ParticipantAttribute, type SessionRole } from '@assent/shared';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';

/** Long enough to connect; a token's expiry is only checked at connect time, not on reconnects. */
export const participantTokenTtlSeconds = 10 * 60;

export interface LiveKitCredentials {
  apiKey: string;
  apiSecret: string;
}

export interface ParticipantTokenInput {
  roomName: string;
  identity: string;
  name: string;
  role: SessionRole;
  personId: string;
  /** False while a recording runs that this person has not consented to (rule 5); the server grants it later. */
  canPublish?: boolean;
}

/**
 * The only grant a browser ever gets: join one room, publish and subscribe.
 * SECURITY: never roomAdmin, roomRecord, roomCreate or roomList (roomRecord is not even room-scoped),
 * and no data or own-metadata publishing, so clients cannot forge consent state or their attributes.
 */
export function participantGrant(roomName: string, canPublish = true): VideoGrant {
  return {
    room: roomName,
    roomJoin: true,
    canPublish,
    canSubscribe: true,
    canPublishData: false,
    canUpdateOwnMetadata: false,
  };
}

export async function mintParticipantToken(
  credentials: LiveKitCredentials,
  input: ParticipantTokenInput,
): Promise<string> {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret, {
    identity: input.identity,
    name: input.name,
    ttl: participantTokenTtlSeconds,
    attributes: {
      [ParticipantAttribute.name]: input.name,
      [ParticipantAttribute.role]: input.role,
      [ParticipantAttribute.personId]: input.personId,
    },
  });
  token.addGrant(participantGrant(input.roomName, input.canPublish ?? true));
  return token.toJwt();
}
