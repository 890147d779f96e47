/**
 * Consent without pressure: after someone says no, the tutor may ask again only after the policy's
 * cool-down. The server publishes when (`askAgainAt`); this hook answers that time while it is still
 * ahead and re-renders when it passes, so the request button comes back on its own.
 */
import { useEffect, useReducer } from 'react';
import { useAssentStore } from '../store';
import { countInWords } from '../ui/format';

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** "14:32", in the reader's own time zone. */
export function askAgainClock(at: Date): string {
  return clock.format(at);
}

/** "in 9 minutes", "in 1 minute", "in less than a minute". */
export function askAgainIn(at: Date, now: number): string {
  const ms = at.getTime() - now;
  if (ms < 60_000) return 'in less than a minute';
  const minutes = Math.ceil(ms / 60_000);
  return `in ${countInWords(minutes, 'minute', 'minutes')}`;
}

/** When the tutor may ask again, while that is still ahead; null when they may ask now. */
export function useAskAgainAt(): Date | null {
  const published = useAssentStore((s) => s.recording?.askAgainAt ?? null);
  const [, tick] = useReducer((n: number) => n + 1, 0);
  const at = published ? new Date(published) : null;
  const ahead = at !== null && at.getTime() > Date.now();
  useEffect(() => {
    if (!published) return;
    const wait = Date.parse(published) - Date.now();
    if (wait <= 0) return;
    // Once a minute, so "in N minutes" stays true, and once more when the time comes.
    const timer = setTimeout(tick, Math.min(wait + 50, 60_000));
    return () => clearTimeout(timer);
  });
  return ahead ? at : null;
}
