import { useState } from 'react';
import { useAssentStore } from '../store';
import { isRequestActive, selectStatus } from '../store/consent-selectors';
import { askAgainClock, askAgainIn, useAskAgainAt } from './ask-again';
import { ConsentRecordDialog, RequestRecordingDialog } from './call-dialogs';
import { useCallSession } from './call-session';

/** Next to the banner: the consent record for everyone; asking for and cancelling a recording for the tutor. */
export function RecordingActions() {
  const { role, commands } = useCallSession();
  const active = useAssentStore((s) => isRequestActive(selectStatus(s)));
  const cancelling = useAssentStore((s) => Boolean(s.pendingCommands.cancel));
  const [open, setOpen] = useState<'request' | 'record' | null>(null);
  const close = () => setOpen(null);
  const isTutor = role === 'tutor';
  const askAgainAt = useAskAgainAt();

  return (
    <div className="recording-actions">
      {isTutor && !active && !askAgainAt && (
        <button type="button" className="lk-button" onClick={() => setOpen('request')}>
          Request recording
        </button>
      )}
      {isTutor && !active && askAgainAt && (
        <button type="button" className="lk-button" disabled aria-describedby="ask-again-why">
          Request recording again at {askAgainClock(askAgainAt)}
        </button>
      )}
      {isTutor && !active && askAgainAt && (
        <p id="ask-again-why" className="recording-actions__hint">
          Someone said no. You can ask again {askAgainIn(askAgainAt, Date.now())}, so nobody feels pressed.
        </p>
      )}
      {isTutor && active && (
        <button
          type="button"
          className="lk-button"
          disabled={cancelling}
          onClick={() => void commands.answer('cancel')}
        >
          Cancel request
        </button>
      )}
      <button type="button" className="lk-button" onClick={() => setOpen('record')}>
        Consent record
      </button>
      {open === 'request' && !active && !askAgainAt && <RequestRecordingDialog onClose={close} />}
      {open === 'record' && <ConsentRecordDialog onClose={close} />}
    </div>
  );
}
