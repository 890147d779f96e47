import { useAssentStore } from '../store';
import { selectMyDecision } from '../store/consent-selectors';
import { askAgainClock, askAgainIn, useAskAgainAt } from './ask-again';
import { useCallSession } from './call-session';

/**
 * Told to the person who said no (and only them: it follows their own decision, which the server sends
 * to them alone): when the tutor may ask again, and that nobody else in the call learns it was them.
 */
export function AskAgainNotice() {
  const { role } = useCallSession();
  const decision = useAssentStore(selectMyDecision);
  const askAgainAt = useAskAgainAt();
  const saidNo = decision === 'declined' || decision === 'withdrawn';
  if (role === 'tutor' || !saidNo || !askAgainAt) return null;
  return (
    <p className="call__notice ask-again-notice" role="status">
      You said no. The tutor cannot ask again until {askAgainClock(askAgainAt)} (
      {askAgainIn(askAgainAt, Date.now())}), and nobody else in the call is told it was you.
    </p>
  );
}
