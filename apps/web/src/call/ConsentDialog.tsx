import { sharedScreensRecorded } from '@assent/shared';
import { useAssentStore } from '../store';
import { selectShouldAskConsent } from '../store/consent-selectors';
import { ConsentScopeNote } from '../ui/ConsentScopeNote';
import { RequestFacts } from '../ui/RequestFacts';
import { CallDialog } from './CallDialog';
import { useCallSession } from './call-session';

/**
 * The consent prompt, in front of everyone who has not answered the current request, the tutor who
 * asked included. It goes away only when answered (or when the request ends); Leave stays reachable.
 */
export function ConsentDialog() {
  const shouldAsk = useAssentStore(selectShouldAskConsent);
  const request = useAssentStore((s) => s.recording?.request);
  // Keyed by request: a new request is a new question, focused afresh.
  if (!shouldAsk || !request) return null;
  return <ConsentQuestion key={request.requestId} />;
}

function ConsentQuestion() {
  const { role, consentScope, commands } = useCallSession();
  const request = useAssentStore((s) => s.recording?.request);
  const consenting = useAssentStore((s) => Boolean(s.pendingCommands.consent));
  const declining = useAssentStore((s) => Boolean(s.pendingCommands.decline));
  const error = useAssentStore((s) => s.commandError);
  if (!request) return null;
  const busy = consenting || declining;
  const answerError = error && (error.kind === 'consent' || error.kind === 'decline') ? error.message : null;

  return (
    <CallDialog title="Recording consent" className="consent-dialog">
      <p className="consent-dialog__lead">
        {role === 'tutor'
          ? 'You asked to record this session. Asking is not consenting: answer like everyone else.'
          : 'Your tutor asks to record this session.'}{' '}
        It is recorded only if everyone in the call consents.
      </p>
      <RequestFacts request={request} />
      <p className="consent-dialog__notice">{request.noticeText}</p>
      <p>{sharedScreensRecorded}</p>
      <ConsentScopeNote scope={consentScope} />
      <p>
        If you consent, you can stop the recording at any moment with <strong>Withdraw consent</strong>. If
        you do not consent, nothing is recorded. A yes lasts while you stay in the call: if you leave, reload
        the page or lose the connection for good, recording stops and you are asked again when you are back.
      </p>
      {answerError && (
        <p className="consent-dialog__error" role="alert">
          {answerError}
        </p>
      )}
      <div className="consent-dialog__answers">
        <button
          type="button"
          className="button button--answer"
          disabled={busy}
          aria-busy={consenting}
          onClick={() => void commands.answer('consent')}
        >
          I consent
        </button>
        <button
          type="button"
          className="button button--answer"
          disabled={busy}
          aria-busy={declining}
          onClick={() => void commands.answer('decline')}
        >
          I do not consent
        </button>
      </div>
    </CallDialog>
  );
}
