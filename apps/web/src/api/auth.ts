import { config } from '../config';
import { ApiError, type ApiFailureCode, requestJson } from './client';

// Email sign-in and sign-out are plain calls to better-auth's routes: its client library is loaded only
// by the pages that need passkeys (people/auth-client.ts), keeping it off the first load.

/** better-auth answers `{ code, message }` rather than our error body; name its refusals in our codes. */
export function authFailureCode(status: number): ApiFailureCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 429) return 'rate_limited';
  if (status === 400 || status === 422) return 'validation_failed';
  return 'internal';
}

async function callAuth<T>(path: string, body: unknown): Promise<T> {
  try {
    return await requestJson<T>(`${config.apiBase}/auth${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'internal' && error.status > 0) {
      throw new ApiError(authFailureCode(error.status), error.message, error.status);
    }
    throw error;
  }
}

export async function signInWithPassword(email: string, password: string): Promise<void> {
  await callAuth('/sign-in/email', { email: email.trim(), password });
}

export async function signOut(): Promise<void> {
  await callAuth('/sign-out', {});
}

/** Ends every session of this account, on every device, then this one's cookie too. */
export async function signOutEverywhere(): Promise<void> {
  await callAuth('/revoke-sessions', {});
  await signOut();
}
