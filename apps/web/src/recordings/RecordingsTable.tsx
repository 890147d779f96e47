import type { RecordingSummary } from '@assent/shared';
import { AppLink } from '../ui/AppLink';
import { DataTable } from '../ui/DataTable';
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
    <DataTable
      className="recordings-table card-table"
      caption="Recordings you may watch"
      rows={recordings}
      rowKey={(recording) => recording.id}
      columns={[
        {
          header: 'Session',
          cell: (recording) => (
            <AppLink href={`/recordings/${encodeURIComponent(recording.id)}`}>
              {recording.sessionTitle}
            </AppLink>
          ),
        },
        { header: 'Purpose', cell: (recording) => recording.purposeLabel },
        { header: 'Recorded', cell: (recording) => <RecordedWhen recording={recording} /> },
        {
          header: 'Retention',
          cell: (recording) =>
            recording.onHold ? (
              // Retention is paused while a report is open: the date above would not be true.
              <strong className="recordings-table__hold">On hold: a report about this session is open</strong>
            ) : (
              <span>Kept until {formatDate(recording.retainUntil)}</span>
            ),
        },
        windowed && {
          header: 'Watching',
          cell: (recording) =>
            recording.playableUntil ? (
              <span>You can watch until {formatDate(recording.playableUntil)}</span>
            ) : (
              <span className="muted">No limit</span>
            ),
        },
        { header: 'Why you can see it', label: 'Why', cell: (recording) => accessInWords(recording) },
      ]}
    />
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
