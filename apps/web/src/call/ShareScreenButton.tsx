import './share-screen.css';
import {
  ScreenShareIcon,
  ScreenShareStopIcon,
  useLocalParticipantPermissions,
  useTrackToggle,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useAssentStore } from '../store';

const screenShareSource = Track.sourceToProto(Track.Source.ScreenShare);

/**
 * "Share screen" for whoever LiveKit lets share (the tutor's seat, a student the tutor lets); "Stop
 * sharing" for the sharer, always, even while their other media is held. Tab audio where offered.
 */
export function ShareScreenButton({ onDeviceError }: { onDeviceError: (error: Error) => void }) {
  const permissions = useLocalParticipantPermissions();
  const mediaHeld = useAssentStore(
    (s) => s.withdrawal.kind === 'media-off' || s.withdrawal.kind === 'refused' || s.publishHeld,
  );
  const { buttonProps, enabled, pending } = useTrackToggle({
    source: Track.Source.ScreenShare,
    captureOptions: { audio: true, selfBrowserSurface: 'exclude', surfaceSwitching: 'include' },
    onDeviceError,
  });
  const mayShare =
    permissions?.canPublish === true &&
    (permissions.canPublishSources.length === 0 || permissions.canPublishSources.includes(screenShareSource));
  if (!enabled && !mayShare) return null;
  // The words say the state ("Share screen" / "Stop sharing"), so the button is not also a pressed toggle.
  const { 'aria-pressed': _pressed, ...props } = buttonProps;
  return (
    <button
      {...props}
      type="button"
      disabled={pending || (!enabled && mediaHeld)}
      className={`${props.className ?? ''} share-screen`}
    >
      {enabled ? <ScreenShareStopIcon aria-hidden="true" /> : <ScreenShareIcon aria-hidden="true" />}
      <span className="control-label">{enabled ? 'Stop sharing' : 'Share screen'}</span>
    </button>
  );
}
