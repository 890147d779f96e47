import { fetchMyReports } from '../../api/concerns';
import { RemoteFailure } from '../../people/RemoteFailure';
import { formatDate, formatDateTime } from '../../ui/format';
import { useRemote } from '../../ui/useRemote';
import './concerns.css';

/** "Your reports" on `/requests`: each report the person made, and whether it has been handled (never how). */
export function MyReports() {
  const { state, reload } = useRemote(fetchMyReports);
  return (
    <section className="card" aria-labelledby="my-reports-heading" aria-busy={state.kind === 'loading'}>
      <h2 id="my-reports-heading">Your reports</h2>
      {state.kind === 'loading' && <p className="muted">Loading your reports…</p>}
      {state.kind === 'failed' && <RemoteFailure error={state.error} what="your reports" onRetry={reload} />}
      {state.kind === 'ready' && state.data.reports.length === 0 && (
        <p className="muted">
          You have not reported a concern. You can from the call (“Report a concern”) or from any of your
          sessions on the dashboard.
        </p>
      )}
      {state.kind === 'ready' && state.data.reports.length > 0 && (
        <ul className="concern-list">
          {state.data.reports.map((report) => (
            <li key={report.id}>
              <strong>{report.sessionTitle}</strong>
              <div className="muted">
                Reported {report.duringCall ? 'during the call' : 'after the session'} on{' '}
                <time dateTime={report.receivedAt}>{formatDateTime(report.receivedAt)}</time>
              </div>
              <div>
                {report.status === 'handled' && report.handledAt
                  ? `Handled on ${formatDate(report.handledAt)}`
                  : 'Received — the safeguarding team is looking into it'}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
