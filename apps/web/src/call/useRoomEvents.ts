import { ParticipantAttribute } from '@assent/shared';
import {
  ConnectionState,
  type DisconnectReason,
  type Participant,
  type Room,
  RoomEvent,
} from 'livekit-client';
import { useEffect, useRef } from 'react';
import { useAssentStore } from '../store';
import type { CallConnection } from '../store/call-slice';
import type { ConsentDecisionValue } from '../store/consent-slice';

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

const decisions = new Set<string>(['pending', 'consented', 'declined', 'withdrawn']);

/** This person's decision as the server wrote it into their participant attributes. */
function decisionFrom(
  attributes: Readonly<Record<string, string>>,
): { requestId: string; decision: ConsentDecisionValue } | undefined {
  const decision = attributes[ParticipantAttribute.consent];
  const requestId = attributes[ParticipantAttribute.consentRequest];
  if (!requestId || !decision || !decisions.has(decision)) return undefined;
  return { requestId, decision: decision as ConsentDecisionValue };
}

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
    const applyOwnAttributes = () => {
      const own = decisionFrom(room.localParticipant.attributes);
      if (own) receiveDecision(own.requestId, own.decision);
    };

    const onConnectionStateChanged = (state: ConnectionState) => setConnection(connectionOf[state]);
    const onRoomMetadataChanged = (metadata: string) => applyMetadata(metadata);
    const onParticipantAttributesChanged = (_changed: Record<string, string>, participant: Participant) => {
      if (participant.identity === room.localParticipant.identity) applyOwnAttributes();
    };
    const onConnected = () => {
      applyMetadata(room.metadata);
      applyOwnAttributes();
      latest.current.onConnected();
    };
    // A mount that finds the room already connected (React's dev double mount) starts from its state.
    if (room.state === ConnectionState.Connected) {
      applyMetadata(room.metadata);
      applyOwnAttributes();
    }
    const onDisconnected = (reason?: DisconnectReason) => latest.current.onDisconnected(reason);
    const onMediaDevicesError = (error: Error) => latest.current.onMediaDevicesError(error);

    room
      .on(RoomEvent.ConnectionStateChanged, onConnectionStateChanged)
      .on(RoomEvent.RoomMetadataChanged, onRoomMetadataChanged)
      .on(RoomEvent.ParticipantAttributesChanged, onParticipantAttributesChanged)
      .on(RoomEvent.Connected, onConnected)
      .on(RoomEvent.Reconnected, onConnected)
      .on(RoomEvent.Disconnected, onDisconnected)
      .on(RoomEvent.MediaDevicesError, onMediaDevicesError);
    return () => {
      disposed = true;
      room
        .off(RoomEvent.ConnectionStateChanged, onConnectionStateChanged)
        .off(RoomEvent.RoomMetadataChanged, onRoomMetadataChanged)
        .off(RoomEvent.ParticipantAttributesChanged, onParticipantAttributesChanged)
        .off(RoomEvent.Connected, onConnected)
        .off(RoomEvent.Reconnected, onConnected)
        .off(RoomEvent.Disconnected, onDisconnected)
        .off(RoomEvent.MediaDevicesError, onMediaDevicesError);
    };
  }, [room]);
}
