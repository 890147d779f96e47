import { ApiError } from '../api/client';
import { describeAccountFailure, type FailureMessage } from '../api/failure-message';

/** Why an admin page could not load or save, with a sign-in link when the person is signed out. */
export interface AdminFailure extends FailureMessage {
  signIn: boolean;
}

export function describeAdminFailure(error: unknown): AdminFailure {
  const status = error instanceof ApiError ? error.status : 0;
  const code = error instanceof ApiError ? error.code : 'internal';
  if (status === 401 || code === 'unauthorized') {
    return {
      title: 'You are signed out',
      detail: 'Sign in with an administrator account to see this page.',
      retryable: false,
      signIn: true,
    };
  }
  if (status === 403 || code === 'forbidden') {
    return {
      title: 'Only administrators can see this page',
      detail: 'If you need to, ask an administrator of your organisation.',
      retryable: false,
      signIn: false,
    };
  }
  return { ...describeAccountFailure(error), signIn: false };
}

/** Signed out or not an administrator: the whole page is refused, not just one part of it. */
export function isAccessRefused(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}
