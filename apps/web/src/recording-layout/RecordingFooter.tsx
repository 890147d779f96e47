import { useEffect, useState } from 'react';
import { clockText, consentLine } from './layout-details';

/** What the recording is, burnt into the picture: session, purpose, consent and the time. */
export function RecordingFooter({ title, purpose }: { title: string; purpose: string }) {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <footer className="recording-footer">
      <div className="recording-footer__what">
        {title && <span className="recording-footer__title">{title}</span>}
        {purpose && <span className="recording-footer__purpose">{purpose}</span>}
      </div>
      <div className="recording-footer__consent">
        <span>{consentLine}</span>
        <time dateTime={now.toISOString()}>{clockText(now)}</time>
      </div>
    </footer>
  );
}
