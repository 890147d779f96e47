import { z } from 'zod';

/** Every error code the API can answer with. Stable: clients and tests match on them. */
export const ErrorCode = z.enum([
  'validation_failed',
  'not_found',
  'invite_invalid',
  'invite_expired',
  'unauthorized',
  'forbidden',
  'webhook_signature_invalid',
  'livekit_unavailable',
  'purpose_not_allowed',
  'request_stale',
  'no_active_request',
  'not_in_call',
  'recording_active',
  'conflict',
  'internal',
  // Accounts, invitations and families.
  'link_invalid',
  'link_expired',
  'link_used',
  'email_taken',
  'setup_done',
  'agreement_required',
  'policy_version_stale',
  'guardian_agreement_missing',
  'recording_refused_by_preference',
  'guests_not_allowed',
  'range_not_satisfiable',
  'advance_consent_not_allowed',
  'rate_limited',
  'password_too_common',
  // Rights and safeguarding.
  'recording_on_hold',
  'already_decided',
  'not_attended',
  // Account lifecycle.
  'account_disabled',
  'email_not_on_record',
  // The organisation's policy: a purpose its version does not list; asking again too soon after a no.
  'purpose_unknown',
  'request_cooling_down',
  // Running the call: observing a session nobody is in; a seat the tutor removed from the call.
  'session_not_live',
  'removed_from_call',
  // The whiteboard: closed, locked by the tutor, at its element limit; a body over its limit; someone the
  // consent rules hold back from publishing (rule 5) cannot draw either.
  'board_closed',
  'board_locked',
  'board_full',
  'too_large',
  'publishing_held_back',
  // Scheduled sessions: a start that has passed, a series over a year or with no or too many sessions; a
  // Join outside its window, a cancelled or ended occurrence, one without a time to move or cancel, a
  // cancellation while the call runs.
  'start_in_past',
  'series_too_long',
  'no_occurrences',
  'too_many_occurrences',
  'join_not_open',
  'session_cancelled',
  'session_ended',
  'not_scheduled',
  'call_in_progress',
  // Families that grow: a child already enrolled with the guardian; an enrolment the guardian declined or
  // already answered; a join link replaced by a newer one.
  'already_enrolled',
  'enrolment_declined',
  'enrolment_not_pending',
  'link_replaced',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The one error shape every endpoint answers with. */
export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    /** Field-level problems for validation_failed. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    /** Facts a client may act on, e.g. `opensAt` (ISO) with join_not_open. */
    details: z.record(z.string(), z.string()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
