import type { RecordingStatus } from '@assent/shared';
import { useIsRecording } from '@livekit/components-react';
import { useEffect, useState } from 'react';
import { useAssentStore } from '../store';
import { selectBannerText, selectPurposeLabel, selectStatus } from '../store/consent-selectors';
import { shownBanner } from './banner-truth';

/**
 * The always-visible answer to "is this being recorded?": the server's words, overruled by LiveKit
 * whenever it reports a recorder in the room. The one element with role status on the call page, so
 * assistive tech and tests can find it without ambiguity.
 */
export function RecordingBanner() {
  const text = useAssentStore(selectBannerText);
  const status = useAssentStore(selectStatus);
  const purposeLabel = useAssentStore(selectPurposeLabel);
  const livekitRecording = useIsRecording();
  const reasonFaded = useReasonFaded(status);
  const shown = shownBanner(
    { status, text: reasonFaded ? 'Not recording' : text, purposeLabel },
    livekitRecording,
  );
  return (
    <div
      role="status"
      aria-label="Recording status"
      className={`recording-banner recording-banner--${shown.tone}`}
      data-status={status}
      data-livekit-recording={livekitRecording}
    >
      <span className="recording-banner__dot" aria-hidden="true" />
      {shown.text}
    </div>
  );
}

/** How long "Recording stopped — a participant withdrew consent" stays before the banner reads "Not recording". */
export const withdrawalReasonMs = 60_000;

/**
 * Whether the reason a recording stopped has been shown long enough: a minute after the withdrawal the
 * banner says only what is so now, rather than dwelling on someone's choice.
 */
function useReasonFaded(status: RecordingStatus): boolean {
  const [faded, setFaded] = useState(false);
  useEffect(() => {
    setFaded(false);
    if (status !== 'stopped_withdrawn') return;
    const timer = setTimeout(() => setFaded(true), withdrawalReasonMs);
    return () => clearTimeout(timer);
  }, [status]);
  return faded;
}
