/**
 * What an audit entry's `detail` holds, per action (documenso's `document-audit-logs.ts` is the model).
 * The consent, recording, deletion, access, concern and research actions have a schema of their own;
 * the others (sign-ins, accounts, invitations, policy) keep a loose record for now. A refusal's detail
 * is the same for every action (`AuditDeniedDetail`). These describe what the server writes; stored
 * entries are never rewritten to fit them (the hash chain covers the stored text).
 */
import { z } from 'zod';
import { AccessWithheld } from '../rights/access-requests';
import { ConcernCategory } from '../rights/concerns';
import { DeletionRequestOrigin } from '../rights/deletion-requests';
import { ResearchDecision } from '../rights/research';
import { DeletionReason, RecordingAccessBasis } from '../vault/api';
import type { AuditAction } from './actions';

const id = z.string();
const ids = z.array(z.string());
const subjectKind = z.enum(['self', 'student']);
const deletionRequestDetail = z.object({
  requestId: id,
  origin: DeletionRequestOrigin,
  /** Null when the seat has no person row any more. */
  personId: id.nullable(),
  sessionId: id,
});
const deletionDecisionDetail = z.object({
  sessionId: id,
  /** Null: every recording of the session made before the request. */
  recordingId: id.nullable(),
  destroyedRecordingIds: ids,
  reason: z.string(),
});
const nothing = z.object({});

