import { ApiError } from './client';

export interface FailureMessage {
  title: string;
  detail: string;
  /** Whether trying again can help: false for links that will never work. */
  retryable: boolean;
}

/** Turns any failure while loading or joining an invite into words a student or parent understands. */
export function describeInviteFailure(error: unknown): FailureMessage {
  const code = error instanceof ApiError ? error.code : 'internal';
  switch (code) {
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
