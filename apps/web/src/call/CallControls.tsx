import { TrackToggle, useRoomContext } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { WhiteboardControls } from '../board/WhiteboardControls';
import { ChatButton } from '../chat/ChatButton';
import { useAssentStore } from '../store';
import './call-bar.css';
import { LayoutToggle } from './LayoutToggle';
import { MoreControls } from './MoreControls';
import { MutedHint } from './MutedHint';
import { RaiseHand } from './RaiseHand';
import { ReportConcernButton } from './ReportConcernButton';
import { ShareScreenButton } from './ShareScreenButton';
import { WithdrawConsentButton } from './WithdrawConsentButton';

interface CallControlsProps {
  /** Called before disconnecting, so the page can tell leaving apart from a dropped connection. */
  onLeave: () => void;
  onDeviceError: (error: Error) => void;
}

export function CallControls({ onLeave, onDeviceError }: CallControlsProps) {
  const room = useRoomContext();
  // While a withdrawal is unconfirmed (or refused) own media stays off: rule 8. While the server does not
  // let this person publish (rule 5), turning a device on could only fail: the toggles wait.
  const mediaHeld = useAssentStore(
    (s) => s.withdrawal.kind === 'media-off' || s.withdrawal.kind === 'refused' || s.publishHeld,
  );
  return (
    <nav className="call__controls" aria-label="Call controls">
      {/* First, in words: on a phone the bar wraps after it and the icons, never hiding it in a third row. */}
      <WithdrawConsentButton />
      <span className="mic-control">
        <TrackToggle source={Track.Source.Microphone} onDeviceError={onDeviceError} disabled={mediaHeld}>
          <span className="control-label">Microphone</span>
        </TrackToggle>
        <MutedHint />
      </span>
      <TrackToggle source={Track.Source.Camera} onDeviceError={onDeviceError} disabled={mediaHeld}>
        <span className="control-label">Camera</span>
      </TrackToggle>
      <ChatButton />
      <ShareScreenButton onDeviceError={onDeviceError} />
      <WhiteboardControls />
      <ReportConcernButton />
      <MoreControls>
        <RaiseHand />
        <LayoutToggle />
      </MoreControls>
      <button
        type="button"
        className="lk-button lk-disconnect-button"
        onClick={() => {
          onLeave();
          void room.disconnect();
        }}
      >
        Leave
      </button>
    </nav>
  );
}
