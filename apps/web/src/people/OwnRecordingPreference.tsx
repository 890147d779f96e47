import { fetchMyStudents } from '../api/people';
import { minorConsentRule } from '../ui/consent-scope';
import { useRemote } from '../ui/useRemote';
import { RecordingPreferenceToggle } from './RecordingPreferenceToggle';
import { RemoteFailure } from './RemoteFailure';

/**
 * A student's own standing preference; a minor's is their guardian's to set, and the page says how their
 * consent counts in the words the call uses.
 */
export function OwnRecordingPreference() {
  const mine = useRemote(fetchMyStudents);
  const { state } = mine;
  const own = state.kind === 'ready' ? state.data.students[0] : undefined;
  return (
    <section className="card" aria-labelledby="own-preference-heading">
      <h2 id="own-preference-heading">Recording</h2>
      {state.kind === 'loading' && <p className="muted">Loading…</p>}
      {state.kind === 'failed' && (
        <RemoteFailure error={state.error} what="your details" onRetry={mine.reload} />
      )}
      {state.kind === 'ready' && !own && (
        <p className="muted">Your enrolment could not be found. Ask your tutor.</p>
      )}
      {own?.minor && (
        <>
          <p>{minorConsentRule}</p>
          <p>
            {own.doNotRecord
              ? 'Your parent or guardian has asked for your sessions never to be recorded.'
              : 'Your parent or guardian can also ask for your sessions never to be recorded.'}
          </p>
        </>
      )}
      {own && !own.minor && (
        <RecordingPreferenceToggle
          student={own}
          label="Do not record my sessions"
          onSaved={(student) => mine.replace({ students: [student] })}
        />
      )}
    </section>
  );
}
