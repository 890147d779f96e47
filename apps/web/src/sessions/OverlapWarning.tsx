import type { ScheduleOverlap } from '@assent/shared';
import { spanInWords } from './zoned-time';

/**
 * The organiser's other sessions at the same time: a warning, not a refusal (the server booked it). Said
 * as an alert so it is heard after the form's own announcement.
 */
export function OverlapWarning({
  overlaps,
  timeZone,
}: {
  overlaps: readonly ScheduleOverlap[];
  timeZone: string;
}) {
  if (overlaps.length === 0) return null;
  return (
    <div className="overlap-warning" role="alert">
      {overlaps.map((o) => (
        <p key={`${o.sessionId}-${o.startsAt}`}>
          Overlaps “{o.title}” on {spanInWords(o.startsAt, o.endsAt, timeZone)}.
        </p>
      ))}
    </div>
  );
}
