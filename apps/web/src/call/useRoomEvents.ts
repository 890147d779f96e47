import { ConnectionState, type DisconnectReason, type Room, RoomEvent } from 'livekit-client';
import { useEffect, useRef } from 'react';
import { useAssentStore } from '../store';
import type { CallConnection } from '../store/call-slice';

interface RoomEventHandlers {
  onDisconnected: (reason: DisconnectReason | undefined) => void;
  onMediaDevicesError: (error: Error) => void;
}

const connectionOf: Record<ConnectionState, CallConnection> = {
  [ConnectionState.Connecting]: 'connecting',
  [ConnectionState.Connected]: 'connected',
  [ConnectionState.Reconnecting]: 'reconnecting',
  [ConnectionState.SignalReconnecting]: 'reconnecting',
  [ConnectionState.Disconnected]: 'disconnected',
};

/** Every room event subscription of the call page, in one effect, pushing room state into the store. */
export function useRoomEvents(room: Room, handlers: RoomEventHandlers): void {
  // Handlers change identity every render; the subscriptions should not.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const { setConnection, setRoomMetadata, resetCall } = useAssentStore.getState();
    resetCall();
    setConnection(connectionOf[room.state]);

    const onConnectionStateChanged = (state: ConnectionState) => setConnection(connectionOf[state]);
    const onRoomMetadataChanged = (metadata: string) => setRoomMetadata(metadata);
    const onConnected = () => setRoomMetadata(room.metadata);
    const onDisconnected = (reason?: DisconnectReason) => latest.current.onDisconnected(reason);
    const onMediaDevicesError = (error: Error) => latest.current.onMediaDevicesError(error);

    room
      .on(RoomEvent.ConnectionStateChanged, onConnectionStateChanged)
      .on(RoomEvent.RoomMetadataChanged, onRoomMetadataChanged)
      .on(RoomEvent.Connected, onConnected)
      .on(RoomEvent.Disconnected, onDisconnected)
      .on(RoomEvent.MediaDevicesError, onMediaDevicesError);
    return () => {
      room
        .off(RoomEvent.ConnectionStateChanged, onConnectionStateChanged)
        .off(RoomEvent.RoomMetadataChanged, onRoomMetadataChanged)
        .off(RoomEvent.Connected, onConnected)
        .off(RoomEvent.Disconnected, onDisconnected)
        .off(RoomEvent.MediaDevicesError, onMediaDevicesError);
    };
  }, [room]);
}
