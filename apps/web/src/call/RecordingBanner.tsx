import { useAssentStore } from '../store';

/**
 * The always-visible answer to "is this being recorded?". The one element with role status on the
 * call page, so assistive tech and tests can find it without ambiguity.
 */
export function RecordingBanner() {
  const banner = useAssentStore((s) => s.banner);
  // Anything that may be capturing reads as on: starting, recording, stopping.
  const on = banner.kind === 'starting' || banner.kind === 'recording' || banner.kind === 'stopping';
  return (
    <div
      role="status"
      aria-label="Recording status"
      className={on ? 'recording-banner recording-banner--on' : 'recording-banner'}
    >
      <span className="recording-banner__dot" aria-hidden="true" />
      {banner.text}
    </div>
  );
}
