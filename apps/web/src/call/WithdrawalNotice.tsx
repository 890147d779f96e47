import { useState } from 'react';
import { useAssentStore } from '../store';
import { selectMyDecision } from '../store/consent-selectors';
import { useCallSession } from './call-session';

/** Where this person's own withdrawal stands: media cut while unconfirmed, then what happens next. */
export function WithdrawalNotice() {
  const withdrawal = useAssentStore((s) => s.withdrawal);
  const { commands } = useCallSession();

  switch (withdrawal.kind) {
    case 'idle':
    case 'sending':
      return null;
    case 'media-off':
      return (
        <div className="call__notice call__notice--urgent" role="alert">
          Your camera and microphone are off until your withdrawal is confirmed. Trying again…
        </div>
      );
    case 'refused':
      return (
        <div className="call__notice call__notice--urgent" role="alert">
          <p>
            Your withdrawal was not accepted: {withdrawal.message} Your camera and microphone stay off. Leave
            the call if you do not want to be recorded.
          </p>
          <button type="button" className="lk-button" onClick={commands.withdraw}>
            Try again
          </button>
        </div>
      );
    case 'confirmed':
      return <WithdrawalDone />;
  }
}

function WithdrawalDone() {
  const decision = useAssentStore(selectMyDecision);
  const setWithdrawal = useAssentStore((s) => s.setWithdrawal);
  const [deletionAsked, setDeletionAsked] = useState(false);
  const dismiss = () => setWithdrawal({ kind: 'idle' });

  return (
    <div className="call__notice call__notice--panel withdrawal-done">
      <p className="withdrawal-done__title">
        {decision === 'declined'
          ? 'You said no to recording. Nothing is recorded.'
          : 'You withdrew your consent. Recording has stopped for everyone.'}
      </p>
      {decision !== 'declined' &&
        (deletionAsked ? (
          // Deletion requests go to the organisation's admin; the API route for them is not there yet.
          <p>
            Your organisation's admin decides deletion requests. Sending one from the call is not available
            yet, so please ask your admin to delete this session's recordings.
          </p>
        ) : (
          <p>
            What was recorded before you withdrew is kept under your organisation's rules. You can ask for it
            to be deleted.
          </p>
        ))}
      <div className="withdrawal-done__actions">
        {decision !== 'declined' && !deletionAsked && (
          <button type="button" className="lk-button" onClick={() => setDeletionAsked(true)}>
            Request deletion of this session's recordings
          </button>
        )}
        <button type="button" className="lk-button" onClick={dismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
