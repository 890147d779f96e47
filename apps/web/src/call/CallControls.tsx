import { TrackToggle, useRoomContext } from '@livekit/components-react';
import { Track } from 'livekit-client';

interface CallControlsProps {
  /** Called before disconnecting, so the page can tell leaving apart from a dropped connection. */
  onLeave: () => void;
  onDeviceError: (error: Error) => void;
}

export function CallControls({ onLeave, onDeviceError }: CallControlsProps) {
  const room = useRoomContext();
  return (
    <nav className="call__controls" aria-label="Call controls">
      <TrackToggle source={Track.Source.Microphone} onDeviceError={onDeviceError}>
        <span className="control-label">Microphone</span>
      </TrackToggle>
      <TrackToggle source={Track.Source.Camera} onDeviceError={onDeviceError}>
        <span className="control-label">Camera</span>
      </TrackToggle>
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
