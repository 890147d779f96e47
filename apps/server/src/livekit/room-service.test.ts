import {
  DataPacket_Kind,
  ParticipantInfo,
  ParticipantPermission,
  RoomServiceClient,
  TrackSource,
} from 'livekit-server-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRoomService } from './room-service';
import { participantGrant } from './tokens';

const credentials = { apiKey: 'APItest', apiSecret: 'a-secret-of-at-least-thirty-two-chars' };

afterEach(() => vi.restoreAllMocks());

describe('room service', () => {
  it('changes only canPublish: every other permission is what the join token grants', async () => {
    const update = vi.spyOn(RoomServiceClient.prototype, 'updateParticipant').mockResolvedValue({} as never);
    listed(false, [TrackSource.CAMERA, TrackSource.MICROPHONE]);
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
        canPublishSources: grant.canPublishSources,
        canSubscribe: grant.canSubscribe,
        canPublishData: grant.canPublishData,
        canUpdateMetadata: grant.canUpdateOwnMetadata,
      })),
    );
    // SECURITY: toEqual above is exact: no recorder, hidden or admin flag is ever set this way.
  });

  it('keeps a sharer sharing across a consent change, and never turns sharing on by one', async () => {
    const update = vi.spyOn(RoomServiceClient.prototype, 'updateParticipant').mockResolvedValue({} as never);
    const rooms = createRoomService('http://127.0.0.1:7880', credentials);
    const sourcesSent = () => permissionSent(update.mock.lastCall);

    listed(false, [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE]);
    await rooms.setCanPublish('room_1', 'tutor', true);
    expect(sourcesSent().canPublishSources).toEqual(participantGrant('room_1', true, true).canPublishSources);

    // LiveKit reads an empty list as every source: a student whose token named none must not gain sharing.
    listed(false, [TrackSource.CAMERA, TrackSource.MICROPHONE]);
    await rooms.setCanPublish('room_1', 'student', true);
    expect(sourcesSent().canPublishSources).toEqual([TrackSource.CAMERA, TrackSource.MICROPHONE]);
  });

  it('lets someone share, or stops them, without touching whether they may publish', async () => {
    const update = vi.spyOn(RoomServiceClient.prototype, 'updateParticipant').mockResolvedValue({} as never);
    const rooms = createRoomService('http://127.0.0.1:7880', credentials);
    const sent = () => permissionSent(update.mock.lastCall);

    listed(false, [TrackSource.CAMERA, TrackSource.MICROPHONE]);
    await rooms.setMayShare('room_1', 'held', true);
    expect(sent()).toMatchObject({ canPublish: false, canPublishData: false });
    expect(sent().canPublishSources).toContain(TrackSource.SCREEN_SHARE);

    listed(true, [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE]);
    await rooms.setMayShare('room_1', 'sharer', false);
    expect(sent()).toMatchObject({
      canPublish: true,
      canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE],
    });
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

/** What LiveKit answers about the participant before a permission change. */
function listed(canPublish: boolean, canPublishSources: TrackSource[]) {
  vi.spyOn(RoomServiceClient.prototype, 'getParticipant').mockResolvedValue(
    new ParticipantInfo({
      identity: 'p',
      permission: new ParticipantPermission({ canPublish, canPublishSources }),
    }),
  );
}

function permissionSent(call: readonly unknown[] | undefined): ParticipantPermission {
  if (!call) throw new Error('no permission was sent');
  return (call[2] as { permission: ParticipantPermission }).permission;
}
