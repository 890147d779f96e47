import { type FailureMessage, failureWords } from '../api/failure-words';

/** The error better-auth's passkey client returns (it resolves with `{ error }` rather than throwing). */
export interface PasskeyError {
  code?: string | undefined;
  status?: number | undefined;
  message?: string | undefined;
}

// WebAuthn refuses IP addresses and insecure origins outright; say so before the browser's own riddle.
const ipHost = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/** Why passkeys cannot work on this page at all, or null when they can. */
export function passkeyUnavailableReason(
  where: { hostname: string; isSecureContext: boolean },
  hasWebAuthn: boolean,
): string | null {
  if (!hasWebAuthn) return 'This browser does not support passkeys. Sign in with your email and password.';
  if (!where.isSecureContext) {
    return 'Passkeys need a secure (https) connection. Sign in with your email and password.';
  }
  if (ipHost.test(where.hostname)) {
    return 'Passkeys work only when Assent is opened by name (such as localhost), not by a number address.';
  }
  return null;
}

export function describePasskeyFailure(error: PasskeyError, purpose: 'sign-in' | 'add'): FailureMessage {
  const code = error.code ?? '';
  if (error.status === 429) {
    return failureWords.rate_limited;
  }
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || code === 'PREVIOUSLY_REGISTERED') {
    return {
      title: 'This passkey is already added',
      detail: 'You can already sign in with it. To add another, use a different device or password manager.',
      retryable: false,
    };
  }
  // The browser's ceremony stopped (cancelled, timed out, no passkey chosen): @simplewebauthn's ERROR_* codes.
  if (code.startsWith('ERROR_') || code.endsWith('CANCELLED')) {
    return {
      title: purpose === 'sign-in' ? 'Signing in with a passkey did not finish' : 'The passkey was not added',
      detail:
        purpose === 'sign-in'
          ? 'It was cancelled or timed out. Try again, or sign in with your email and password.'
          : 'It was cancelled or timed out. Try again when you are ready.',
      retryable: true,
    };
  }
  if (
    purpose === 'sign-in' &&
    (error.status === 401 || error.status === 404 || code === 'PASSKEY_NOT_FOUND')
  ) {
    return {
      title: "That passkey isn't set up for Assent",
      detail: 'Sign in with your email and password, then add a passkey on your account page.',
      retryable: true,
    };
  }
  if (error.status === 401 || code === 'SESSION_REQUIRED') {
    return { title: 'You are signed out', detail: 'Sign in again, then add the passkey.', retryable: false };
  }
  return {
    title: 'Something went wrong with the passkey',
    detail: error.message ? `${error.message.replace(/\.$/, '')}. Please try again.` : 'Please try again.',
    retryable: true,
  };
}

/** Why passkeys cannot work on this page, read from the page's own origin and browser. */
export function passkeysUnavailableHere(): string | null {
  const where = { hostname: window.location.hostname, isSecureContext: window.isSecureContext };
  return passkeyUnavailableReason(where, typeof window.PublicKeyCredential === 'function');
}
