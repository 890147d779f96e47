import { ApiError } from '../api/client';
import { type FailureMessage, failureWordsFor } from '../api/failure-words';

/** Why an admin page could not load or save, with a sign-in link when the person is signed out. */
export interface AdminFailure extends FailureMessage {
  signIn: boolean;
}

export function describeAdminFailure(error: unknown): AdminFailure {
  const status = error instanceof ApiError ? error.status : 0;
  const code = error instanceof ApiError ? error.code : 'internal';
  // A refusal by status counts as one whatever its code says.
  if (status === 401 || code === 'unauthorized') {
    return { ...failureWordsFor('unauthorized', 'admin', error), signIn: true };
  }
  if (status === 403 || code === 'forbidden') {
    return { ...failureWordsFor('forbidden', 'admin', error), signIn: false };
  }
  return { ...failureWordsFor(code, 'admin', error), signIn: false };
}

/** Signed out or not an administrator: the whole page is refused, not just one part of it. */
export function isAccessRefused(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}
