import { useAssentStore } from '../store';
import { isRequestActive, selectStatus } from '../store/consent-selectors';
import { useCallSession } from './call-session';

/**
 * One click stops the recording for everyone (rule 4): no confirmation step, since consenting has none.
 * Shown to everyone while a request is active, whatever they answered.
 */
export function WithdrawConsentButton() {
  const { commands } = useCallSession();
  const active = useAssentStore((s) => isRequestActive(selectStatus(s)));
  const withdrawing = useAssentStore(
    (s) => s.withdrawal.kind === 'sending' || s.withdrawal.kind === 'media-off',
  );
  if (!active) return null;
  return (
    <button
      type="button"
      className="lk-button withdraw-button"
      aria-busy={withdrawing}
      onClick={(event) => commands.withdraw(event.timeStamp)}
    >
      Withdraw consent
    </button>
  );
}
