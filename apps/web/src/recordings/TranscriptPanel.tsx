import type { RecordingTranscript, TranscriptStatus } from '@assent/shared';
import { useId, useState } from 'react';
import { ApiError } from '../api/client';
import { fetchTranscript } from '../api/insights';
import { clockOf } from '../insights/talk-words';
import { RemoteFailure } from '../people/RemoteFailure';
import { markMatches, matchingLines } from './transcript-search';
import './transcript.css';

type Reading =
  | { kind: 'closed' }
  | { kind: 'loading' }
  | { kind: 'ready'; transcript: RecordingTranscript }
  | { kind: 'unavailable' }
  | { kind: 'failed'; error: unknown };

const statusWords: Readonly<Record<Exclude<TranscriptStatus, 'ready'>, string>> = {
  none: 'There is no transcript of this recording: transcripts were off in the policy when it was made.',
  queued: 'The transcript is queued. It is made on this server after the recording is stored.',
  running: 'The transcript is being made on this server now.',
  failed: 'The transcript could not be made.',
  destroyed:
    'The transcript has been destroyed: its retention period ended, or it was deleted with the recording’s consent.',
};

/**
 * A recording's transcript beside its player. Reading it is asked for (each reading is audited, as a view
 * is); then the lines with who spoke them, a search that narrows and marks them, and a click on a line
 * that plays the recording from there.
 */
export function TranscriptPanel({
  recordingId,
  onSeek,
}: {
  recordingId: string;
  onSeek: (seconds: number) => void;
}) {
  const [reading, setReading] = useState<Reading>({ kind: 'closed' });
  const load = () => {
    setReading({ kind: 'loading' });
    fetchTranscript(recordingId).then(
      (transcript) => setReading({ kind: 'ready', transcript }),
      (error: unknown) =>
        setReading(
          error instanceof ApiError && error.status === 404
            ? { kind: 'unavailable' }
            : { kind: 'failed', error },
        ),
    );
  };
  return (
    <section className="transcript" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">Transcript</h2>
      {reading.kind === 'closed' || reading.kind === 'loading' ? (
        <>
          <p className="muted">
            Made on this server from the recording. Each reading is recorded in the audit log with your name.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={load}
              disabled={reading.kind === 'loading'}
              aria-busy={reading.kind === 'loading'}
            >
              Show transcript
            </button>
          </div>
        </>
      ) : reading.kind === 'unavailable' ? (
        <p>There is no transcript of this recording.</p>
      ) : reading.kind === 'failed' ? (
        <RemoteFailure error={reading.error} what="the transcript" onRetry={load} />
      ) : reading.transcript.status !== 'ready' ? (
        <>
          <p role="status">{statusWords[reading.transcript.status]}</p>
          {(reading.transcript.status === 'queued' || reading.transcript.status === 'running') && (
            <div className="actions">
              <button type="button" className="button button--secondary" onClick={load}>
                Check again
              </button>
            </div>
          )}
        </>
      ) : (
        <TranscriptLines transcript={reading.transcript} onSeek={onSeek} />
      )}
    </section>
  );
}

function TranscriptLines({
  transcript,
  onSeek,
}: {
  transcript: RecordingTranscript;
  onSeek: (seconds: number) => void;
}) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const shown = matchingLines(transcript.lines, query);
  const searching = query.trim() !== '';
  if (transcript.lines.length === 0)
    return <p>The transcript is ready, but nothing was said in the recording.</p>;
  return (
    <>
      <div className="field transcript__search">
        <label htmlFor={searchId}>Search transcript</label>
        <input id={searchId} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p className="muted" role="status">
        {searching
          ? `${shown.length} of ${transcript.lines.length} lines contain “${query.trim()}”.`
          : `${transcript.lines.length} lines. Choose a line to play the recording from there.`}
      </p>
      <ol className="transcript__lines" aria-label="Transcript lines">
        {shown.map((line) => (
          <li key={`${line.start}-${line.end}`} className="transcript__line">
            <button type="button" className="transcript__seek" onClick={() => onSeek(line.start)}>
              <span className="transcript__time">{clockOf(line.start)}</span>
              <span className="transcript__text">
                <span className="transcript__speaker">
                  {line.speaker ? line.speaker.name : 'Speaker not measured'}:
                </span>{' '}
                {markMatches(line.text, query).map((part, index) =>
                  part.match ? (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line, in order.
                    <mark key={index}>{part.text}</mark>
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line, in order.
                    <span key={index}>{part.text}</span>
                  ),
                )}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </>
  );
}
