import './deletion-requests.css';
import type { MyDeletionRequest } from '@assent/shared';
import { fetchMyDeletionRequests } from '../../api/deletion-requests';
import { RemoteFailure } from '../../people/RemoteFailure';
import { formatDate } from '../../ui/format';
import { useRemote } from '../../ui/useRemote';
import { coverageInWords, statusInWords } from './deletion-words';

/** The "Deletion requests" card on `/requests`: what the person asked to have deleted, and the answers. */
export function MyDeletionRequests() {
  const { state, reload } = useRemote(fetchMyDeletionRequests);
  return (
    <section className="card" aria-labelledby="my-deletion-requests">
      <h2 id="my-deletion-requests">Deletion requests</h2>
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Loading your deletion requests…
        </p>
      )}
      {state.kind === 'failed' && (
        <RemoteFailure error={state.error} what="your deletion requests" onRetry={reload} />
      )}
      {state.kind === 'ready' && state.data.requests.length === 0 && (
        <p className="muted">
          You have not asked for any recording to be deleted. You can ask on a recording’s page, or right
          after withdrawing your consent in a call.
        </p>
      )}
      {state.kind === 'ready' && state.data.requests.length > 0 && (
        <ul className="deletion-requests">
          {state.data.requests.map((request) => (
            <MyRequestItem key={request.id} request={request} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MyRequestItem({ request }: { request: MyDeletionRequest }) {
  return (
    <li className="deletion-request">
      <h3>{request.sessionTitle}</h3>
      <p>
        You asked on {formatDate(request.createdAt)} for {coverageInWords(request)} to be deleted.
      </p>
      {request.reason && <p className="muted">Your reason: {request.reason}</p>}
      <p className="deletion-request__status">{statusInWords(request)}</p>
    </li>
  );
}
