import { useAssentStore } from '../store';

/** A failed Request or Cancel, said where the tutor looks; answers show theirs in the consent dialog. */
export function CommandFailure() {
  const error = useAssentStore((s) => s.commandError);
  const setCommandError = useAssentStore((s) => s.setCommandError);
  if (error?.kind !== 'cancel') return null;
  return (
    <div className="call__notice" role="alert">
      Could not cancel the request: {error.message}{' '}
      <button type="button" className="lk-button" onClick={() => setCommandError(null)}>
        Dismiss
      </button>
    </div>
  );
}
