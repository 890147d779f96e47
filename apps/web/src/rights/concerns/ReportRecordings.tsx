import type { SafeguardingReportDetail } from '@assent/shared';
import { AppLink } from '../../ui/AppLink';
import { formatDate, formatDateTime } from '../../ui/format';

const statusWords = {
  pending: 'Being stored',
  stored: 'Kept',
  destroyed: 'Destroyed',
  lost: 'Never stored',
} as const;

/** The reported session's recordings: to watch for the investigation, and whether a hold keeps them. */
export function ReportRecordings({ report }: { report: SafeguardingReportDetail }) {
  return (
    <section className="card" aria-labelledby="report-recordings-heading">
      <h2 id="report-recordings-heading">Recordings of the session</h2>
      {report.recordings.length === 0 ? (
        <p className="muted">This session was not recorded.</p>
      ) : (
        <ul className="concern-list">
          {report.recordings.map((recording) => (
            <li key={recording.id}>
              {recording.status === 'stored' ? (
                <AppLink href={`/recordings/${encodeURIComponent(recording.id)}`}>
                  Watch recording of {report.sessionTitle}
                </AppLink>
              ) : (
                <span>{statusWords[recording.status]}</span>
              )}
              <div className="muted">
                {recording.purposeLabel}
                {recording.recordedAt && ` · recorded ${formatDateTime(recording.recordedAt)}`}
                {recording.status === 'stored' &&
                  recording.retainUntil &&
                  ` · retention ends ${formatDate(recording.retainUntil)}`}
              </div>
              {recording.onHold && <span className="concern-hold">On hold</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
