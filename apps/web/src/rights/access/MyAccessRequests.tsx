import type { AccessSubject, Student } from '@assent/shared';
import { useState } from 'react';
import { fetchMyAccessRequests, requestAccess } from '../../api/access-requests';
import { describeFailure } from '../../api/failure-words';
import { fetchMyStudents } from '../../api/people';
import { signedInUser, useAccountStore } from '../../people/account-store';
import { RemoteFailure } from '../../people/RemoteFailure';
import { AppLink } from '../../ui/AppLink';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useRemote } from '../../ui/useRemote';
import { accessStatusInWords } from './access-words';
import './access.css';

/**
 * "Your data" on /requests: ask for everything Assent holds about you (and, for a guardian, about each
 * child), and follow each request to its answer.
 */
export function MyAccessRequests() {
  const user = useAccountStore((s) => signedInUser(s.status));
  const { state, reload } = useRemote(fetchMyAccessRequests);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const ask = async (subject: AccessSubject, whose: string) => {
    setBusy(true);
    setFailure(null);
    try {
      const request = await requestAccess(subject);
      setSaid(
        request.status === 'received'
          ? `Your request for ${whose} was received. An administrator will answer it; you will find the answer here.`
          : `Your request for ${whose} has already been answered.`,
      );
      reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card access-requests" aria-labelledby="your-data-heading">
      <h2 id="your-data-heading">Your data</h2>
      <p className="muted">
        You may ask for everything Assent holds about you: your sessions, your consent records, the recordings
        you appear in and who watched them. An administrator answers, and you can read the answer here and
        download it.
      </p>
      <div className="access-requests__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => ask({ kind: 'self' }, 'your data')}
        >
          Request my data
        </button>
        {user?.role === 'guardian' && (
          <ChildRequestButtons
            busy={busy}
            onAsk={(child) => ask({ kind: 'student', studentId: child.id }, `${child.name}'s data`)}
          />
        )}
      </div>
      <p role="status" className="status-line">
        {said}
      </p>
      {failure !== null && (
        <ErrorAlert title="Your request could not be sent">
          <p>{describeFailure(failure).detail}</p>
        </ErrorAlert>
      )}
      {state.kind === 'loading' && <p className="muted">Loading your requests…</p>}
      {state.kind === 'failed' && <RemoteFailure error={state.error} what="your requests" onRetry={reload} />}
      {state.kind === 'ready' && state.data.requests.length === 0 && (
        <p className="muted">You have not asked for your data yet.</p>
      )}
      {state.kind === 'ready' && state.data.requests.length > 0 && (
        <ul className="access-requests__list">
          {state.data.requests.map((request) => (
            <li key={request.id} className="access-requests__item">
              <p className="access-requests__about">
                {request.subjectKind === 'self' ? 'Your data' : `${request.subjectName}'s data`}
              </p>
              <p className="muted">{accessStatusInWords(request)}</p>
              {request.status === 'answered' && (
                <AppLink href={`/requests/access/${encodeURIComponent(request.id)}`}>View answer</AppLink>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One button per child a guardian may ask about (the children from their own list). */
function ChildRequestButtons({ busy, onAsk }: { busy: boolean; onAsk: (child: Student) => void }) {
  const { state } = useRemote(fetchMyStudents);
  if (state.kind !== 'ready') return null;
  return (
    <>
      {state.data.students.map((child) => (
        <button
          key={child.id}
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => onAsk(child)}
        >
          Request {child.name}'s data
        </button>
      ))}
    </>
  );
}
