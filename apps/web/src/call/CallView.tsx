import type { InvitePreview, JoinResponse } from '@assent/shared';
import { useCallback, useEffect, useState } from 'react';
import { describeFailure } from '../api/failure-words';
import { joinSession } from '../api/sessions';
import type { DeviceChoices } from '../devices/device-choices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PageFrame } from '../ui/PageFrame';
import { AfterCall } from './AfterCall';
import { CallRoom } from './CallRoom';
import { type CallEnding, endingOf } from './call-ended';
import { MinorsInCall } from './GuardianNotice';

type CallPhase =
  | { kind: 'joining' }
  | { kind: 'in-call'; join: JoinResponse }
  | { kind: 'join-failed'; error: unknown }
  | { kind: 'connection-failed' }
  | { kind: 'over'; ending: CallEnding };

interface CallViewProps {
  inviteToken: string;
  /** A request consented to on the join page, to send once in the call (see CallRoom). */
  consentOnArrival?: string;
  preview: InvitePreview;
  choices: DeviceChoices;
}

/** The call page: fetch a LiveKit token for the invite, run the call, offer Retry or Rejoin after. */
export default function CallView({ inviteToken, consentOnArrival, preview, choices }: CallViewProps) {
  const [phase, setPhase] = useState<CallPhase>({ kind: 'joining' });
  // Each attempt fetches a fresh token: LiveKit checks a token's expiry when connecting.
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the Retry/Rejoin trigger.
  useEffect(() => {
    let cancelled = false;
    setPhase({ kind: 'joining' });
    joinSession(inviteToken).then(
      (join) => !cancelled && setPhase({ kind: 'in-call', join }),
      (error: unknown) => !cancelled && setPhase({ kind: 'join-failed', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [inviteToken, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const onLeft = useCallback(() => setPhase({ kind: 'over', ending: 'left' }), []);
  // The tutor ending the session or removing this person is an end, not a failure to retry.
  const onConnectionFailed = useCallback((error: Error) => {
    const ending = endingOf(error);
    setPhase(ending ? { kind: 'over', ending } : { kind: 'connection-failed' });
  }, []);

  if (phase.kind === 'in-call') {
    return (
      // The host's call warns them while a child has no guardian there (see GuardianNotice).
      <MinorsInCall minors={phase.join.minors}>
        <CallRoom
          key={attempt}
          inviteToken={inviteToken}
          join={phase.join}
          consentOnArrival={consentOnArrival}
          choices={choices}
          onLeft={onLeft}
          onConnectionFailed={onConnectionFailed}
        />
      </MinorsInCall>
    );
  }

  return (
    <PageFrame>
      {phase.kind === 'joining' && (
        <p className="card muted" aria-busy="true">
          Joining “{preview.sessionTitle}”…
        </p>
      )}
      {phase.kind === 'join-failed' && <JoinFailure error={phase.error} onRetry={retry} />}
      {phase.kind === 'connection-failed' && (
        <ErrorAlert title="Can't connect to the call" focusOnMount actions={<RetryButton onClick={retry} />}>
          <p>
            The connection to the video call failed or was lost. Check your internet connection, then try
            again.
          </p>
        </ErrorAlert>
      )}
      {phase.kind === 'over' && (
        <AfterCall
          ending={phase.ending}
          title={preview.sessionTitle}
          inviteToken={inviteToken}
          onRejoin={retry}
        />
      )}
    </PageFrame>
  );
}

function RetryButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="button button--secondary" onClick={onClick}>
      Retry
    </button>
  );
}

function JoinFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const failure = describeFailure(error, 'invite');
  return (
    <ErrorAlert
      title={failure.title}
      focusOnMount
      actions={failure.retryable && <RetryButton onClick={onRetry} />}
    >
      <p>{failure.detail}</p>
    </ErrorAlert>
  );
}
