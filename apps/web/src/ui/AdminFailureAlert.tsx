import { signInPath } from '../router';
import { AppLink } from './AppLink';
import { describeAdminFailure } from './admin-failure';
import { ErrorAlert } from './ErrorAlert';

interface AdminFailureAlertProps {
  error: unknown;
  /** The admin page to come back to after signing in. */
  returnTo: string;
  onRetry?: (() => void) | undefined;
}

/** A failed load or save on an admin page, in plain words, with the way out that fits. */
export function AdminFailureAlert({ error, returnTo, onRetry }: AdminFailureAlertProps) {
  const failure = describeAdminFailure(error);
  const actions = failure.signIn ? (
    <AppLink className="button button--primary" href={signInPath(returnTo)}>
      Sign in
    </AppLink>
  ) : failure.retryable && onRetry ? (
    <button type="button" className="button button--secondary" onClick={onRetry}>
      Try again
    </button>
  ) : undefined;
  return (
    <ErrorAlert title={failure.title} actions={actions}>
      <p>{failure.detail}</p>
    </ErrorAlert>
  );
}
