import { config } from '../config';
import { ApiError } from './client';

// Forgot password, reset and change are better-auth's routes, which answer `{ code, message }`; their
// refusals are named here in our codes, with the field they are about.

const passwordMessage =
  'This password is too easy to guess: it is a common password or close to one. Try a few unrelated words.';

function failure(status: number, code: string | undefined, message: string | undefined): ApiError {
  switch (code) {
    case 'PASSWORD_TOO_COMMON':
      return new ApiError('password_too_common', message ?? passwordMessage, status, [
        { path: 'newPassword', message: message ?? passwordMessage },
      ]);
    case 'PASSWORD_TOO_SHORT':
      return new ApiError('validation_failed', 'Use at least 10 characters', status, [
        { path: 'newPassword', message: 'Use at least 10 characters' },
      ]);
    case 'PASSWORD_TOO_LONG':
      return new ApiError('validation_failed', 'Use at most 128 characters', status, [
        { path: 'newPassword', message: 'Use at most 128 characters' },
      ]);
    case 'INVALID_PASSWORD':
      return new ApiError('validation_failed', 'That is not your current password', status, [
        { path: 'currentPassword', message: 'That is not your current password' },
      ]);
    case 'INVALID_TOKEN':
      return new ApiError('link_invalid', 'This link does not work', status);
  }
  if (status === 401) return new ApiError('unauthorized', message ?? 'Sign in again', status);
  if (status === 429) return new ApiError('rate_limited', message ?? 'Too many attempts', status);
  if (status === 400) return new ApiError('validation_failed', message ?? 'Check the details', status);
  return new ApiError(status >= 500 ? 'unreachable' : 'internal', message ?? `HTTP ${status}`, status);
}

async function postAuth(path: string, body: unknown): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${config.apiBase}/auth${path}`, {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError('unreachable', 'The server could not be reached.');
  }
  if (response.ok) return;
  const answer = (await response.json().catch(() => undefined)) as
    | { code?: string; message?: string }
    | undefined;
  throw failure(response.status, answer?.code, answer?.message);
}

/** Mails a reset link if the address has an account; answers the same either way. */
export function requestPasswordReset(email: string): Promise<void> {
  return postAuth('/request-password-reset', { email: email.trim() });
}

/** Sets a new password with a mailed link's token; every session of the account ends. */
export function resetPassword(token: string, newPassword: string): Promise<void> {
  return postAuth('/reset-password', { token, newPassword });
}

/** Changes the signed-in person's password; every other session of the account ends. */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return postAuth('/change-password', { currentPassword, newPassword, revokeOtherSessions: true });
}
