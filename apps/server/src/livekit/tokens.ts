import { ParticipantAttribute, type SessionRole } from '@assent/shared';
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';
import { publishSources } from './publish-sources';

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
  /** Whether they may share a screen (the tutor's seat, or a student the tutor or the policy lets). */
  mayShare?: boolean;
}

/**
 * The only grant a browser ever gets: join one room, publish and subscribe.
 * SECURITY: never roomAdmin, roomRecord, roomCreate or roomList (roomRecord is not even room-scoped),
 * and no data or own-metadata publishing, so clients cannot forge consent state or their attributes.
 * The sources are always named: an empty list would let LiveKit accept a screen share from anyone.
 */
export function participantGrant(roomName: string, canPublish = true, mayShare = false): VideoGrant {
  return {
    room: roomName,
    roomJoin: true,
    canPublish,
    canPublishSources: publishSources(mayShare),
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
  token.addGrant(participantGrant(input.roomName, input.canPublish ?? true, input.mayShare ?? false));
  return token.toJwt();
}
