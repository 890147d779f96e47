import { useAssentStore } from '../store';
import { recordingBannerText } from '../store/consent-slice';

/**
 * The always-visible answer to "is this being recorded?". The one element with role status on the
 * call page, so assistive tech and tests can find it without ambiguity.
 */
export function RecordingBanner() {
  const recording = useAssentStore((s) => s.recording);
  const on = recording.kind === 'recording';
  return (
    <div
      role="status"
      aria-label="Recording status"
      className={on ? 'recording-banner recording-banner--on' : 'recording-banner'}
    >
      <span className="recording-banner__dot" aria-hidden="true" />
      {recordingBannerText(recording)}
    </div>
  );
}
