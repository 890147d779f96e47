import { useState } from 'react';
import { requestSessionDeletion } from '../api/consent';
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
          <button type="button" className="lk-button" onClick={(event) => commands.withdraw(event.timeStamp)}>
            Try again
          </button>
        </div>
      );
    case 'confirmed':
      return <WithdrawalDone />;
  }
}

type DeletionAsk = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent'; at: string } | { kind: 'failed' };

function WithdrawalDone() {
  const decision = useAssentStore(selectMyDecision);
  const rule = useAssentStore((s) => s.recording?.request?.withdrawalRule);
  const setWithdrawal = useAssentStore((s) => s.setWithdrawal);
  const { inviteToken } = useCallSession();
  const [ask, setAsk] = useState<DeletionAsk>({ kind: 'idle' });
  const dismiss = () => setWithdrawal({ kind: 'idle' });
  const withdrew = decision !== 'declined';
  const offerDeletion = withdrew && rule !== 'erase';

  async function requestDeletion() {
    setAsk({ kind: 'sending' });
    try {
      const receipt = await requestSessionDeletion(inviteToken);
      setAsk({ kind: 'sent', at: receipt.receivedAt });
    } catch {
      setAsk({ kind: 'failed' });
    }
  }

  return (
    <div className="call__notice call__notice--panel withdrawal-done">
      <p className="withdrawal-done__title">
        {withdrew
          ? 'You withdrew your consent. Recording has stopped for everyone.'
          : 'You said no to recording. Nothing is recorded.'}
      </p>
      {withdrew && rule === 'erase' && (
        <p>
          Your organisation erases this session's recordings when anyone withdraws: they are being destroyed
          now.
        </p>
      )}
      {offerDeletion && ask.kind === 'idle' && (
        <p>
          What was recorded before you withdrew is kept under your organisation's rules. You can ask for it to
          be deleted.
        </p>
      )}
      {offerDeletion && ask.kind === 'sent' && (
        <p role="status">
          Your deletion request was received ({new Date(ask.at).toLocaleString()}). An administrator decides
          it and you will be told the outcome.
        </p>
      )}
      {offerDeletion && ask.kind === 'failed' && (
        <p role="alert">Your deletion request could not be sent. Please try again.</p>
      )}
      <div className="withdrawal-done__actions">
        {offerDeletion && ask.kind !== 'sent' && (
          <button
            type="button"
            className="lk-button"
            aria-busy={ask.kind === 'sending'}
            disabled={ask.kind === 'sending'}
            onClick={() => void requestDeletion()}
          >
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
