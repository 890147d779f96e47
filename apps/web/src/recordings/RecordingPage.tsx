import '../styles/recordings.css';
import type { RecordingDetail } from '@assent/shared';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { fetchRecording } from '../api/recordings';
import { RemoteFailure } from '../people/RemoteFailure';
import { RequestDeletion } from '../rights/deletion/RequestDeletion';
import { AppLink } from '../ui/AppLink';
import { formatDate } from '../ui/format';
import { PageHeading } from '../ui/PageHeading';
import { PageLoading } from '../ui/PageLoading';
import { usePageTitle } from '../ui/usePageTitle';
import { useRemote } from '../ui/useRemote';
import { RecordingConsents } from './RecordingConsents';
import { RecordingPlayer, type SeekRequest } from './RecordingPlayer';
import { RecordedWhen } from './RecordingsTable';
import { accessInWords, recordingAuditPath } from './recording-words';
import { TranscriptPanel } from './TranscriptPanel';

interface RecordingPageProps {
  recordingId: string;
  /** Admins get a link to the audit log's entries for this recording. */
  showAccessLog: boolean;
}

/** `/recordings/:id`: one recording, its player, and the consents it was recorded under. */
export function RecordingPage({ recordingId, showAccessLog }: RecordingPageProps) {
  const { state, reload } = useRemote(() => fetchRecording(recordingId));
  const [seek, setSeek] = useState<SeekRequest | null>(null);
  usePageTitle(state.kind === 'ready' ? state.data.sessionTitle : 'Recording');

  if (state.kind === 'loading') return <PageLoading />;
  if (state.kind === 'failed') {
    // The server answers the same for a recording that is gone and one the caller may not watch.
    if (state.error instanceof ApiError && state.error.status === 404) return <RecordingUnavailable />;
    return (
      <section className="card" aria-label="Recording">
        <RemoteFailure error={state.error} what="this recording" onRetry={reload} />
      </section>
    );
  }
  const recording = state.data;
  return (
    <div className="stack recordings recordings--wide">
      <section className="card" aria-labelledby="recording-heading">
        <p className="recordings__back">
          <AppLink href="/recordings">All recordings</AppLink>
        </p>
        <PageHeading id="recording-heading">{recording.sessionTitle}</PageHeading>
        <RecordingFacts recording={recording} />
        <div className="recording-watch recording-watch--with-transcript">
          <RecordingPlayer recordingId={recording.id} sessionTitle={recording.sessionTitle} seek={seek} />
          <TranscriptPanel
            recordingId={recording.id}
            onSeek={(at) => setSeek((last) => ({ at, n: (last?.n ?? 0) + 1 }))}
          />
        </div>
        {showAccessLog && (
          <p className="recordings__access-log">
            <AppLink href={recordingAuditPath(recording.id)}>Access log for this recording</AppLink>
          </p>
        )}
        {mayAskForDeletion(recording) && <RequestDeletion recordingId={recording.id} />}
      </section>
      <section className="card" aria-labelledby="consents-heading">
        <h2 id="consents-heading">Recorded under these consents</h2>
        <RecordingConsents recording={recording} />
      </section>
    </div>
  );
}

/**
 * People who were in the session (and tutors of their own sessions) may ask for early deletion; staff
 * watching by their role were not there. The server decides who may, this only spares others the button.
 */
const mayAskForDeletion = (recording: RecordingDetail) =>
  recording.access === 'attended' || recording.access === 'own_session';

function RecordingFacts({ recording }: { recording: RecordingDetail }) {
  return (
    <dl className="recording-facts">
      <div>
        <dt>Purpose</dt>
        <dd>{recording.purposeLabel}</dd>
      </div>
      <div>
        <dt>Recorded</dt>
        <dd>
          <RecordedWhen recording={recording} />
        </dd>
      </div>
      <div>
        <dt>Kept until</dt>
        <dd>
          {recording.onHold
            ? 'On hold: a report about this session is open'
            : formatDate(recording.retainUntil)}
        </dd>
      </div>
      {recording.playableUntil && (
        <div>
          <dt>You can watch until</dt>
          <dd>{formatDate(recording.playableUntil)}</dd>
        </div>
      )}
      <div>
        <dt>Why you can see it</dt>
        <dd>{accessInWords(recording)}</dd>
      </div>
    </dl>
  );
}

function RecordingUnavailable() {
  return (
    <section className="card" aria-labelledby="recording-unavailable">
      <PageHeading id="recording-unavailable">
        This recording does not exist or you may not watch it
      </PageHeading>
      <p>It may have been destroyed when its retention period ended, or your time to watch it may be over.</p>
      <div className="actions">
        <AppLink className="button button--secondary" href="/recordings">
          Go to your recordings
        </AppLink>
      </div>
    </section>
  );
}
