import { type InvitePreview, type RecordingRequestInfo, sharedScreensRecorded } from '@assent/shared';
import type { RecordingStateResponse } from '../api/consent';
import { mayBeCapturing } from '../store/consent-selectors';
import { ConsentScopeNote } from '../ui/ConsentScopeNote';
import { RequestFacts } from '../ui/RequestFacts';

/** Where the person's consent given on this page stands. */
export type JoinConsent =
  | { kind: 'none' }
  | { kind: 'sending' }
  | { kind: 'given' }
  /** The server takes answers only from people in the call: it is sent as they join. */
  | { kind: 'on-arrival'; requestId: string }
  | { kind: 'failed'; message: string };

interface RecordingNoticeProps {
  preview: InvitePreview;
  /** The live state, when the server could give it; otherwise the preview's on/off says enough. */
  recording: RecordingStateResponse | undefined;
  consent: JoinConsent;
  onConsent: (request: RecordingRequestInfo) => void;
}

/** The versioned notice text and whether a recording is running or asked for right now (rule 5). */
export function RecordingNotice({ preview, recording, consent, onConsent }: RecordingNoticeProps) {
  const status = recording?.state.status;
  const request = recording?.state.request;
  const asking = request?.open === true && request;
  const on = recording ? mayBeCapturing(status) : preview.recording.active;
  // Rule 5: a yes lasts one presence. A yes on record from an earlier visit (a page that crashed or was
  // reloaded, still present until LiveKit notices) ends as this page joins: only a yes given here counts.
  const answered = consent.kind === 'given';

  let headline = on ? 'Recording is on now' : 'Recording is off';
  if (asking && !on) headline = 'A recording has been requested';

  return (
    <section className="notice" aria-labelledby="recording-notice-heading">
      <h2 id="recording-notice-heading">Recording notice</h2>
      <p className={`notice__state notice__state--${on ? 'on' : asking ? 'asked' : 'off'}`}>
        <span className="notice__dot" aria-hidden="true" />
        {headline}
      </p>
      {asking && (
        <div className="notice__request">
          <RequestFacts request={request} />
          <p className="notice__text">{request.noticeText}</p>
          <p>{sharedScreensRecorded}</p>
          {on ? (
            <p>
              It stops when you join, and starts again only if you consent. You can consent now, or join
              without consenting and decide in the call.
            </p>
          ) : (
            <p>
              It starts only once everyone in the call consents. You can consent now, or join without
              consenting and decide in the call.
            </p>
          )}
          <ConsentScopeNote scope={preview} />
          <ConsentOnJoin
            consent={consent}
            answered={answered}
            decision={recording?.myDecision}
            onConsent={() => onConsent(request)}
          />
        </div>
      )}
      {!asking && on && <p>It stops when you join, and starts again only if you agree.</p>}
      {!asking && <p className="notice__text">{preview.notice.text}</p>}
      {preview.chatKeptDays !== undefined && (
        <p className="notice__chat">
          The call’s chat is kept with the session whether or not it is recorded, for{' '}
          {preview.chatKeptDays === 1 ? '1 day' : `${preview.chatKeptDays} days`} after its last message.
        </p>
      )}
      {preview.talkTimeNotice !== undefined && <p className="notice__talk">{preview.talkTimeNotice}</p>}
      {!asking && <p>{sharedScreensRecorded}</p>}
      {!asking && (
        <p>
          <a href="/policy" target="_blank" rel="noopener">
            Read the recording policy
          </a>{' '}
          (opens in a new tab): why sessions may be recorded, for how long, who can watch, and how to contact
          the organisation.
        </p>
      )}
      {!asking && <ConsentScopeNote scope={preview} />}
    </section>
  );
}

function ConsentOnJoin({
  consent,
  answered,
  decision,
  onConsent,
}: {
  consent: JoinConsent;
  answered: boolean;
  decision: RecordingStateResponse['myDecision'] | undefined;
  onConsent: () => void;
}) {
  if (answered) {
    return (
      <p className="notice__answer">
        You consented to this recording. It counts from when you join until you leave the call; you can
        withdraw at any time in the call.
      </p>
    );
  }
  if (decision === 'declined' || decision === 'withdrawn') {
    return <p className="notice__answer">You said no to this recording. It stays off.</p>;
  }
  if (consent.kind === 'on-arrival') {
    return (
      <p className="notice__answer">
        Your consent will be sent as you join. You can withdraw at any time in the call.
      </p>
    );
  }
  return (
    <>
      {decision === 'consented' && (
        <p className="notice__answer">
          Your earlier consent was for the time you were in the call before. It ends as you join again, so you
          are asked again.
        </p>
      )}
      {consent.kind === 'failed' && (
        <p className="field__error" role="alert">
          Your consent was not sent: {consent.message}
        </p>
      )}
      <div className="actions actions--tight">
        <button
          type="button"
          className="button button--secondary"
          disabled={consent.kind === 'sending'}
          onClick={onConsent}
        >
          I consent
        </button>
      </div>
    </>
  );
}
