import type { AdminAccessRequest } from '@assent/shared';
import { useState } from 'react';
import { answerAccessRequest, fetchAdminAccessRequests } from '../../api/access-requests';
import { AdminFailureAlert } from '../../ui/AdminFailureAlert';
import { DataTable } from '../../ui/DataTable';
import { daysCount, formatDate } from '../../ui/format';
import { useRemote } from '../../ui/useRemote';
import { AccessDraft } from './AccessDraft';
import './access.css';

function stageInWords(request: AdminAccessRequest): string {
  if (request.stage === 'received') return `Open for ${daysCount(request.openDays)}`;
  if (request.stage === 'draft')
    return `Answer ready to read, not yet released; open for ${daysCount(request.openDays)}`;
  return `Answered on ${formatDate(request.releasedAt ?? request.receivedAt)}${
    request.releasedByName ? ` by ${request.releasedByName}` : ''
  }, after ${daysCount(request.openDays)}`;
}

/**
 * Admins' "Access requests" on /admin/requests: open ones first with how long each has waited. An
 * answer is prepared as a draft, read, and only then released to the requester (with a confirmation).
 */
export function AdminAccessRequests() {
  const { state, reload } = useRemote(fetchAdminAccessRequests);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const prepare = async (request: AdminAccessRequest) => {
    setBusyId(request.id);
    setFailure(null);
    try {
      await answerAccessRequest(request.id);
      setSaid(
        `The answer for ${request.requesterName} is ready to read. They see nothing until you release it.`,
      );
      setReading(request.id);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusyId(null);
      reload();
    }
  };

  const requests = state.kind === 'ready' ? state.data.requests : [];
  const open = requests.find((r) => r.id === reading && r.stage === 'draft');

  return (
    <section className="card access-admin" aria-labelledby="access-requests-heading">
      <h2 id="access-requests-heading">Access requests</h2>
      <p className="muted">
        People asking for everything Assent holds about them or their child. Preparing an answer compiles it
        as it is now, leaving out what safeguarding requires; you read it, then release it, and the person
        reads it on their requests page and can download it.
      </p>
      <p role="status" className="status-line">
        {said}
      </p>
      {failure !== null && <AdminFailureAlert error={failure} returnTo="/admin/requests" />}
      {state.kind === 'loading' && <p className="muted">Loading access requests…</p>}
      {state.kind === 'failed' && (
        <AdminFailureAlert error={state.error} returnTo="/admin/requests" onRetry={reload} />
      )}
      {state.kind === 'ready' && requests.length === 0 && <p>No one has asked for their data yet.</p>}
      {requests.length > 0 && (
        <DataTable
          caption="Access requests, open ones first"
          rows={requests}
          rowKey={(request) => request.id}
          columns={[
            { header: 'Asked by', cell: (request) => <span>{request.requesterName}</span> },
            {
              header: 'About',
              cell: (request) => (
                <span>{request.subjectKind === 'self' ? 'Themselves' : request.subjectName}</span>
              ),
            },
            { header: 'Received', cell: (request) => <span>{formatDate(request.receivedAt)}</span> },
            { header: 'Status', cell: (request) => <span>{stageInWords(request)}</span> },
            {
              header: <span className="visually-hidden">Action</span>,
              label: '',
              key: 'action',
              cell: (request) => (
                <>
                  {request.stage === 'received' && (
                    <button
                      type="button"
                      className="button button--primary button--small"
                      disabled={busyId !== null}
                      aria-busy={busyId === request.id}
                      onClick={() => prepare(request)}
                      // The row says whose it is; the name keeps the button apart from the other rows'.
                      aria-label={`Prepare answer for ${request.requesterName}`}
                    >
                      Prepare answer
                    </button>
                  )}
                  {request.stage === 'draft' && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      aria-expanded={reading === request.id}
                      onClick={() => setReading(reading === request.id ? null : request.id)}
                      aria-label={`Read answer for ${request.requesterName}`}
                    >
                      Read answer
                    </button>
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      {open && (
        <AccessDraft
          key={open.id}
          request={open}
          onReleased={() => {
            setSaid(`The answer is released to ${open.requesterName}; they have been told.`);
            setReading(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