/** Detail schemas of the actions that have one; the rest take `AuditLooseDetail`. */
export const auditDetailSchemas = {
  // Consent.
  'session.advance_consent': z.object({
    studentPersonId: id,
    purposes: z.array(z.string()),
    policyVersion: z.number().int(),
  }),
  'research.consent': z.object({
    personId: id,
    decidedByPersonId: id,
    decidesAs: z.enum(['self', 'guardian']),
    decision: ResearchDecision,
    via: z.enum(['account', 'invite']),
  }),
  'preference.set': z.object({ doNotRecord: z.boolean() }),
  'agreement.give': z.object({ policyVersion: z.number().int(), adultConfirmed: z.literal(true) }),
  'session.guardian_seated': z.object({
    guardianUserId: id,
    personId: id,
    newSeat: z.boolean(),
    studentPersonIds: ids,
  }),
  // Running the call: who took an Observer seat in which session's live call.
  'session.observe': z.object({ personId: id, newSeat: z.boolean() }),
  // Recordings.
  'recording.stored': z.object({
    sessionId: id,
    purpose: z.string(),
    bytes: z.number().int().nonnegative(),
    keyId: z.string(),
    retainUntil: z.string(),
  }),
  'recording.lost': z.object({ sessionId: id, reason: z.string() }),
  'recording.view': z.object({
    sessionId: id,
    purpose: z.string(),
    purposeLabel: z.string(),
    access: RecordingAccessBasis,
    viewId: id,
    /** Only for an investigation view: the reports it investigates. */
    reportIds: ids.optional(),
  }),
  'recording.hold_deferred': z.object({
    sessionId: id,
    reason: DeletionReason,
    detail: z.string(),
    reportIds: ids,
  }),
  'recording.retention_shortened': z.object({
    purpose: z.string(),
    beforeDays: z.number().int(),
    afterDays: z.number().int(),
    policyVersion: z.number().int(),
    recordingIds: ids,
  }),
  'recording.destroyed': z.object({ sessionId: id, reason: DeletionReason, detail: z.string() }),
  'transcript.stored': z.object({
    sessionId: id,
    recordingId: id,
    words: z.number().int().nonnegative(),
    learnerWords: z.number().int().nonnegative(),
    keyId: z.string(),
    retainUntil: z.string(),
  }),
  'transcript.read': z.object({
    sessionId: id,
    recordingId: id,
    status: z.string(),
    /** Read for an access request's archive: which request, and how many of its lines were the subject's. */
    accessRequestId: id.optional(),
    subjectLines: z.number().int().nonnegative().optional(),
  }),
  'transcript.destroyed': z.object({
    sessionId: id,
    recordingId: id,
    reason: DeletionReason,
    detail: z.string(),
  }),
  'vault.keys_rewrapped': z.object({
    toKeyId: z.string(),
    fromKeyIds: z.array(z.string()),
    count: z.number(),
  }),
  // Deletion requests.
  'deletion_request.create': deletionRequestDetail,
  'deletion_request.receive': deletionRequestDetail,
  'deletion_request.approve': deletionDecisionDetail,
  'deletion_request.refuse': deletionDecisionDetail,
  // Access requests.
  'access_request.create': z.object({ subjectKind, studentId: id.optional() }),
  'access_request.answer': z.object({
    requesterUserId: id,
    subjectKind,
    sessions: z.number().int(),
    recordings: z.number().int(),
    withheld: AccessWithheld,
  }),
  'access_request.release': z.object({ requesterUserId: id, subjectKind }),
  'access_request.review': nothing,
  'access_request.download': nothing,
  // Concerns and research.
  'call.let_share': z.object({ sessionId: id, personId: id, mayShare: z.boolean() }),
  'concern.report': z.object({
    sessionId: id,
    duringCall: z.boolean(),
    category: ConcernCategory,
    /** The chat message the report is about, when it was made from one. */
    chatMessageId: id.optional(),
  }),
  // The in-call chat: the text stays in the chat log, never in the audit log.
  'chat.send': z.object({ sessionId: id }),
  'chat.remove': z.object({ sessionId: id, senderPersonId: id }),
  'chat.read': z.object({ sessionId: id, messages: z.number().int() }),
  'chat.destroyed': z.object({ sessionId: id, reason: DeletionReason, messages: z.number().int() }),
  'talk_time.destroyed': z.object({ sessionId: id, reason: DeletionReason, stretches: z.number().int() }),
  // The whiteboard: its elements stay on the board (and the saved board), never in the audit log.
  'board.open': z.object({ sessionId: id }),
  'board.close': z.object({ sessionId: id }),
  'board.lock': z.object({ sessionId: id }),
  'board.unlock': z.object({ sessionId: id }),
  'board.save': z.object({ sessionId: id, revision: z.number().int(), elements: z.number().int() }),
  'board.read': z.object({ sessionId: id, format: z.enum(['elements', 'png']) }),
  // Talk time read afterwards: the whole session's, or a learner's own share (`own`), and whether it was
  // measured at all; a tutor's trend, with how many sessions it showed.
  'insights.read': z.object({ sessionId: id, view: z.enum(['all', 'own']), measured: z.boolean() }),
  'insights.trend': z.object({ tutorUserId: id, sessions: z.number().int() }),
  'board.destroyed': z.object({ sessionId: id, reason: DeletionReason }),
  'concern.close': z.object({ sessionId: id, correctiveActions: z.boolean(), sessionStillHeld: z.boolean() }),
  'research.export': z.object({ sessionIds: ids, recordingIds: ids }),
  'research.export_download': z.object({
    sessionIds: ids,
    recordingIds: ids,
    withdrawnSessions: z.number().int(),
  }),
} satisfies Partial<Record<AuditAction, z.ZodType>>;

/** The actions whose detail has a schema of its own. */
export type AuditDetailedAction = keyof typeof auditDetailSchemas;

/** Any JSON object: the detail of an action without a schema yet. */
export const AuditLooseDetail = z.record(z.string(), z.unknown());
export type AuditLooseDetail = z.infer<typeof AuditLooseDetail>;

/**
 * A refusal: what was asked (`method`, `path` for a request) and why it was refused (`reason`), plus
 * whatever identifies the attempt (a session, the seat, the invite it came through).
 */
export const AuditDeniedDetail = z
  .object({
    method: z.string().optional(),
    path: z.string().optional(),
    reason: z.string().optional(),
  })
  .catchall(z.unknown());
export type AuditDeniedDetail = z.infer<typeof AuditDeniedDetail>;

/** The detail an entry of `action` (done, not refused) carries. */
export type AuditDetail<A extends AuditAction> = A extends AuditDetailedAction
  ? z.infer<(typeof auditDetailSchemas)[A]>
  : AuditLooseDetail;

/** The schema `action`'s detail follows (a loose record for the actions without one). */
export function auditDetailSchema(action: AuditAction): z.ZodType {
  return action in auditDetailSchemas ? auditDetailSchemas[action as AuditDetailedAction] : AuditLooseDetail;
}
