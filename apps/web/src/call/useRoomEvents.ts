import {
  ConnectionState,
  type DisconnectReason,
  type RemoteParticipant,
  type Room,
  RoomEvent,
} from 'livekit-client';
import { useEffect, useRef } from 'react';
import { useAssentStore } from '../store';
import type { CallConnection } from '../store/call-slice';
import { ownDecisionFrom } from './own-decision';

interface RoomEventHandlers {
  onConnected: () => void;
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

// The zod schema for room metadata comes in its own chunk, fetched while the call connects.
const loadRoomStateParser = () => import('./room-state-schema').then((m) => m.parseLiveRecordingState);

/** Every room event subscription of the call page, in one effect, pushing room state into the store. */
export function useRoomEvents(room: Room, handlers: RoomEventHandlers): void {
  // Handlers change identity every render; the subscriptions should not.
  const latest = useRef(handlers);
  latest.current = handlers;

  useEffect(() => {
    const { setConnection, resetCall, resetConsent, receiveRecordingState, receiveDecision } =
      useAssentStore.getState();
    resetCall();
    resetConsent();
    setConnection(connectionOf[room.state]);
    let disposed = false;

    // Every metadata update is parsed in arrival order: each waits on the same loaded parser.
    const parser = loadRoomStateParser();
    const applyMetadata = (metadata: string | undefined) => {
      void parser.then((parse) => {
        const state = parse(metadata);
        if (state && !disposed) receiveRecordingState(state);
      });
    };
    // This person's own decision, sent to them alone by the server (see own-decision.ts).
    const onDataReceived = (
      payload: Uint8Array,
      participant: RemoteParticipant | undefined,
      _kind: unknown,
      topic: string | undefined,
    ) => {
      const own = ownDecisionFrom(payload, participant, topic);
      if (own) receiveDecision(own.requestId, own.decision);
    };

    const onConnectionStateChanged = (state: ConnectionState) => setConnection(connectionOf[state]);
    const onRoomMetadataChanged = (metadata: string) => applyMetadata(metadata);
    // Messages sent while disconnected are lost: onConnected fetches this person's decision afresh.
    // A reconnect LiveKit could not resume comes back as a new participant session (a new sid): a new
    // presence, in which this person has not answered yet.
    let session = room.localParticipant.sid;
    const onConnected = () => {
      const sid = room.localParticipant.sid;
      if (session && sid && sid !== session) useAssentStore.getState().forgetDecisions();
      session = sid;
      applyMetadata(room.metadata);
      latest.current.onConnected();
    };
    // A mount that finds the room already connected (React's dev double mount) starts from its state.
    if (room.state === ConnectionState.Connected) applyMetadata(room.metadata);
    const onDisconnected = (reason?: DisconnectReason) => latest.current.onDisconnected(reason);
    const onMediaDevicesError = (error: Error) => latest.current.onMediaDevicesError(error);

    room
      .on(RoomEvent.ConnectionStateChanged, onConnectionStateChanged)
      .on(RoomEvent.RoomMetadataChanged, onRoomMetadataChanged)
      .on(RoomEvent.DataReceived, onDataReceived)
      .on(RoomEvent.Connected, onConnected)
      .on(RoomEvent.Reconnected, onConnected)
      .on(RoomEvent.Disconnected, onDisconnected)
      .on(RoomEvent.MediaDevicesError, onMediaDevicesError);
    return () => {
      disposed = true;
      room
        .off(RoomEvent.ConnectionStateChanged, onConnectionStateChanged)
        .off(RoomEvent.RoomMetadataChanged, onRoomMetadataChanged)
        .off(RoomEvent.DataReceived, onDataReceived)
        .off(RoomEvent.Connected, onConnected)
        .off(RoomEvent.Reconnected, onConnected)
        .off(RoomEvent.Disconnected, onDisconnected)
        .off(RoomEvent.MediaDevicesError, onMediaDevicesError);
    };
  }, [room]);
}
