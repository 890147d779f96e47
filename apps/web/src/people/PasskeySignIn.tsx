import { type FailureMessage, failureWords } from '../api/failure-words';
import { describePasskeyFailure, passkeysUnavailableHere } from './passkey-failure';

interface PasskeySignInProps {
  busy: boolean;
  onStart: () => void;
  onSignedIn: () => void;
  onFailed: (failure: FailureMessage) => void;
}

const loadAuthClient = () => import('./auth-client');

/** "Sign in with a passkey": better-auth's client is fetched on the way to the click, not before. */
export function PasskeySignIn({ busy, onStart, onSignedIn, onFailed }: PasskeySignInProps) {
  const signIn = async () => {
    const unavailable = passkeysUnavailableHere();
    if (unavailable) {
      onFailed({ title: "Passkeys can't be used here", detail: unavailable, retryable: false });
      return;
    }
    onStart();
    try {
      const { authClient } = await loadAuthClient();
      const result = await authClient.signIn.passkey();
      if (result.error) onFailed(describePasskeyFailure(result.error, 'sign-in'));
      else onSignedIn();
    } catch {
      onFailed(failureWords.unreachable);
    }
  };

  return (
    <div className="passkey">
      <p className="passkey__or" aria-hidden="true">
        or
      </p>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onPointerEnter={() => void loadAuthClient()}
        onFocus={() => void loadAuthClient()}
        onClick={signIn}
      >
        Sign in with a passkey
      </button>
    </div>
  );
}
