import { describe, expect, it } from 'vitest';
import { describePasskeyFailure, passkeyUnavailableReason } from './passkey-failure';

describe('passkeyUnavailableReason', () => {
  it('allows a named, secure origin', () => {
    expect(passkeyUnavailableReason({ hostname: 'localhost', isSecureContext: true }, true)).toBeNull();
    expect(
      passkeyUnavailableReason({ hostname: 'tutoring.example', isSecureContext: true }, true),
    ).toBeNull();
  });

  it('explains why passkeys cannot work here', () => {
    expect(passkeyUnavailableReason({ hostname: 'localhost', isSecureContext: true }, false)).toMatch(
      /does not support passkeys/,
    );
    expect(passkeyUnavailableReason({ hostname: 'tutor.lan', isSecureContext: false }, true)).toMatch(
      /https/,
    );
    expect(passkeyUnavailableReason({ hostname: '127.0.0.1', isSecureContext: true }, true)).toMatch(
      /opened by name/,
    );
    expect(passkeyUnavailableReason({ hostname: '[::1]', isSecureContext: true }, true)).toMatch(
      /opened by name/,
    );
  });
});

describe('describePasskeyFailure', () => {
  it('says a cancelled ceremony did not finish, never that the passkey is wrong', () => {
    for (const code of ['AUTH_CANCELLED', 'ERROR_CEREMONY_ABORTED', 'ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY']) {
      expect(describePasskeyFailure({ code, status: 400 }, 'sign-in').title).toBe(
        'Signing in with a passkey did not finish',
      );
    }
    expect(describePasskeyFailure({ code: 'ERROR_CEREMONY_ABORTED', status: 400 }, 'add').title).toBe(
      'The passkey was not added',
    );
  });

  it('tells apart an unknown passkey, a duplicate and too many attempts', () => {
    expect(describePasskeyFailure({ code: 'PASSKEY_NOT_FOUND', status: 401 }, 'sign-in').title).toBe(
      "That passkey isn't set up for Assent",
    );
    expect(
      describePasskeyFailure({ code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' }, 'add'),
    ).toMatchObject({
      title: 'This passkey is already added',
      retryable: false,
    });
    expect(describePasskeyFailure({ status: 429 }, 'sign-in').title).toBe('Too many attempts');
  });

  it('falls back to the message, in a sentence', () => {
    expect(
      describePasskeyFailure({ status: 500, message: 'Unable to create session' }, 'sign-in').detail,
    ).toBe('Unable to create session. Please try again.');
  });
});
