import '../../styles/recordings.css';
import type { SafeguardingReportSummary } from '@assent/shared';
import { fetchSafeguardingReports } from '../../api/concerns';
import { AdminFailureAlert } from '../../ui/AdminFailureAlert';
import { AppLink } from '../../ui/AppLink';
import { DataTable } from '../../ui/DataTable';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useRemote } from '../../ui/useRemote';
import { categoryLabels, openFor, roleInWords } from './concern-words';
import './concerns.css';

/** `/safeguarding`: every report, the longest-waiting open ones first, for reviewers and admins. */
export function SafeguardingPage() {
  usePageTitle('Safeguarding reports');
  const { state, reload } = useRemote(fetchSafeguardingReports);
  return (
    <section className="card recordings recordings--wide" aria-labelledby="safeguarding-heading">
      <PageHeading id="safeguarding-heading">Safeguarding reports</PageHeading>
      <p className="muted">
        Concerns reported by people in a session. While a report is open, the session’s recordings are on hold
        (nothing is destroyed) and you may watch them to investigate; each viewing is logged.
      </p>
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Loading reports…
        </p>
      )}
      {state.kind === 'failed' && (
        <AdminFailureAlert error={state.error} returnTo="/safeguarding" onRetry={reload} />
      )}
      {state.kind === 'ready' && state.data.reports.length === 0 && <p>No concern has been reported.</p>}
      {state.kind === 'ready' && state.data.reports.length > 0 && (
        <ReportsTable reports={state.data.reports} />
      )}
    </section>
  );
}

function ReportsTable({ reports }: { reports: readonly SafeguardingReportSummary[] }) {
  return (
    <DataTable
      className="recordings-table card-table"
      caption="Reports, open ones first"
      rows={reports}
      rowKey={(report) => report.id}
      columns={[
        {
          header: 'Report',
          cell: (report) => (
            <AppLink href={`/safeguarding/${encodeURIComponent(report.id)}`}>
              Report about {report.sessionTitle}
            </AppLink>
          ),
        },
        { header: 'About', cell: (report) => categoryLabels[report.category] },
        {
          header: 'Reported by',
          label: 'By',
          cell: (report) => (
            <span>
              {report.reporterName} ({roleInWords(report.reporterRole)}),{' '}
              {report.duringCall ? 'during the call' : 'after the session'}
            </span>
          ),
        },
        {
          header: 'Received',
          cell: (report) => <time dateTime={report.receivedAt}>{formatDateTime(report.receivedAt)}</time>,
        },
        {
          header: 'Status',
          cell: (report) =>
            report.status === 'open' ? (
              <strong>{openFor(report.openDays)}</strong>
            ) : (
              <span>Closed on {formatDate(report.closedAt ?? report.receivedAt)}</span>
            ),
        },
        {
          header: 'Recordings',
          label: 'On hold',
          cell: (report) => (
            <span>
              {report.recordingsOnHold === 0 ? 'None on hold' : `${report.recordingsOnHold} on hold`}
            </span>
          ),
        },
      ]}
    />
  );
}
