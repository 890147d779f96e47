import '@livekit/components-styles';
import './call.css';
import type { JoinResponse } from '@assent/shared';
import { LiveKitRoom, RoomAudioRenderer, StartAudio } from '@livekit/components-react';
import { DisconnectReason, MediaDeviceFailure, Room } from 'livekit-client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChatPanel } from '../chat/ChatPanel';
import { config } from '../config';
import { DeviceProblemAlert } from '../devices/DeviceProblemAlert';
import type { DeviceChoices, DeviceProblem } from '../devices/device-choices';
import { classifyDeviceError } from '../devices/media-failure';
import { useAssentStore } from '../store';
import { AskAgainNotice } from './AskAgainNotice';
import { CallControls } from './CallControls';
import { CallStage } from './CallStage';
import { CommandFailure } from './CommandFailure';
import { ConnectionNotice } from './ConnectionNotice';
import { ConsentDialog } from './ConsentDialog';
import { CallDisconnected } from './call-ended';
import { type CallSession, CallSessionContext } from './call-session';
import { createConsentCommands } from './consent-commands';
import { RecordingActions } from './RecordingActions';
import { RecordingAnnouncement } from './RecordingAnnouncement';
import { RecordingBanner } from './RecordingBanner';
import { RoomControls } from './RoomControls';
import { usePublishHold } from './usePublishHold';
import { useRoomEvents } from './useRoomEvents';
import { voiceProcessing } from './voice-processing';
import { WithdrawalNotice } from './WithdrawalNotice';

interface CallRoomProps {
  inviteToken: string;
  join: JoinResponse;
  /** A request this person consented to on the join page, if the server wanted them in the call first. */
  consentOnArrival: string | undefined;
  choices: DeviceChoices;
  onLeft: () => void;
  /** The call could not be reached, or the connection was lost for good. */
  onConnectionFailed: (error: Error) => void;
}

/** One Room for the life of this component: connect, show the call, report how it ended. */
export function CallRoom({
  inviteToken,
  join,
  consentOnArrival,
  choices,
  onLeft,
  onConnectionFailed,
}: CallRoomProps) {
  const [room] = useState(
    () =>
      new Room({
        adaptiveStream: true,
        dynacast: true,
        videoCaptureDefaults: { deviceId: choices.videoDeviceId, resolution: config.videoCapture },
        audioCaptureDefaults: { deviceId: choices.audioDeviceId, ...voiceProcessing },
      }),
  );
  const [deviceProblem, setDeviceProblem] = useState<DeviceProblem | null>(null);
  const leaving = useRef(false);
  const [commands] = useState(() => createConsentCommands(inviteToken, room));
  const { preview } = join;
  const session = useMemo<CallSession>(
    () => ({
      inviteToken,
      personId: preview.personId,
      role: preview.role,
      consentScope: { consentsFor: preview.consentsFor, needsGuardian: preview.needsGuardian },
      runsBoard: join.runsBoard === true,
      commands,
    }),
    [inviteToken, preview, commands, join.runsBoard],
  );

  useEffect(() => {
    if (consentOnArrival) commands.consentOnArrival(consentOnArrival);
  }, [commands, consentOnArrival]);
  useEffect(() => commands.start(), [commands]);

  usePublishHold(room, choices, join.canPublish);
  const publishHeld = useAssentStore((s) => s.publishHeld);

  const onDeviceError = useCallback((error: Error) => setDeviceProblem(classifyDeviceError(error)), []);

  useRoomEvents(room, {
    onConnected: () => void commands.refreshState(),
    onDisconnected: (reason) => {
      if (leaving.current) onLeft();
      // A client-side disconnect we did not ask for is an unmount (or React's dev double mount).
      else if (reason !== DisconnectReason.CLIENT_INITIATED) {
        onConnectionFailed(new CallDisconnected(reason));
      }
    },
    onMediaDevicesError: onDeviceError,
  });

  // Must keep its identity: LiveKitRoom reconnects when its onError changes.
  const onError = useCallback(
    (error: Error) => {
      // Publishing a denied camera also lands here; that is a device problem, not a connection one.
      if (MediaDeviceFailure.getFailure(error)) setDeviceProblem(classifyDeviceError(error));
      else onConnectionFailed(error);
    },
    [onConnectionFailed],
  );

  return (
    <CallSessionContext value={session}>
      <LiveKitRoom
        room={room}
        serverUrl={join.livekitUrl}
        token={join.token}
        connect
        // Only what may be published now; usePublishHold turns them on once allowed.
        audio={choices.audioEnabled && join.canPublish}
        video={choices.videoEnabled && join.canPublish}
        onError={onError}
        className="call"
        data-lk-theme="default"
      >
        <header className="call__top">
          <RecordingBanner />
          <h1 className="call__title">{join.preview.sessionTitle}</h1>
          {join.preview.talkTimeNotice !== undefined && (
            <p className="call__talk-time" title={join.preview.talkTimeNotice}>
              Talk time measured
            </p>
          )}
          <RecordingActions />
        </header>
        <RecordingAnnouncement />
        <WithdrawalNotice />
        <RoomControls />
        <AskAgainNotice />
        <CommandFailure />
        {publishHeld && (
          <div className="call__notice" role="note">
            Your camera and microphone stay off until you consent or the recording stops.
          </div>
        )}
        <ConnectionNotice />
        {deviceProblem && (
          <div className="call__notice call__notice--panel">
            <DeviceProblemAlert
              problem={deviceProblem}
              actions={
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setDeviceProblem(null)}
                >
                  Dismiss
                </button>
              }
            />
          </div>
        )}
        <main className="call__main">
          <CallStage />
          <ChatPanel />
          <ConsentDialog />
        </main>
        <CallControls
          onLeave={() => {
            leaving.current = true;
          }}
          onDeviceError={onDeviceError}
        />
        <RoomAudioRenderer />
        <StartAudio label="Allow audio" className="lk-button call__start-audio" />
      </LiveKitRoom>
    </CallSessionContext>
  );
}
