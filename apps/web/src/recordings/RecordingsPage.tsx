import '../styles/recordings.css';
import { fetchRecordings } from '../api/recordings';
import { RemoteFailure } from '../people/RemoteFailure';
import { PageHeading } from '../ui/PageHeading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { RecordingsTable } from './RecordingsTable';
import { notShownInWords } from './recording-words';

/** `/recordings`: the recordings the signed-in person may watch, each with why they may. */
export function RecordingsPage() {
  usePageTitle('Recordings');
  const { state, reload } = useRemote(fetchRecordings);

  return (
    <section className="card recordings recordings--wide" aria-labelledby="recordings-heading">
      <PageHeading id="recordings-heading">Recordings</PageHeading>
      {state.kind === 'loading' && (
        <p className="muted" role="status">
          Loading recordings…
        </p>
      )}
      {state.kind === 'failed' && (
        <RemoteFailure error={state.error} what="your recordings" onRetry={reload} />
      )}
      {state.kind === 'ready' && state.data.recordings.length === 0 && state.data.notShown.length === 0 && (
        <p className="recordings__empty">
          No recordings yet: a session appears here only if everyone in it consented to recording, and only
          while your organisation’s policy lets you watch it.
        </p>
      )}
      {state.kind === 'ready' && state.data.recordings.length > 0 && (
        <RecordingsTable recordings={state.data.recordings} />
      )}
      {state.kind === 'ready' &&
        state.data.notShown.map((group) => (
          <p key={group.purposeLabel} className="recordings__not-shown">
            {notShownInWords(group)}
          </p>
        ))}
    </section>
  );
}
