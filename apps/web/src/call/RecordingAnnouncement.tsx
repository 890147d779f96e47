import { useIsRecording } from '@livekit/components-react';
import { useEffect, useRef, useState } from 'react';
import { useAssentStore } from '../store';
import { selectPurposeLabel, selectStatus } from '../store/consent-selectors';
import { type Announced, nextAnnouncement } from './banner-truth';

/**
 * Says out loud, at once, when recording starts and when it stops, from the same two witnesses as the
 * banner. A live region, not a second role status: the banner stays the page's only status element.
 */
export function RecordingAnnouncement() {
  const status = useAssentStore(selectStatus);
  const purposeLabel = useAssentStore(selectPurposeLabel);
  const livekitRecording = useIsRecording();
  const announced = useRef<Announced>('nothing');
  const [message, setMessage] = useState('');

  useEffect(() => {
    const next = nextAnnouncement(announced.current, { status, livekitRecording, purposeLabel });
    announced.current = next.announced;
    if (next.say) setMessage(next.say);
  }, [status, livekitRecording, purposeLabel]);

  return (
    <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
      {message}
    </div>
  );
}
