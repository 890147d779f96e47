import { DataPacket_Kind, RoomServiceClient } from 'livekit-server-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRoomService } from './room-service';
import { participantGrant } from './tokens';

const credentials = { apiKey: 'APItest', apiSecret: 'a-secret-of-at-least-thirty-two-chars' };

afterEach(() => vi.restoreAllMocks());

describe('room service', () => {
  it('changes only canPublish: every other permission is what the join token grants', async () => {
    const update = vi.spyOn(RoomServiceClient.prototype, 'updateParticipant').mockResolvedValue({} as never);
    const rooms = createRoomService('http://127.0.0.1:7880', credentials);
    await rooms.setCanPublish('room_1', 'p_1', true);
    await rooms.setCanPublish('room_1', 'p_1', false);

    const grant = participantGrant('room_1');
    expect(update.mock.calls.map((call) => call.slice(0, 2))).toEqual([
      ['room_1', 'p_1'],
      ['room_1', 'p_1'],
    ]);
    const options = update.mock.calls.map((call) => call[2] as unknown as Record<string, unknown>);
    // Nothing but the permission travels: no attributes, metadata or name.
    expect(options.map((o) => Object.keys(o))).toEqual([['permission'], ['permission']]);
    expect(options.map((o) => o.permission)).toEqual(
      [true, false].map((canPublish) => ({
        canPublish,
        canSubscribe: grant.canSubscribe,
        canPublishData: grant.canPublishData,
        canUpdateMetadata: grant.canUpdateOwnMetadata,
      })),
    );
    // SECURITY: toEqual above is exact: no recorder, hidden or admin flag is ever set this way.
  });

  it('sends a private message to its one recipient, reliably, on its topic', async () => {
    const send = vi.spyOn(RoomServiceClient.prototype, 'sendData').mockResolvedValue(undefined);
    const rooms = createRoomService('http://127.0.0.1:7880', credentials);
    await rooms.sendPrivately('room_1', 'p_1', 'assent.my_consent', '{"x":1}');
    expect(send).toHaveBeenCalledWith(
      'room_1',
      new TextEncoder().encode('{"x":1}'),
      DataPacket_Kind.RELIABLE,
      {
        destinationIdentities: ['p_1'],
        topic: 'assent.my_consent',
      },
    );
    // LiveKit would deliver a message without a recipient to everyone in the room.
    await expect(rooms.sendPrivately('room_1', '', 'assent.my_consent', '{}')).rejects.toThrow();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('sends a room-wide message reliably on its topic, to no one in particular', async () => {
    const send = vi.spyOn(RoomServiceClient.prototype, 'sendData').mockResolvedValue(undefined);
    const rooms = createRoomService('http://127.0.0.1:7880', credentials);
    await rooms.sendToRoom('room_1', 'chat', '{"x":1}');
    expect(send).toHaveBeenCalledWith(
      'room_1',
      new TextEncoder().encode('{"x":1}'),
      DataPacket_Kind.RELIABLE,
      {
        topic: 'chat',
      },
    );
  });
});
