import { useEffect } from 'react';
import { ApiError } from '../api/client';
import { describeFailure } from '../api/failure-words';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useAccountStore } from './account-store';

/**
 * A section's content that could not be loaded, in plain words, with Retry when it can help. A refusal
 * because the session cookie has ended signs the page out, so the person lands on Sign in.
 */
export function RemoteFailure({
  error,
  what,
  onRetry,
}: {
  error: unknown;
  what: string;
  onRetry: () => void;
}) {
  const signedOut = useAccountStore((s) => s.signedOut);
  const expired = error instanceof ApiError && error.code === 'unauthorized';
  useEffect(() => {
    if (expired) signedOut('You were signed out. Please sign in again.');
  }, [expired, signedOut]);

  const failure = describeFailure(error);
  return (
    <ErrorAlert
      title={`Couldn't load ${what}`}
      actions={
        failure.retryable && (
          <button type="button" className="button button--secondary" onClick={onRetry}>
            Retry
          </button>
        )
      }
    >
      <p>
        {failure.title}. {failure.detail}
      </p>
    </ErrorAlert>
  );
}
