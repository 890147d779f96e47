import type { PlaybackGrant } from '@assent/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { requestPlayback } from '../api/recordings';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';

type Playback =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'granted'; grant: PlaybackGrant }
  | { kind: 'refused'; error: unknown }
  | { kind: 'media-failed' };

/** A request to play from a moment (a transcript line); `n` tells two requests for one moment apart. */
export interface SeekRequest {
  at: number;
  n: number;
}

/**
 * "Play recording" asks the server for one audited view, then plays its media URL in the browser's own
 * video element (the server answers its range requests, so seeking works) under a "Viewed by" overlay.
 * A `seek` plays from that moment, asking for the view first when there is none yet.
 */
export function RecordingPlayer({
  recordingId,
  sessionTitle,
  seek = null,
}: {
  recordingId: string;
  sessionTitle: string;
  seek?: SeekRequest | null;
}) {
  const [playback, setPlayback] = useState<Playback>({ kind: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const play = () => {
    if (playback.kind === 'asking') return;
    setPlayback({ kind: 'asking' });
    requestPlayback(recordingId).then(
      (grant) => mounted.current && setPlayback({ kind: 'granted', grant }),
      (error: unknown) => mounted.current && setPlayback({ kind: 'refused', error }),
    );
  };

  // A line chosen before there is a view: ask for one (it is audited like any), then play from there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new seek request asks.
  useEffect(() => {
    if (seek && playback.kind !== 'granted') play();
  }, [seek]);

  if (playback.kind === 'granted') {
    return (
      <WatchedVideo
        grant={playback.grant}
        sessionTitle={sessionTitle}
        seek={seek}
        onFailed={() => setPlayback({ kind: 'media-failed' })}
      />
    );
  }
  return (
    <div className="recording-player">
      {playback.kind === 'refused' && <PlaybackRefused error={playback.error} />}
      {playback.kind === 'media-failed' && (
        <ErrorAlert title="The recording stopped playing">
          <p>The viewing may have expired. Play it again to start a new view.</p>
        </ErrorAlert>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          onClick={play}
          disabled={playback.kind === 'asking'}
          aria-busy={playback.kind === 'asking'}
        >
          Play recording
        </button>
      </div>
      <p className="muted recording-player__note">
        Each viewing is recorded in the organisation’s audit log with your name.
      </p>
    </div>
  );
}

interface WatchedVideoProps {
  grant: PlaybackGrant;
  sessionTitle: string;
  seek: SeekRequest | null;
  onFailed: () => void;
}

function WatchedVideo({ grant, sessionTitle, seek, onFailed }: WatchedVideoProps) {
  const overlayId = useId();
  const frame = useRef<HTMLDivElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  // Seeks once the video knows its length (at once when it already does).
  const seekTo = (request: SeekRequest | null) => {
    const element = video.current;
    if (!request || !element || element.readyState < 1) return;
    element.currentTime = request.at;
    void element.play()?.catch(() => undefined);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new request seeks; the element is a ref.
  useEffect(() => seekTo(seek), [seek]);
  // The overlay is a sibling of the video, so full screen is offered on the frame holding both.
  const canFullScreen = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  return (
    <div className="recording-player">
      <div className="recording-player__frame" ref={frame}>
        {/* SECURITY: the overlay deters passing a screen capture on; it cannot stop one. The video's own
            full-screen and picture-in-picture would show the picture without it, so they are turned off. */}
        {/* biome-ignore lint/a11y/useMediaCaption: recordings have no transcript to caption them from yet. */}
        <video
          ref={video}
          className="recording-player__video"
          src={grant.mediaUrl}
          controls
          autoPlay
          playsInline
          preload="metadata"
          controlsList="nodownload nofullscreen noremoteplayback"
          disablePictureInPicture
          aria-label={`Recording of ${sessionTitle}`}
          aria-describedby={overlayId}
          onError={onFailed}
          onLoadedMetadata={() => seekTo(seek)}
        />
        <p className="recording-player__overlay" id={overlayId}>
          Viewed by {grant.viewerName}, {formatDateTime(grant.viewedAt)}
        </p>
      </div>
      {canFullScreen && (
        <div className="actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void frame.current?.requestFullscreen().catch(() => undefined)}
          >
            Full screen
          </button>
        </div>
      )}
    </div>
  );
}

/** The server's own words for why it refused (the playback window closed, ...), under a heading. */
function PlaybackRefused({ error }: { error: unknown }) {
  const status = error instanceof ApiError ? error.status : 0;
  const title =
    status === 403
      ? 'You can’t watch this recording now'
      : status === 404
        ? 'This recording does not exist or you may not watch it'
        : 'The recording could not be started';
  const message = error instanceof Error && error.message ? error.message : 'Please try again.';
  return (
    <ErrorAlert title={title}>
      <p>{message}</p>
    </ErrorAlert>
  );
}
