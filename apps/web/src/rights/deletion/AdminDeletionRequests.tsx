import './deletion-requests.css';
import { type AdminDeletionRequest, type AdminDeletionRequestList, accountRoleLabels } from '@assent/shared';
import { useId, useState } from 'react';
import { fetchAdminDeletionRequests } from '../../api/deletion-requests';
import { AdminFailureAlert } from '../../ui/AdminFailureAlert';
import { countInWords, daysCount, formatDate, formatDateTime } from '../../ui/format';
import { useRemote } from '../../ui/useRemote';
import { DecisionForm } from './DecisionForm';
import { coverageInWords, originInWords, recordingStatusInWords } from './deletion-words';

/** The "Deletion requests" card on `/admin/requests`: open requests first, each decided with a reason. */
export function AdminDeletionRequests() {
  const { state, reload, replace } = useRemote(fetchAdminDeletionRequests);
  const [news, setNews] = useState<string | null>(null);

  const decided = (list: AdminDeletionRequestList, request: AdminDeletionRequest, destroyed: number) => {
    replace({ requests: list.requests.map((r) => (r.id === request.id ? request : r)) });
    setNews(
      request.status === 'approved'
        ? `${request.requesterName}'s request was approved: ${countInWords(destroyed, 'recording', 'recordings')} deleted.`
        : `${request.requesterName}'s request was refused.`,
    );
  };

  return (
    <section className="card" aria-labelledby="admin-deletion-requests">
      <h2 id="admin-deletion-requests">Deletion requests</h2>
      <p className="muted">
        People may ask for recordings of their sessions to be deleted early. Decide each one and say why: the
        requester reads your reason. Approving deletes the recordings for good.
      </p>
      <p role="status" className="notice-line">
        {news}
      </p>
      {state.kind === 'loading' && <p className="muted">Loading deletion requests…</p>}
      {state.kind === 'failed' && (
        <AdminFailureAlert error={state.error} returnTo="/admin/requests" onRetry={reload} />
      )}
      {state.kind === 'ready' && state.data.requests.length === 0 && (
        <p>Nobody has asked for a deletion yet.</p>
      )}
      {state.kind === 'ready' && state.data.requests.length > 0 && (
        <ul className="deletion-requests">
          {state.data.requests.map((request) => (
            <AdminRequestItem
              key={request.id}
              request={request}
              onDecided={(result) => decided(state.data, result.request, result.destroyed)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

interface AdminRequestItemProps {
  request: AdminDeletionRequest;
  onDecided: Parameters<typeof DecisionForm>[0]['onDecided'];
}

function AdminRequestItem({ request, onDecided }: AdminRequestItemProps) {
  const headingId = useId();
  const days = daysCount(request.openDays);
  return (
    <li className="deletion-request" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {request.requesterName} ({accountRoleLabels[request.requesterRole]}) about {request.sessionTitle}
      </h3>
      <p>
        Asked {originInWords[request.origin]} on {formatDateTime(request.createdAt)}, for{' '}
        {coverageInWords(request)}.
      </p>
      <p>{request.reason ? `Their reason: ${request.reason}` : 'They gave no reason.'}</p>
      <CoveredRecordings request={request} />
      {request.status === 'open' ? (
        <>
          <p className="deletion-request__status">Open for {days}</p>
          {request.onHold && (
            <p className="deletion-request__hold">
              On hold: a safeguarding report about this session is open
            </p>
          )}
          <DecisionForm request={request} onDecided={onDecided} />
        </>
      ) : (
        <p className="deletion-request__status">
          {request.status === 'approved' ? 'Approved' : 'Refused'}
          {request.decidedByName ? ` by ${request.decidedByName}` : ''}
          {request.decidedAt ? ` on ${formatDate(request.decidedAt)}` : ''}: {request.decisionReason}
        </p>
      )}
    </li>
  );
}

function CoveredRecordings({ request }: { request: AdminDeletionRequest }) {
  if (request.recordings.length === 0) return <p className="muted">No recording is covered.</p>;
  return (
    <ul className="deletion-request__recordings" aria-label="Recordings it covers">
      {request.recordings.map((recording) => (
        <li key={recording.id}>
          {recording.purposeLabel}
          {recording.recordedAt ? `, recorded ${formatDateTime(recording.recordedAt)}` : ''}:{' '}
          {recordingStatusInWords[recording.status]}
        </li>
      ))}
    </ul>
  );
}
