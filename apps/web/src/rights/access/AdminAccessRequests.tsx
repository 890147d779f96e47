import type { AdminAccessRequest } from '@assent/shared';
import { useState } from 'react';
import { AdminFailureAlert } from '../../admin/AdminFailureAlert';
import { formatDate } from '../../admin/format-time';
import { answerAccessRequest, fetchAdminAccessRequests } from '../../api/access-requests';
import { useRemote } from '../../ui/useRemote';
import './access.css';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Admins' "Access requests" on /admin/requests: open ones first with how long each has waited. */
export function AdminAccessRequests() {
  const { state, reload } = useRemote(fetchAdminAccessRequests);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const answer = async (request: AdminAccessRequest) => {
    setBusyId(request.id);
    setFailure(null);
    try {
      await answerAccessRequest(request.id);
      setSaid(`The request from ${request.requesterName} is answered; they have been told.`);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusyId(null);
      reload();
    }
  };

  return (
    <section className="card access-admin" aria-labelledby="access-requests-heading">
      <h2 id="access-requests-heading">Access requests</h2>
      <p className="muted">
        People asking for everything Assent holds about them or their child. Answering compiles it as it is
        now; the person reads it on their requests page and can download it.
      </p>
      <p role="status" className="status-line">
        {said}
      </p>
      {failure !== null && <AdminFailureAlert error={failure} returnTo="/admin/requests" />}
      {state.kind === 'loading' && <p className="muted">Loading access requests…</p>}
      {state.kind === 'failed' && (
        <AdminFailureAlert error={state.error} returnTo="/admin/requests" onRetry={reload} />
      )}
      {state.kind === 'ready' && state.data.requests.length === 0 && (
        <p>No one has asked for their data yet.</p>
      )}
      {state.kind === 'ready' && state.data.requests.length > 0 && (
        <table className="card-table">
          <caption className="visually-hidden">Access requests, open ones first</caption>
          <thead>
            <tr>
              <th scope="col">Asked by</th>
              <th scope="col">About</th>
              <th scope="col">Received</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {state.data.requests.map((request) => (
              <tr key={request.id}>
                <th scope="row" data-label="Asked by">
                  <span>{request.requesterName}</span>
                </th>
                <td data-label="About">
                  <span>{request.subjectKind === 'self' ? 'Themselves' : request.subjectName}</span>
                </td>
                <td data-label="Received">
                  <span>{formatDate(request.receivedAt)}</span>
                </td>
                <td data-label="Status">
                  <span>
                    {request.status === 'received'
                      ? `Open for ${days(request.openDays)}`
                      : `Answered on ${formatDate(request.answeredAt ?? request.receivedAt)}${
                          request.answeredByName ? ` by ${request.answeredByName}` : ''
                        }, after ${days(request.openDays)}`}
                  </span>
                </td>
                <td data-label="">
                  {request.status === 'received' && (
                    <button
                      type="button"
                      className="button button--primary button--small"
                      disabled={busyId !== null}
                      aria-busy={busyId === request.id}
                      onClick={() => answer(request)}
                    >
                      Answer access request from {request.requesterName}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
