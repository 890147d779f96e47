import { useEffect, useRef, useState } from 'react';
import { useAssentStore } from '../store';
import { mayBeCapturing, selectStatus } from '../store/consent-selectors';

/**
 * Says out loud, at once, when recording starts and when it stops. A live region, not a second role
 * status: the banner stays the page's only status element.
 */
export function RecordingAnnouncement() {
  const status = useAssentStore(selectStatus);
  const purpose = useAssentStore((s) => s.recording?.request?.purposeLabel);
  const previous = useRef(status);
  const [message, setMessage] = useState('');

  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (status === was) return;
    if (status === 'recording') setMessage(purpose ? `Recording started: ${purpose}` : 'Recording started');
    else if (mayBeCapturing(was) && !mayBeCapturing(status)) setMessage('Recording stopped');
  }, [status, purpose]);

  return (
    <div className="visually-hidden" aria-live="assertive" aria-atomic="true">
      {message}
    </div>
  );
}
