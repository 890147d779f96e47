import { ApiError, type ApiFailureCode } from './client';
import type { FailureMessage } from './failure-message';

// Kept apart from failure-message.ts: the join page loads with the app, the account messages do not.

function codeOf(error: unknown): ApiFailureCode {
  return error instanceof ApiError ? error.code : 'internal';
}

/** Turns any failure while loading or joining an invite into words a student or parent understands. */
export function describeInviteFailure(error: unknown): FailureMessage {
  switch (codeOf(error)) {
    case 'invite_invalid':
    case 'not_found':
      return {
        title: 'This invite link is not valid',
        detail:
          'Check that you opened the whole link from your invitation, or ask your tutor to send it again.',
        retryable: false,
      };
    case 'invite_expired':
      return {
        title: 'This invite link has expired',
        detail: 'Ask your tutor for a new invite link.',
        retryable: false,
      };
    case 'unreachable':
      return {
        title: "Can't reach Assent",
        detail: 'Check your internet connection, then try again.',
        retryable: true,
      };
    case 'guardian_agreement_missing':
      return {
        title: 'A parent or guardian needs to agree to the policy first',
        detail:
          error instanceof Error && error.message
            ? error.message
            : 'A parent or guardian must register with Assent and agree to the policy before you can join.',
        // Once they have agreed, the same link works.
        retryable: true,
      };
    case 'livekit_unavailable':
      return {
        title: "Can't connect to the call",
        detail: 'The video service is not answering right now. Try again in a moment.',
        retryable: true,
      };
    default:
      return {
        title: 'Something went wrong',
        detail: error instanceof Error && error.message ? error.message : 'Please try again.',
        retryable: true,
      };
  }
}
