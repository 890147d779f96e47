import { useConnectionState } from '@livekit/components-react';
import { ConnectionState } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';

/** How long "Reconnected" stays after the connection comes back. */
export const reconnectedMs = 4000;

/**
 * A polite line while LiveKit reconnects ("Reconnecting…"), and briefly "Reconnected" once it is back.
 * The region stays in the page so screen readers announce each change.
 */
export function ConnectionNotice() {
  const state = useConnectionState();
  const reconnecting = state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting;
  const wasReconnecting = useRef(false);
  const [back, setBack] = useState(false);
  useEffect(() => {
    if (reconnecting) {
      wasReconnecting.current = true;
      setBack(false);
      return;
    }
    if (state !== ConnectionState.Connected || !wasReconnecting.current) return;
    wasReconnecting.current = false;
    setBack(true);
    const timer = window.setTimeout(() => setBack(false), reconnectedMs);
    return () => window.clearTimeout(timer);
  }, [reconnecting, state]);
  const words = reconnecting ? 'Reconnecting…' : back ? 'Reconnected' : '';
  return (
    <div role="status" className={words ? 'call__notice connection-notice' : 'connection-notice'}>
      {words}
    </div>
  );
}
