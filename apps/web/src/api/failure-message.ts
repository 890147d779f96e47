import { ApiError, type ApiFailureCode } from './client';

// What the signed-in pages (accounts, families, sessions, admin) say when a request fails. The join
// page's messages are in invite-failure-message.ts, so the first load does not carry these.

export interface FailureMessage {
  title: string;
  detail: string;
  /** Whether trying again can help: false for links that will never work. */
  retryable: boolean;
}

/** Shared with the join page's messages (invite-failure-message.ts). */
export const unreachable: FailureMessage = {
  title: "Can't reach Assent",
  detail: 'Check your internet connection, then try again.',
  retryable: true,
};

export function codeOf(error: unknown): ApiFailureCode {
  return error instanceof ApiError ? error.code : 'internal';
}

export function somethingWentWrong(error: unknown): FailureMessage {
  return {
    title: 'Something went wrong',
    detail: error instanceof Error && error.message ? error.message : 'Please try again.',
    retryable: true,
  };
}

/** What the signed-in pages (accounts, families, sessions) say when the server refuses or fails. */
const accountMessages: Partial<Record<ApiFailureCode, FailureMessage>> = {
  unreachable,
  link_invalid: {
    title: 'This link is not valid',
    detail:
      'Check that you opened the whole link from your email, or ask the person who invited you to send it again.',
    retryable: false,
  },
  link_expired: {
    title: 'This link has expired',
    detail: 'Ask the person who invited you to send a new link.',
    retryable: false,
  },
  link_used: {
    title: 'This link has already been used',
    detail: 'Each link creates one account. If you created yours with it, sign in instead.',
    retryable: false,
  },
  setup_done: {
    title: 'Assent is already set up',
    detail: 'The first administrator account exists. Sign in instead.',
    retryable: false,
  },
  email_taken: {
    title: 'There is already an account with this email',
    detail: 'Sign in with that account instead, or use a different email address.',
    retryable: false,
  },
  unauthorized: {
    title: 'You are signed out',
    detail: 'Sign in again to carry on.',
    retryable: false,
  },
  forbidden: {
    title: "Your account can't do this",
    detail: 'If you think it should, ask an administrator of your organisation.',
    retryable: false,
  },
  agreement_required: {
    title: 'Please agree to the policy first',
    detail: 'Confirm that you are 18 or over and agree to the policy, then add your child.',
    retryable: false,
  },
  policy_version_stale: {
    title: 'The policy has just changed',
    detail: 'Please read the current version and agree to it again.',
    retryable: false,
  },
  guardian_agreement_missing: {
    title: 'A parent or guardian needs to agree first',
    detail: 'A student can join once a parent or guardian has registered and agreed to the policy.',
    retryable: false,
  },
  guests_not_allowed: {
    title: 'Guests are not allowed',
    detail:
      "Your organisation's policy does not allow guests without an account. Remove the guests, or ask an administrator.",
    retryable: false,
  },
  password_too_common: {
    title: 'Choose a harder password',
    detail:
      'This password is common or close to a common one, so it is easy to guess. A few unrelated words work well.',
    retryable: false,
  },
  rate_limited: {
    title: 'Too many attempts',
    detail: 'Wait a minute, then try again.',
    retryable: true,
  },
  validation_failed: {
    title: 'Some details need fixing',
    detail: 'Check the highlighted fields.',
    retryable: false,
  },
  account_disabled: {
    title: 'This account is disabled',
    detail: 'An administrator of your organisation has disabled it. Ask them if you think this is wrong.',
    retryable: false,
  },
  conflict: {
    title: 'That cannot be done now',
    detail: 'Reload the page to see how things stand.',
    retryable: true,
  },
  not_found: {
    title: 'This is no longer here',
    detail: 'It may have been removed. Reload the page to see what is there now.',
    retryable: true,
  },
};

export function describeAccountFailure(error: unknown): FailureMessage {
  return accountMessages[codeOf(error)] ?? somethingWentWrong(error);
}

/** An invitation link that cannot be read: a malformed token is simply a link that is not valid. */
export function describeLinkFailure(error: unknown): FailureMessage {
  const code = codeOf(error);
  if (code === 'validation_failed' || code === 'not_found')
    return accountMessages.link_invalid as FailureMessage;
  return describeAccountFailure(error);
}

export function describeSignInFailure(error: unknown): FailureMessage {
  switch (codeOf(error)) {
    case 'unauthorized':
      return {
        title: "That email and password don't match",
        detail: 'Check both and try again. Passwords are case-sensitive.',
        retryable: true,
      };
    case 'forbidden':
      // better-auth refuses a disabled account's sign-in with 403 (people/account-state.ts).
      return accountMessages.account_disabled as FailureMessage;
    case 'validation_failed':
      return {
        title: 'Enter your email and password',
        detail: 'Use the email address your invitation was sent to.',
        retryable: true,
      };
    default:
      return describeAccountFailure(error);
  }
}
