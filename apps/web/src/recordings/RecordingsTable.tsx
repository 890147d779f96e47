import type { RecordingSummary } from '@assent/shared';
import { AppLink } from '../ui/AppLink';
import { durationInWords, formatDate, formatDateTime } from '../ui/format';
import { accessInWords } from './recording-words';

/**
 * The recordings a person may watch, newest first as the server sends them; at phone width each row
 * becomes a small card (see `.card-table`).
 */
export function RecordingsTable({ recordings }: { recordings: readonly RecordingSummary[] }) {
  // Staff have no playback window; the column is there only when someone's watching is time-limited.
  const windowed = recordings.some((r) => r.playableUntil !== null);
  return (
    <table className="recordings-table card-table">
      <caption className="visually-hidden">Recordings you may watch</caption>
      <thead>
        <tr>
          <th scope="col">Session</th>
          <th scope="col">Purpose</th>
          <th scope="col">Recorded</th>
          <th scope="col">Retention</th>
          {windowed && <th scope="col">Watching</th>}
          <th scope="col">Why you can see it</th>
        </tr>
      </thead>
      <tbody>
        {recordings.map((recording) => (
          <tr key={recording.id}>
            <th scope="row" data-label="Session">
              <AppLink href={`/recordings/${encodeURIComponent(recording.id)}`}>
                {recording.sessionTitle}
              </AppLink>
            </th>
            <td data-label="Purpose">{recording.purposeLabel}</td>
            <td data-label="Recorded">
              <RecordedWhen recording={recording} />
            </td>
            <td data-label="Retention">
              {recording.onHold ? (
                // Retention is paused while a report is open: the date above would not be true.
                <strong className="recordings-table__hold">
                  On hold: a report about this session is open
                </strong>
              ) : (
                <span>Kept until {formatDate(recording.retainUntil)}</span>
              )}
            </td>
            {windowed && (
              <td data-label="Watching">
                {recording.playableUntil ? (
                  <span>You can watch until {formatDate(recording.playableUntil)}</span>
                ) : (
                  <span className="muted">No limit</span>
                )}
              </td>
            )}
            <td data-label="Why">{accessInWords(recording)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The start time and how long it ran, or that neither is known (a recording cut short by a crash). */
export function RecordedWhen({
  recording,
}: {
  recording: Pick<RecordingSummary, 'startedAt' | 'durationSeconds'>;
}) {
  const duration = durationInWords(recording.durationSeconds);
  return (
    <span>
      {recording.startedAt ? (
        <time dateTime={recording.startedAt}>{formatDateTime(recording.startedAt)}</time>
      ) : (
        'Time not known'
      )}
      {duration && <span className="recordings__duration muted"> · {duration}</span>}
    </span>
  );
}
