import type { MySession } from '@assent/shared';
import { clockInWords, dayInWords, wallClock } from '../sessions/zoned-time';
import { AppLink } from '../ui/AppLink';
import { joinWindow } from './session-groups';

interface JoinControlProps {
  session: MySession;
  now: Date;
  timeZone: string;
}

/** "Join opens at 16:20", or "… at 16:20 on Mon 14 Dec 2026" when that is not today. */
export function joinOpensInWords(opensAt: string, now: Date, zone: string): string {
  const at = clockInWords(opensAt, zone);
  return wallClock(opensAt, zone).date === wallClock(now, zone).date
    ? `Join opens at ${at}`
    : `Join opens at ${at} on ${dayInWords(opensAt, zone)}`;
}

/**
 * The person's own Join: a link while its window is open (always, for a session without a set time);
 * before it, a disabled button and when it opens (the page's clock enables it then, without a reload);
 * nothing once it has closed or the session is cancelled.
 */
export function JoinControl({ session, now, timeZone }: JoinControlProps) {
  const state = joinWindow(session.time, now);
  if (state === 'closed' || state === 'cancelled') return null;
  if (state === 'not_yet' && session.time && session.role !== null && !session.refusal) {
    const opens = joinOpensInWords(session.time.joinOpensAt, now, timeZone);
    const id = `join-opens-${session.sessionId}`;
    return (
      <div className="session-item__join">
        <button type="button" className="button button--primary" disabled aria-describedby={id}>
          Join {session.title}
        </button>
        <p id={id}>{opens}</p>
      </div>
    );
  }
  if (session.joinUrl && state === 'open') {
    return (
      <div className="session-item__join">
        <AppLink className="button button--primary" href={session.joinUrl}>
          Join {session.title}
        </AppLink>
      </div>
    );
  }
  return session.refusal ? <p className="refusal">{session.refusal}</p> : null;
}
