import { type InvitePreview, type RecordingRequestInfo, seatRoleLabels } from '@assent/shared';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import {
  answerRecordingRequest,
  fetchRecordingState,
  newClientRequestId,
  type RecordingStateResponse,
} from '../api/consent';
import { describeFailure } from '../api/failure-words';
import { fetchInvitePreview } from '../api/sessions';
import { type DeviceChoices, defaultDeviceChoices } from '../devices/device-choices';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PageFrame } from '../ui/PageFrame';
import { JoinReportStatus } from './JoinReportStatus';
import { JoinResearchSharing } from './JoinResearchSharing';
import { type JoinConsent, RecordingNotice } from './RecordingNotice';

// LiveKit is heavy: the preview loads it after the page is up, the call only once Join is clicked.
const DevicePreview = lazy(() => import('../devices/DevicePreview'));
const loadCall = () => import('../call/CallView');
const CallView = lazy(loadCall);
/** The call and the schema it reads room metadata with, fetched together rather than one after the other. */
const prefetchCall = () => {
  void loadCall();
  void import('../call/room-state-schema');
};

type InviteState =
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; preview: InvitePreview };

/** `/join/{token}`: who you are, the recording notice, a device check, then the call itself. */
export function JoinPage({ inviteToken }: { inviteToken: string }) {
  const [invite, setInvite] = useState<InviteState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [choices, setChoices] = useState<DeviceChoices>(defaultDeviceChoices);
  const [inCall, setInCall] = useState(false);
  const [recording, setRecording] = useState<RecordingStateResponse | undefined>(undefined);
  const [consent, setConsent] = useState<JoinConsent>({ kind: 'none' });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the Retry trigger.
  useEffect(() => {
    let cancelled = false;
    setInvite({ kind: 'loading' });
    fetchInvitePreview(inviteToken).then(
      (preview) => {
        if (cancelled) return;
        // An observer comes in to watch: camera and microphone off unless they turn them on.
        if (preview.role === 'observer')
          setChoices((c) => ({ ...c, audioEnabled: false, videoEnabled: false }));
        setInvite({ kind: 'ready', preview });
      },
      (error: unknown) => !cancelled && setInvite({ kind: 'failed', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [inviteToken, attempt]);

  // Whether recording is on or asked for now (rule 5). Without an answer the invite preview says on/off.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the Retry trigger.
  useEffect(() => {
    let cancelled = false;
    fetchRecordingState(inviteToken).then(
      (state) => !cancelled && setRecording(state),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [inviteToken, attempt]);

  const consentBeforeJoining = useCallback(
    (request: RecordingRequestInfo) => {
      setConsent({ kind: 'sending' });
      const body = { clientRequestId: newClientRequestId(), requestId: request.requestId };
      answerRecordingRequest(inviteToken, 'consent', body).then(
        (response) => {
          setRecording(response);
          setConsent({ kind: 'given' });
        },
        (error: unknown) => {
          if (error instanceof ApiError && error.code === 'not_in_call') {
            setConsent({ kind: 'on-arrival', requestId: request.requestId });
          } else {
            const message = error instanceof Error ? error.message : 'Please try again.';
            setConsent({ kind: 'failed', message });
          }
        },
      );
    },
    [inviteToken],
  );

  useEffect(() => {
    if (invite.kind === 'ready') document.title = `${invite.preview.sessionTitle} · Assent`;
  }, [invite]);

  const onChoicesChange = useCallback(
    (patch: Partial<DeviceChoices>) => setChoices((c) => ({ ...c, ...patch })),
    [],
  );

  if (inCall && invite.kind === 'ready') {
    return (
      <Suspense fallback={<p className="call-loading">Opening the call…</p>}>
        <CallView
          inviteToken={inviteToken}
          consentOnArrival={consent.kind === 'on-arrival' ? consent.requestId : undefined}
          preview={invite.preview}
          choices={choices}
        />
      </Suspense>
    );
  }

  return (
    <PageFrame>
      {invite.kind === 'loading' && (
        <p className="card muted" aria-busy="true">
          Loading your invite…
        </p>
      )}
      {invite.kind === 'failed' && (
        <InviteFailure error={invite.error} onRetry={() => setAttempt((n) => n + 1)} />
      )}
      {invite.kind === 'ready' && (
        <article className="card join" aria-labelledby="session-title">
          <h1 id="session-title">{invite.preview.sessionTitle}</h1>
          <p className="join__who">
            You're joining as {invite.preview.name} · {seatRoleLabels[invite.preview.role]}
          </p>
          <RecordingNotice
            preview={invite.preview}
            recording={recording}
            consent={consent}
            onConsent={consentBeforeJoining}
          />
          <Suspense fallback={<div className="preview preview--loading">Starting camera preview…</div>}>
            <DevicePreview choices={choices} onChange={onChoicesChange} />
          </Suspense>
          <div className="actions">
            <button
              type="button"
              className="button button--primary button--large"
              onPointerEnter={prefetchCall}
              onFocus={prefetchCall}
              onClick={() => setInCall(true)}
            >
              Join session
            </button>
          </div>
          <JoinResearchSharing inviteToken={inviteToken} />
          <JoinReportStatus inviteToken={inviteToken} />
        </article>
      )}
    </PageFrame>
  );
}

function InviteFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const failure = describeFailure(error, 'invite');
  return (
    <ErrorAlert
      title={failure.title}
      focusOnMount
      actions={
        failure.retryable && (
          <button type="button" className="button button--secondary" onClick={onRetry}>
            Retry
          </button>
        )
      }
    >
      <p>{failure.detail}</p>
    </ErrorAlert>
  );
}
