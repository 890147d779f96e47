import type { SessionTime } from '@assent/shared';
import { spanInWords, zoneInWords } from '../sessions/zoned-time';

/**
 * When a session takes place, in the viewer's zone; in the organiser's too when it differs, so both
 * can talk about the same time. "Session 3 of 6" for a series; a cancelled one says so first.
 */
export function SessionWhen({ time, timeZone }: { time: SessionTime; timeZone: string }) {
  const mine = spanInWords(time.startsAt, time.endsAt, timeZone);
  const theirs = spanInWords(time.startsAt, time.endsAt, time.timeZone);
  return (
    <p className="session-item__when">
      {time.cancelledAt && (
        <>
          <span className="badge badge--muted">Cancelled</span>{' '}
        </>
      )}
      {time.cancelledAt ? <s>{mine}</s> : mine}
      {theirs !== mine && (
        <span className="muted">
          {' '}
          ({theirs} in {zoneInWords(time.timeZone)})
        </span>
      )}
      {time.occurrence && (
        <span className="muted">
          {' '}
          · Session {time.occurrence.number} of {time.occurrence.of}
        </span>
      )}
    </p>
  );
}
