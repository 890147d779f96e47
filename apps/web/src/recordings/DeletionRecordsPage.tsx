import '../styles/recordings.css';
import type { DeletionRecord } from '@assent/shared';
import { fetchPolicy } from '../admin/admin-api';
import { fetchDeletionRecords } from '../api/recordings';
import { AdminFailureAlert } from '../ui/AdminFailureAlert';
import { DataTable } from '../ui/DataTable';
import { formatDateTime } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { deletionReasonInWords } from './recording-words';

/** `/admin/deletions`: every recording destroyed, when, why and on whose decision. */
export function DeletionRecordsPage() {
  usePageTitle('Deletion records');
  const { state, reload } = useRemote(fetchDeletionRecords);
  // Purposes by their label where the policy still lists them; the records themselves keep the id.
  const { state: policy } = useRemote(fetchPolicy);
  const labels = new Map(
    policy.kind === 'ready' ? policy.data.policy.purposes.map((p) => [p.id, p.label] as const) : [],
  );

  return (
    <section className="card recordings recordings--wide" aria-labelledby="deletions-heading">
      <PageHeading id="deletions-heading">Deletion records</PageHeading>
      <p className="muted">
        Each record shows that a recording was destroyed, when and why; it holds no media and no key, so
        nothing of the recording can be recovered from it.
      </p>
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Loading deletion records…
        </p>
      )}
      {state.kind === 'failed' && (
        <AdminFailureAlert error={state.error} returnTo="/admin/deletions" onRetry={reload} />
      )}
      {state.kind === 'ready' && state.data.records.length === 0 && (
        <p>No recording has been destroyed yet.</p>
      )}
      {state.kind === 'ready' && state.data.records.length > 0 && (
        <DeletionRecordsTable records={state.data.records} purposeLabel={(id) => labels.get(id) ?? id} />
      )}
    </section>
  );
}

interface DeletionRecordsTableProps {
  records: readonly DeletionRecord[];
  purposeLabel: (purpose: string) => string;
}

function DeletionRecordsTable({ records, purposeLabel }: DeletionRecordsTableProps) {
  return (
    <DataTable
      className="recordings-table recordings-table--deletions card-table"
      caption="Recordings destroyed, newest first"
      rows={records}
      rowKey={(record) => record.id}
      columns={[
        {
          header: 'Session',
          cell: (record) => (
            <div>
              {record.sessionTitle}
              <code className="recordings-table__id">{record.recordingId}</code>
            </div>
          ),
        },
        { header: 'Purpose', cell: (record) => purposeLabel(record.purpose) },
        {
          header: 'Recorded',
          cell: (record) =>
            record.recordedAt ? (
              <time dateTime={record.recordedAt}>{formatDateTime(record.recordedAt)}</time>
            ) : (
              <span className="muted">Not known</span>
            ),
        },
        {
          header: 'Destroyed',
          cell: (record) => <time dateTime={record.destroyedAt}>{formatDateTime(record.destroyedAt)}</time>,
        },
        { header: 'Reason', cell: (record) => deletionReasonInWords(record.reason) },
        { header: 'Detail', cell: (record) => record.detail },
        {
          header: 'Decided by',
          cell: (record) => record.decidedByName ?? <span className="muted">The policy’s rule</span>,
        },
      ]}
    />
  );
}
