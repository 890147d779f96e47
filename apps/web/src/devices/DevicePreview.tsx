import '@livekit/components-styles';
import { MediaDeviceMenu, TrackToggle, usePreviewTracks } from '@livekit/components-react';
import { type LocalAudioTrack, type LocalVideoTrack, Track } from 'livekit-client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { config } from '../config';
import { DeviceProblemAlert } from './DeviceProblemAlert';
import type { DeviceChoices, DeviceProblem } from './device-choices';
import { classifyDeviceError } from './media-failure';

interface DevicePreviewProps {
  choices: DeviceChoices;
  onChange: (patch: Partial<DeviceChoices>) => void;
}

/** Camera preview with microphone and camera toggles and device pickers, before entering the call. */
export default function DevicePreview({ choices, onChange }: DevicePreviewProps) {
  const [problem, setProblem] = useState<DeviceProblem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { audioEnabled, videoEnabled } = choices;

  // Picking a device switches the live preview track (MediaDeviceMenu's `tracks`); the ids are read only
  // when a track is (re)created, so a pick does not restart both tracks.
  const deviceIds = useRef(choices);
  deviceIds.current = choices;
  // Try again works because a failure turns both off and retrying turns them back on: new options.
  const options = useMemo(
    () => ({
      audio: audioEnabled ? { deviceId: deviceIds.current.audioDeviceId } : false,
      video: videoEnabled
        ? { deviceId: deviceIds.current.videoDeviceId, resolution: config.videoCapture }
        : false,
    }),
    [audioEnabled, videoEnabled],
  );
  const onError = useCallback(
    (error: Error) => {
      setProblem(classifyDeviceError(error));
      // Join without devices rather than failing again inside the call.
      onChange({ audioEnabled: false, videoEnabled: false });
    },
    [onChange],
  );
  const tracks = usePreviewTracks(options, onError);
  const videoTrack = tracks?.find((t): t is LocalVideoTrack => t.kind === Track.Kind.Video);
  const audioTrack = tracks?.find((t): t is LocalAudioTrack => t.kind === Track.Kind.Audio);

  const videoEl = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (!videoEl.current || !videoTrack) return;
    videoTrack.attach(videoEl.current);
    return () => {
      videoTrack.detach();
    };
  }, [videoTrack]);

  useEffect(() => {
    if (tracks && tracks.length > 0) setProblem(null);
  }, [tracks]);

  const retry = () => {
    setProblem(null);
    onChange({ audioEnabled: true, videoEnabled: true });
    setAttempt((n) => n + 1);
  };

  return (
    <section className="preview" aria-label="Your camera and microphone">
      <div className="preview__stage">
        <video
          ref={videoEl}
          className="preview__video"
          aria-label="Camera preview"
          muted
          playsInline
          autoPlay
        />
        {!(videoEnabled && videoTrack) && (
          <p className="preview__off">{videoEnabled ? 'Starting camera…' : 'Camera is off'}</p>
        )}
      </div>
      {problem ? (
        <DeviceProblemAlert
          problem={problem}
          actions={
            <button type="button" className="button button--secondary" onClick={retry}>
              Try again
            </button>
          }
        />
      ) : (
        // key: TrackToggle only reads initialState on mount.
        <div className="preview__controls" key={attempt} data-lk-theme="default">
          <div className="lk-button-group">
            <TrackToggle
              source={Track.Source.Microphone}
              initialState={audioEnabled}
              onChange={(enabled) => onChange({ audioEnabled: enabled })}
            >
              Microphone
            </TrackToggle>
            <div className="lk-button-group-menu">
              <MediaDeviceMenu
                kind="audioinput"
                aria-label="Choose microphone"
                initialSelection={choices.audioDeviceId}
                disabled={!audioTrack}
                tracks={{ audioinput: audioTrack }}
                onActiveDeviceChange={(_kind, id) => onChange({ audioDeviceId: id })}
              />
            </div>
          </div>
          <div className="lk-button-group">
            <TrackToggle
              source={Track.Source.Camera}
              initialState={videoEnabled}
              onChange={(enabled) => onChange({ videoEnabled: enabled })}
            >
              Camera
            </TrackToggle>
            <div className="lk-button-group-menu">
              <MediaDeviceMenu
                kind="videoinput"
                aria-label="Choose camera"
                initialSelection={choices.videoDeviceId}
                disabled={!videoTrack}
                tracks={{ videoinput: videoTrack }}
                onActiveDeviceChange={(_kind, id) => onChange({ videoDeviceId: id })}
              />
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
