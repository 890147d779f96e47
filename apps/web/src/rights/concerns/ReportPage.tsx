import '../../styles/recordings.css';
import type { SafeguardingReportDetail } from '@assent/shared';
import { fetchSafeguardingReport } from '../../api/concerns';
import { AdminFailureAlert } from '../../ui/AdminFailureAlert';
import { AppLink } from '../../ui/AppLink';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useRemote } from '../../ui/useRemote';
import { CloseReportForm } from './CloseReportForm';
import { categoryLabels, openFor, roleInWords } from './concern-words';
import { ReportRecordings } from './ReportRecordings';
import './concerns.css';

/** `/safeguarding/:id`: one report, what the investigation needs, and closing it with its outcome. */
export function ReportPage({ reportId }: { reportId: string }) {
  const { state, reload, replace } = useRemote(() => fetchSafeguardingReport(reportId));
  usePageTitle(state.kind === 'ready' ? `Report about ${state.data.sessionTitle}` : 'Safeguarding report');

  if (state.kind === 'loading') {
    return (
      <section className="card" aria-busy="true">
        <p className="muted" role="status">
          Loading the report…
        </p>
      </section>
    );
  }
  if (state.kind === 'failed') {
    return (
      <section className="card">
        <PageHeading>Safeguarding report</PageHeading>
        <AdminFailureAlert error={state.error} returnTo={`/safeguarding/${reportId}`} onRetry={reload} />
        <p>
          <AppLink href="/safeguarding">All reports</AppLink>
        </p>
      </section>
    );
  }
  const report = state.data;
  return (
    <div className="stack">
      <section className="card recordings recordings--wide" aria-labelledby="report-heading">
        <PageHeading id="report-heading">Report about {report.sessionTitle}</PageHeading>
        <p>
          <AppLink href="/safeguarding">All reports</AppLink>
        </p>
        <ReportFacts report={report} />
        <h2>What was reported</h2>
        <p className="concern-report__text">{report.description}</p>
      </section>
      <SessionFacts report={report} />
      <ReportRecordings report={report} />
      {report.status === 'open' ? (
        <CloseReportForm reportId={report.id} onClosed={replace} onStale={reload} />
      ) : (
        <ClosedReport report={report} />
      )}
    </div>
  );
}

function ReportFacts({ report }: { report: SafeguardingReportDetail }) {
  return (
    <dl className="facts">
      <div>
        <dt>About</dt>
        <dd>{categoryLabels[report.category]}</dd>
      </div>
      <div>
        <dt>By</dt>
        <dd>
          {report.reporterName} ({roleInWords(report.reporterRole)})
        </dd>
      </div>
      <div>
        <dt>When</dt>
        <dd>
          <time dateTime={report.receivedAt}>{formatDateTime(report.receivedAt)}</time>,{' '}
          {report.duringCall ? 'during the call' : 'after the session'}
        </dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>
          {report.status === 'open'
            ? openFor(report.openDays)
            : `Closed on ${formatDate(report.closedAt ?? report.receivedAt)}`}
        </dd>
      </div>
    </dl>
  );
}

function SessionFacts({ report }: { report: SafeguardingReportDetail }) {
  return (
    <section className="card" aria-labelledby="report-session-heading">
      <h2 id="report-session-heading">The session</h2>
      <p>
        {report.session.title} · {formatDate(report.session.createdAt)}
      </p>
      <ul className="concern-list">
        {report.session.people.map((person, index) => (
          // Two people may share a name; their order in the session is stable.
          // biome-ignore lint/suspicious/noArrayIndexKey: people have no id here, and the list never reorders.
          <li key={index}>
            {person.name} ({roleInWords(person.role)})
          </li>
        ))}
      </ul>
      {report.otherReports.length > 0 && (
        <>
          <h3>Other reports about this session</h3>
          <ul className="concern-list">
            {report.otherReports.map((other) => (
              <li key={other.id}>
                <AppLink href={`/safeguarding/${encodeURIComponent(other.id)}`}>
                  {categoryLabels[other.category]}, by {other.reporterName} ({roleInWords(other.reporterRole)}
                  )
                </AppLink>{' '}
                <span className="muted">
                  {formatDateTime(other.receivedAt)} · {other.status === 'open' ? 'open' : 'closed'}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ClosedReport({ report }: { report: SafeguardingReportDetail }) {
  return (
    <section className="card" aria-labelledby="report-outcome-heading">
      <h2 id="report-outcome-heading">Outcome</h2>
      <p className="concern-report__text">{report.outcome}</p>
      <h3>Corrective actions</h3>
      <p className="concern-report__text">{report.correctiveActions || 'None recorded.'}</p>
      <p className="muted">
        Closed by {report.closedByName ?? 'someone no longer in the organisation'} on{' '}
        {report.closedAt && <time dateTime={report.closedAt}>{formatDateTime(report.closedAt)}</time>}.{' '}
        {report.reporterToldAt && 'The reporter was told it was handled (not the outcome).'}
      </p>
    </section>
  );
}
