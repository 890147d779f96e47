import { useIsRecording } from '@livekit/components-react';
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
  const shown = shownBanner({ status, text, purposeLabel }, livekitRecording);
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
