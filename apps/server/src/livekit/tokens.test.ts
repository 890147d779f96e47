import { TokenVerifier } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { mintParticipantToken } from './tokens';

const credentials = { apiKey: 'APItest', apiSecret: 'a-secret-of-at-least-thirty-two-chars' };
const person = {
  roomName: 'room_1',
  identity: 'p_1',
  name: 'Ada',
  role: 'tutor' as const,
  personId: 'per_1',
};

async function grantOf(input: Partial<Parameters<typeof mintParticipantToken>[1]>) {
  const jwt = await mintParticipantToken(credentials, { ...person, ...input });
  const claims = await new TokenVerifier(credentials.apiKey, credentials.apiSecret).verify(jwt);
  return claims.video ?? {};
}

describe('participant tokens', () => {
  it('names camera and microphone only, unless the seat may share', async () => {
    expect((await grantOf({ role: 'student' })).canPublishSources).toEqual(['camera', 'microphone']);
    expect((await grantOf({ mayShare: true })).canPublishSources).toEqual([
      'camera',
      'microphone',
      'screen_share',
      'screen_share_audio',
    ]);
  });

  it('never grants data publishing, recording or administration, sharing or not', async () => {
    for (const mayShare of [false, true]) {
      const grant = await grantOf({ mayShare });
      expect(grant).toMatchObject({ canPublishData: false, canUpdateOwnMetadata: false });
      expect(grant.roomRecord ?? false).toBe(false);
      expect(grant.roomAdmin ?? false).toBe(false);
      expect(grant.roomCreate ?? false).toBe(false);
    }
  });

  it('holds back publishing of every source while a recording waits for this person', async () => {
    const grant = await grantOf({ canPublish: false, mayShare: true });
    expect(grant.canPublish).toBe(false);
  });
});
