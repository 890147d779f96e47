// Every server error code in the words a person reads, in one place. Each code of the shared union has an
// entry (null where the server's own message says it best); a page that must say something else for a
// code names its context, and the context's overrides below are the only other words for codes.
import { ApiError, type ApiFailureCode } from './client';

export interface FailureMessage {
  title: string;
  detail: string;
  /** Whether trying again can help: false for links that will never work. */
  retryable: boolean;
}

export function codeOf(error: unknown): ApiFailureCode {
  return error instanceof ApiError ? error.code : 'internal';
}

/** A failure without words of its own: the server's message when it sent one. */
export function somethingWentWrong(error: unknown): FailureMessage {
  return {
    title: 'Something went wrong',
    detail: error instanceof Error && error.message ? error.message : 'Please try again.',
    retryable: true,
  };
}

const words = (title: string, detail: string, retryable: boolean): FailureMessage => ({
  title,
  detail,
  retryable,
});

/**
 * What the signed-in pages (accounts, families, sessions, admin, rights) say for each code. `null`: the
 * code answers one page's own action (a call command, a webhook, a byte range) and the server's message
 * is shown as it came, under "Something went wrong".
 */
export const failureWords = {
  unreachable: words("Can't reach Assent", 'Check your internet connection, then try again.', true),
  validation_failed: words('Some details need fixing', 'Check the highlighted fields.', false),
  not_found: words(
    'This is no longer here',
    'It may have been removed. Reload the page to see what is there now.',
    true,
  ),
  invite_invalid: null,
  invite_expired: null,
  unauthorized: words('You are signed out', 'Sign in again to carry on.', false),
  forbidden: words(
    "Your account can't do this",
    'If you think it should, ask an administrator of your organisation.',
    false,
  ),
  webhook_signature_invalid: null,
  livekit_unavailable: null,
  purpose_not_allowed: null,
  request_stale: null,
  no_active_request: null,
  not_in_call: null,
  recording_active: null,
  conflict: words('That cannot be done now', 'Reload the page to see how things stand.', true),
  internal: null,
  link_invalid: words(
    'This link is not valid',
    'Check that you opened the whole link from your email, or ask the person who invited you to send it again.',
    false,
  ),
  link_expired: words('This link has expired', 'Ask the person who invited you to send a new link.', false),
  link_used: words(
    'This link has already been used',
    'Each link creates one account. If you created yours with it, sign in instead.',
    false,
  ),
  email_taken: words(
    'There is already an account with this email',
    'Sign in with that account instead, or use a different email address.',
    false,
  ),
  setup_done: words(
    'Assent is already set up',
    'The first administrator account exists. Sign in instead.',
    false,
  ),
  agreement_required: words(
    'Please agree to the policy first',
    'Confirm that you are 18 or over and agree to the policy, then add your child.',
    false,
  ),
  policy_version_stale: words(
    'The policy has just changed',
    'Please read the current version and agree to it again.',
    false,
  ),
  guardian_agreement_missing: words(
    'A parent or guardian needs to agree first',
    'A student can join once a parent or guardian has registered and agreed to the policy.',
    false,
  ),
  recording_refused_by_preference: null,
  guests_not_allowed: words(
    'Guests are not allowed',
    "Your organisation's policy does not allow guests without an account. Remove the guests, or ask an administrator.",
    false,
  ),
  range_not_satisfiable: null,
  advance_consent_not_allowed: null,
  rate_limited: words('Too many attempts', 'Wait a minute, then try again.', true),
  password_too_common: words(
    'Choose a harder password',
    'This password is common or close to a common one, so it is easy to guess. A few unrelated words work well.',
    false,
  ),
  recording_on_hold: null,
  already_decided: null,
  not_attended: null,
  account_disabled: words(
    'This account is disabled',
    'An administrator of your organisation has disabled it. Ask them if you think this is wrong.',
    false,
  ),
  email_not_on_record: null,
  purpose_unknown: null,
  request_cooling_down: null,
  session_not_live: words(
    'Nobody is in this call now',
    'The session has no one in its call, so there is nothing to observe. The list shows sessions as they go live.',
    false,
  ),
  removed_from_call: words(
    'The tutor removed you from this call',
    'You can join again once the tutor lets you back in.',
    false,
  ),
  // The whiteboard: the server's messages say it.
  board_closed: null,
  board_locked: null,
  board_full: null,
  too_large: null,
  publishing_held_back: null,
  // Scheduled sessions: the server's messages say what to change (and when Join opens).
  // The field the server names says what to change; these say what went wrong, without its UTC instants.
  start_in_past: words('That time has passed', 'Choose a date and start time that are still to come.', false),
  series_too_long: words(
    'A series lasts at most a year',
    'Choose fewer weeks, or an earlier last session.',
    false,
  ),
  no_occurrences: words(
    'No session falls in that series',
    'Check the weekdays and the last session’s day.',
    false,
  ),
  too_many_occurrences: null,
  join_not_open: null,
  session_cancelled: words('This session was cancelled', 'Ask your tutor when you next meet.', false),
  session_ended: null,
  not_scheduled: null,
  call_in_progress: null,
  already_enrolled: null,
  enrolment_declined: words(
    'This request was declined',
    'Nothing was enrolled. The tutor can ask again if it was a mistake.',
    false,
  ),
  enrolment_not_pending: words(
    'This request was already answered',
    'Reload the page to see how things stand.',
    false,
  ),
  link_replaced: words(
    'This link was replaced',
    'A newer link was made for this seat, and this one no longer works. Use the newest link you were sent, or ask for it again.',
    false,
  ),
} satisfies Readonly<Record<ApiFailureCode, FailureMessage | null>>;

