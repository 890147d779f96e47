/**
 * The talk-time observer's place in LiveKit: a hidden participant that may subscribe (speaker updates
 * reach a participant only for tracks it is subscribed to) and nothing else. Its identity carries a fixed
 * prefix so every part of the server can recognise it and leave it out of presence, consent and counts.
 * SECURITY: no publishing, no data, no recorder, admin or create grant; hidden, so browsers never see it.
 */
import { AccessToken, type VideoGrant } from 'livekit-server-sdk';
import type { LiveKitCredentials } from './tokens';

export const talkObserverPrefix = 'assent-talk-observer-';

export const isTalkObserverIdentity = (identity: string | undefined | null): boolean =>
  typeof identity === 'string' && identity.startsWith(talkObserverPrefix);

export const talkObserverIdentity = (sessionId: string) => `${talkObserverPrefix}${sessionId}`;

export function talkObserverGrant(roomName: string): VideoGrant {
  return {
    room: roomName,
    roomJoin: true,
    hidden: true,
    canPublish: false,
    canPublishData: false,
    canSubscribe: true,
    canUpdateOwnMetadata: false,
  };
}

export async function mintTalkObserverToken(
  credentials: LiveKitCredentials,
  roomName: string,
  identity: string,
): Promise<string> {
  const token = new AccessToken(credentials.apiKey, credentials.apiSecret, {
    identity,
    name: 'Talk time',
    ttl: 10 * 60,
  });
  token.addGrant(talkObserverGrant(roomName));
  return token.toJwt();
}
