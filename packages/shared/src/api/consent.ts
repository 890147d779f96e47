import { z } from 'zod';
import { BoardStatus } from '../board/api';

/** Purposes an organisation may allow (rule 1). Config narrows this list per organisation. */
export const defaultRecordingPurposes = ['quality_assurance', 'safeguarding', 'student_playback'] as const;

const ClientRequestId = z.string().uuid('clientRequestId must be a UUID');

/**
 * Every consent command carries a client-generated id, so a retried click is applied once.
 * The caller is identified by `Authorization: Bearer <invite token>` (the same token as the join link).
 */
export const RequestRecordingBody = z.object({
  clientRequestId: ClientRequestId,
  purpose: z.string().min(1).max(60),
});
export type RequestRecordingBody = z.infer<typeof RequestRecordingBody>;

/** consent / decline / withdraw / cancel name the request they answer; an old request id is refused. */
export const ConsentCommandBody = z.object({
  clientRequestId: ClientRequestId,
  requestId: z.string().min(1).max(64),
});
export type ConsentCommandBody = z.infer<typeof ConsentCommandBody>;

export const ConsentCommandKind = z.enum(['request', 'consent', 'decline', 'withdraw', 'cancel']);
export type ConsentCommandKind = z.infer<typeof ConsentCommandKind>;

export const RecordingStatus = z.enum([
  'not_requested',
  'waiting',
  'starting',
  'recording',
  'stopping',
  'stopped_withdrawn',
  'declined',
  'failed',
]);
export type RecordingStatus = z.infer<typeof RecordingStatus>;

/** What the consent prompt shows about the current request (rule 1). */
export const RecordingRequestInfo = z.object({
  requestId: z.string(),
  /**
   * True until anyone declines or withdraws. People are asked while it is open, even while an earlier
   * request's recorder is still stopping.
   */
  open: z.boolean(),
  purpose: z.string(),
  purposeLabel: z.string(),
  /** Who will be able to watch, in words. */
  viewers: z.string(),
  retentionDays: z.number().int().positive(),
  noticeVersion: z.string(),
  noticeText: z.string(),
  /** What a withdrawal does to what was recorded before it: kept, or the session's recordings erased. */
  withdrawalRule: z.enum(['keep', 'erase']),
});
export type RecordingRequestInfo = z.infer<typeof RecordingRequestInfo>;

/**
 * The session's recording state as the server publishes it in LiveKit room metadata (JSON) — clients
 * render from this (and each person from their own decision, sent to them alone); they cannot change it.
 */
export const LiveRecordingState = z.object({
  version: z.literal(1),
  status: RecordingStatus,
  /** Banner text; contains "Recording" while an egress may capture and "Not recording" when none does. */
  banner: z.string(),
  request: RecordingRequestInfo.nullable(),
  consented: z.number().int().nonnegative(),
  required: z.number().int().nonnegative(),
  updatedAt: z.string(),
  /**
   * After someone declined or withdrew, when the tutor may ask again (the policy's cool-down); null when
   * they may ask now. Never says who said no.
   */
  askAgainAt: z.string().nullable().default(null),
  /**
   * Whether the whiteboard is open (the main stage, and in the recording) and locked to the tutor.
   * Optional: metadata written before the whiteboard still parses.
   */
  board: BoardStatus.optional(),
});
export type LiveRecordingState = z.infer<typeof LiveRecordingState>;

export const ConsentCommandResponse = z.object({
  state: LiveRecordingState,
  /** The caller's own decision on the current request, after the command. */
  myDecision: z.enum(['pending', 'consented', 'declined', 'withdrawn']),
});
export type ConsentCommandResponse = z.infer<typeof ConsentCommandResponse>;

/** One line of the append-only consent log (rule 6): the session's "electronic consent form". */
export const ConsentLogEntry = z.object({
  id: z.string(),
  at: z.string(),
  kind: ConsentCommandKind,
  personName: z.string(),
  role: z.string(),
  purpose: z.string(),
  requestId: z.string(),
  noticeVersion: z.string(),
  /**
   * Set on entries the server made on a person's behalf, saying why: `do_not_record` is a standing
   * "do not record" for this student, set while the request was open, that cancelled it.
   */
  reason: z.enum(['do_not_record']).optional(),
});
export type ConsentLogEntry = z.infer<typeof ConsentLogEntry>;

/**
 * How many answered a request, without names: what the tutor sees of other people's answers in the call
 * (consent without pressure). Reviewers and admins keep the named log afterwards.
 */
export const ConsentAnswerCounts = z.object({
  requestId: z.string(),
  purpose: z.string(),
  consented: z.number().int().nonnegative(),
  declined: z.number().int().nonnegative(),
  withdrawn: z.number().int().nonnegative(),
});
export type ConsentAnswerCounts = z.infer<typeof ConsentAnswerCounts>;

/**
 * `GET /api/recording/log`: the caller's own entries (the tutor's include their requests and cancels),
 * and for the tutor the other answers counted per request.
 */
export const ConsentLogResponse = z.object({
  entries: z.array(ConsentLogEntry),
  counts: z.array(ConsentAnswerCounts).default([]),
});
export type ConsentLogResponse = z.infer<typeof ConsentLogResponse>;

/** A purpose the organisation allows, with the words people read and what the consent prompt will state. */
export const RecordingPurposeOption = z.object({
  id: z.string(),
  label: z.string(),
  /** Who will be able to watch recordings made for this purpose, in words. */
  viewers: z.string(),
  retentionDays: z.number().int().positive(),
});
export type RecordingPurposeOption = z.infer<typeof RecordingPurposeOption>;

/** What a tutor may request and what every consent prompt states (rule 1), from the organisation's policy. */
export const RecordingOptions = z.object({
  purposes: z.array(RecordingPurposeOption),
  /** The first purpose's viewers, for clients that predate per-purpose terms: read each purpose's own. */
  viewers: z.string(),
  /** The first purpose's retention, for clients that predate per-purpose terms: read each purpose's own. */
  retentionDays: z.number().int().positive(),
  /** The notice of the policy version in force; a request made now cites this version. */
  notice: z.object({ version: z.string(), text: z.string() }),
});
export type RecordingOptions = z.infer<typeof RecordingOptions>;

/** The caller's own decision on the current request. */
export const MyConsentDecision = ConsentCommandResponse.shape.myDecision;
export type MyConsentDecision = z.infer<typeof MyConsentDecision>;
