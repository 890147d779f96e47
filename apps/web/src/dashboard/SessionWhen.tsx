import type { SessionTime } from '@assent/shared';
import { clockInWords, spanInWords, wallClock, zoneInWords } from '../sessions/zoned-time';

/**
 * When a session takes place, in the viewer's zone; in the organiser's too when it differs, so both
 * can talk about the same time. "Session 3 of 6" for a series; a cancelled one says so first.
 */
export function SessionWhen({ time, timeZone }: { time: SessionTime; timeZone: string }) {
  const mine = spanInWords(time.startsAt, time.endsAt, timeZone);
  const sameDays =
    wallClock(time.startsAt, timeZone).date === wallClock(time.startsAt, time.timeZone).date &&
    wallClock(time.endsAt, timeZone).date === wallClock(time.endsAt, time.timeZone).date;
  // The organiser's clock, with its day only when that differs from the viewer's.
  const theirs = sameDays
    ? `${clockInWords(time.startsAt, time.timeZone)}–${clockInWords(time.endsAt, time.timeZone)}`
    : spanInWords(time.startsAt, time.endsAt, time.timeZone);
  return (
    <p className="session-item__when">
      {time.cancelledAt && (
        <>
          <span className="badge badge--muted">Cancelled</span>{' '}
        </>
      )}
      {time.cancelledAt ? <s>{mine}</s> : mine}
      {time.timeZone !== timeZone && !mine.endsWith(theirs) && (
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
