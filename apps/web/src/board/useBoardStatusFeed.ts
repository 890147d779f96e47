import { type RemoteParticipant, type Room, RoomEvent } from 'livekit-client';
import { useEffect } from 'react';
import { boardPacketFrom, boardStatusFromMetadata } from './board-packet';
import { useBoardStatus } from './board-store';

/** Follows whether the board is open and locked: the room metadata the server writes, and its status packets. */
export function useBoardStatusFeed(room: Room): void {
  useEffect(() => {
    const { set } = useBoardStatus.getState();
    set({ open: false, locked: false });
    const fromMetadata = (metadata: string | undefined) => {
      const status = boardStatusFromMetadata(metadata);
      if (status) set(status);
    };
    const onData = (
      payload: Uint8Array,
      participant: RemoteParticipant | undefined,
      _kind: unknown,
      topic: string | undefined,
    ) => {
      const packet = boardPacketFrom(payload, participant, topic);
      if (packet?.type === 'status') set({ open: packet.open, locked: packet.locked });
    };
    const onConnected = () => fromMetadata(room.metadata);
    fromMetadata(room.metadata);
    room
      .on(RoomEvent.RoomMetadataChanged, fromMetadata)
      .on(RoomEvent.DataReceived, onData)
      .on(RoomEvent.Connected, onConnected)
      .on(RoomEvent.Reconnected, onConnected);
    return () => {
      room
        .off(RoomEvent.RoomMetadataChanged, fromMetadata)
        .off(RoomEvent.DataReceived, onData)
        .off(RoomEvent.Connected, onConnected)
        .off(RoomEvent.Reconnected, onConnected);
    };
  }, [room]);
}