type Words = FailureMessage | ((error: unknown) => FailureMessage);

/** Where a failure is shown, when that changes what a code means to the reader. */
export type FailureContext =
  | 'account'
  | 'invite'
  | 'link'
  | 'sign-in'
  | 'admin'
  | 'report'
  | 'reset-password'
  | 'enrol-family';

const linkInvalid = failureWords.link_invalid;
const inviteInvalid = words(
  'This invite link is not valid',
  'Check that you opened the whole link from your invitation, or ask your tutor to send it again.',
  false,
);

const overrides: Readonly<Record<FailureContext, Partial<Record<ApiFailureCode, Words>>>> = {
  account: {},
  // A tutor enrolling a family whose guardian already has an account: they ask that guardian instead.
  'enrol-family': {
    email_taken: words(
      'This guardian already has an account',
      'Ask them to confirm the children below instead: they answer on their own page, and nothing is enrolled until they confirm.',
      true,
    ),
  },
  // The join page, for students and parents without an account: an invite, not a sign-up link.
  invite: {
    invite_invalid: inviteInvalid,
    not_found: inviteInvalid,
    invite_expired: words('This invite link has expired', 'Ask your tutor for a new invite link.', false),
    link_replaced: words(
      'This link was replaced',
      'A newer link was made for this place in the session, and this one no longer works. Use the newest link you were sent, or ask your tutor (or your parent or guardian) for it.',
      false,
    ),
    guardian_agreement_missing: (error) => ({
      title: 'A parent or guardian needs to agree to the policy first',
      detail:
        error instanceof Error && error.message
          ? error.message
          : 'A parent or guardian must register with Assent and agree to the policy before you can join.',
      // Once they have agreed, the same link works.
      retryable: true,
    }),
    // The server says when it opens (or that it has ended); the same link works once it is open.
    join_not_open: (error) => ({
      title: 'This session is not open to join now',
      detail:
        error instanceof Error && error.message ? error.message : 'Join opens shortly before the start.',
      retryable: true,
    }),
    session_cancelled: failureWords.session_cancelled,
    livekit_unavailable: words(
      "Can't connect to the call",
      'The video service is not answering right now. Try again in a moment.',
      true,
    ),
  },
  // An invitation or enrolment link that cannot be read: a malformed token is simply a link that is not valid.
  link: { validation_failed: linkInvalid, not_found: linkInvalid },
  'sign-in': {
    unauthorized: words(
      "That email and password don't match",
      'Check both and try again. Passwords are case-sensitive.',
      true,
    ),
    // better-auth refuses a disabled account's sign-in with 403 (people/account-state.ts).
    forbidden: failureWords.account_disabled,
    validation_failed: words(
      'Enter your email and password',
      'Use the email address your invitation was sent to.',
      true,
    ),
  },
  admin: {
    unauthorized: words(
      'You are signed out',
      'Sign in with an administrator account to see this page.',
      false,
    ),
    forbidden: words(
      'Only administrators can see this page',
      'If you need to, ask an administrator of your organisation.',
      false,
    ),
  },
  report: {
    not_attended: words(
      'You can report a concern only about a session you were in',
      'Assent has no record of you (or your child) joining this session’s call. If you are worried about something else, contact your organisation.',
      false,
    ),
  },
  'reset-password': {
    link_invalid: words(
      'This link does not work any more',
      'Reset links work once, for an hour. Ask for a new one.',
      false,
    ),
  },
};

/** Contexts that say only their own words (and "can't reach"): the join page loads no account words. */
const standalone: ReadonlySet<FailureContext> = new Set(['invite']);

/** The words for one code where it is shown; the error supplies the server's message where needed. */
export function failureWordsFor(
  code: ApiFailureCode,
  context: FailureContext = 'account',
  error: unknown = undefined,
): FailureMessage {
  const own = overrides[context][code];
  if (own) return typeof own === 'function' ? own(error) : own;
  const shared: FailureMessage | null =
    standalone.has(context) && code !== 'unreachable' ? null : failureWords[code];
  return shared ?? somethingWentWrong(error);
}

/** Any failure in words a person understands, never a raw code. */
export function describeFailure(error: unknown, context: FailureContext = 'account'): FailureMessage {
  return failureWordsFor(codeOf(error), context, error);
}

/** The one-line messages of the call page, where a sentence replaces a title and detail. */
export type SentenceContext = 'call-command' | 'call-report' | 'call-chat';

const sentences: Readonly<
  Record<SentenceContext, { words: Partial<Record<ApiFailureCode, string>>; serverMessage: boolean }>
> = {
  // A Request, Cancel or answer in the call: the server's own message says what went wrong.
  'call-command': {
    words: {
      unreachable: "Can't reach Assent. Check your connection and try again.",
      request_stale: 'The recording request has changed. Look at it again before you answer.',
      no_active_request: 'The recording request has changed. Look at it again before you answer.',
    },
    serverMessage: true,
  },
  'call-report': {
    words: {
      unreachable: "Can't reach Assent. Check your connection and try again.",
      validation_failed: 'Please choose what it is about and say what happened.',
    },
    serverMessage: false,
  },
  // Sending or removing a chat message: the server says why (too long, too many too fast, not the tutor).
  'call-chat': {
    words: { unreachable: "Can't reach Assent. Check your connection and try again." },
    serverMessage: true,
  },
};

/** A failure on the call page as one sentence. */
export function failureSentence(error: unknown, context: SentenceContext): string {
  const { words: own, serverMessage } = sentences[context];
  if (error instanceof ApiError) {
    const sentence = own[error.code];
    if (sentence) return sentence;
    if (serverMessage) return error.message;
  }
  return 'Something went wrong. Please try again.';
}
