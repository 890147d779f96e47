import type { RecordingStatus } from '@assent/shared';
import { useAssentStore } from '../store';
import { mayBeCapturing, selectBannerText, selectStatus } from '../store/consent-selectors';

type BannerTone = 'off' | 'waiting' | 'on';

function toneOf(status: RecordingStatus): BannerTone {
  if (mayBeCapturing(status)) return 'on';
  return status === 'waiting' ? 'waiting' : 'off';
}

/**
 * The always-visible answer to "is this being recorded?", in the server's words. The one element with
 * role status on the call page, so assistive tech and tests can find it without ambiguity.
 */
export function RecordingBanner() {
  const text = useAssentStore(selectBannerText);
  const status = useAssentStore(selectStatus);
  const tone = toneOf(status);
  return (
    <div
      role="status"
      aria-label="Recording status"
      className={`recording-banner recording-banner--${tone}`}
      data-status={status}
    >
      <span className="recording-banner__dot" aria-hidden="true" />
      {text}
    </div>
  );
}
