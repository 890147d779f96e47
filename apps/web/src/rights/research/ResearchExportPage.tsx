import '../../styles/recordings.css';
import './research.css';
import type { ResearchCandidate, ResearchExportCreated, ResearchExportSummary } from '@assent/shared';
import { useState } from 'react';
import { createResearchExport, fetchResearchOverview, researchArchiveUrl } from '../../api/research';
import { AdminFailureAlert } from '../../ui/AdminFailureAlert';
import { DataTable } from '../../ui/DataTable';
import { formatDate, formatDateTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useRemote } from '../../ui/useRemote';
import { eligibilityInWords, exportSize } from './research-words';

/** `/admin/research`: which sessions everyone agreed to share, exporting them, and past exports. */
export function ResearchExportPage() {
  usePageTitle('Research exports');
  const overview = useRemote(fetchResearchOverview);
  const { state } = overview;
  const [created, setCreated] = useState<ResearchExportCreated | undefined>(undefined);
  const [exporting, setExporting] = useState<{ busy: boolean; error?: unknown }>({ busy: false });

  const exportNow = () => {
    setExporting({ busy: true });
    createResearchExport().then(
      (made) => {
        setCreated(made);
        setExporting({ busy: false });
        overview.reload();
      },
      (error: unknown) => setExporting({ busy: false, error }),
    );
  };

  return (
    <section className="card recordings recordings--wide" aria-labelledby="research-heading">
      <PageHeading id="research-heading">Research exports</PageHeading>
      <p className="muted">
        Only sessions where everyone in the call agreed to research sharing (and a guardian for each child)
        are exported. People are given pseudonyms in the export’s list. A session someone withdraws from later
        is left out when the export is downloaded.
      </p>
      {state.kind === 'ready' && (
        <p>
          {state.data.exportMedia === 'audio'
            ? 'Each recording leaves as its sound only (copied, not re-encoded): no faces or names on screen, but voices can identify people.'
            : 'Each recording leaves as it was recorded: faces, voices and the names shown under each picture can identify people.'}{' '}
          The policy decides which.
        </p>
      )}
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Loading sessions…
        </p>
      )}
      {state.kind === 'failed' && (
        <AdminFailureAlert error={state.error} returnTo="/admin/research" onRetry={overview.reload} />
      )}
      {state.kind === 'ready' && <CandidatesTable sessions={state.data.sessions} />}
      <div className="research-export__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={exporting.busy}
          onClick={exportNow}
        >
          Export for research
        </button>
        {created && (
          <a className="button button--secondary" href={researchArchiveUrl(created.id)} download>
            Download research export
          </a>
        )}
      </div>
      <p role="status">
        {created ? `Export made: ${exportSize(created.sessions, created.recordings)}.` : ''}
      </p>
      {exporting.error !== undefined && (
        <AdminFailureAlert error={exporting.error} returnTo="/admin/research" onRetry={exportNow} />
      )}
      {state.kind === 'ready' && <PastExports exports={state.data.exports} />}
    </section>
  );
}

function CandidatesTable({ sessions }: { sessions: readonly ResearchCandidate[] }) {
  if (sessions.length === 0) return <p>No session has stored recordings at the moment.</p>;
  return (
    <DataTable
      className="recordings-table card-table"
      caption="Sessions with stored recordings, newest first"
      rows={sessions}
      rowKey={(s) => s.sessionId}
      columns={[
        { header: 'Session', cell: (s) => s.title },
        { header: 'Date', cell: (s) => <time dateTime={s.createdAt}>{formatDate(s.createdAt)}</time> },
        { header: 'Recordings', cell: (s) => s.recordings },
        { header: 'Research sharing', label: 'Sharing', cell: (s) => eligibilityInWords(s.eligibility) },
      ]}
    />
  );
}

function PastExports({ exports }: { exports: readonly ResearchExportSummary[] }) {
  return (
    <>
      <h2>Past exports</h2>
      {exports.length === 0 ? (
        <p className="muted">No export has been made yet.</p>
      ) : (
        <ul className="research-export__past">
          {exports.map((e) => (
            <li key={e.id}>
              <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time> by {e.createdByName}:{' '}
              {exportSize(e.sessions, e.recordings)}.{' '}
              <a href={researchArchiveUrl(e.id)} download>
                Download export made {formatDateTime(e.createdAt)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
