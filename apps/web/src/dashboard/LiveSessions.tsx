import type { LiveSession } from '@assent/shared';
import { useState } from 'react';
import { describeFailure } from '../api/failure-words';
import { fetchLiveSessions, observeSession } from '../api/observe';
import { RemoteFailure } from '../people/RemoteFailure';
import { inAppPath, navigate } from '../router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useRemote } from '../ui/useRemote';
import { peopleLine } from './session-summary';

/**
 * Reviewers and admins: the sessions in a call now, each with "Observe". Observing is never hidden: the
 * observer joins as a seat labelled Observer on every screen, and the recording gate waits for their yes.
 */
export function LiveSessions() {
  const live = useRemote(fetchLiveSessions);
  const { state } = live;
  return (
    <section className="card" aria-labelledby="live-heading" aria-busy={state.kind === 'loading'}>
      <h2 id="live-heading">Live sessions</h2>
      <p className="muted">
        You join as an Observer: everyone in the call sees you, with your camera and microphone off until you
        turn them on, and nothing is recorded unless you consent too.
      </p>
      {state.kind === 'loading' && <p className="muted">Loading the sessions in a call now…</p>}
      {state.kind === 'failed' && (
        <RemoteFailure error={state.error} what="the live sessions" onRetry={live.reload} />
      )}
      {state.kind === 'ready' && state.data.sessions.length === 0 && (
        <p className="muted">No session has anyone in its call now.</p>
      )}
      {state.kind === 'ready' && state.data.sessions.length > 0 && (
        <ul className="session-list">
          {state.data.sessions.map((session) => (
            <LiveSessionItem key={session.sessionId} session={session} />
          ))}
        </ul>
      )}
      <p>
        <button type="button" className="button" onClick={live.reload}>
          Refresh
        </button>
      </p>
    </section>
  );
}

function LiveSessionItem({ session }: { session: LiveSession }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const inCall = session.people.filter((p) => p.inCall);
  const observe = () => {
    setBusy(true);
    setFailure(null);
    observeSession(session.sessionId).then(
      ({ joinUrl }) => navigate(inAppPath(joinUrl, window.location.origin) ?? '/'),
      (error: unknown) => {
        setBusy(false);
        setFailure(error);
      },
    );
  };
  const words = failure === null ? null : describeFailure(failure);
  return (
    <li className="session-item">
      <h3 className="session-item__title">{session.title}</h3>
      <p className="muted session-item__meta">In the call now: {peopleLine(inCall)}</p>
      <button type="button" className="button button--primary" disabled={busy} onClick={observe}>
        Observe
      </button>
      {words && <ErrorAlert title={words.title}>{words.detail}</ErrorAlert>}
    </li>
  );
}
