/**
 * Deletion requests (Hearken: "Participants can request early deletion of recordings involving them.
 * These requests will be evaluated on a case-by-case basis"): asked from the recordings page or after a
 * withdrawal in the call, decided by an admin with a written reason, and answered on the requester's
 * "Your requests" page.
 */
import { z } from 'zod';

export const DeletionRequestStatus = z.enum(['open', 'approved', 'refused']);
export type DeletionRequestStatus = z.infer<typeof DeletionRequestStatus>;

/** Where the request was made: the one click after withdrawing in the call, or a recording's page. */
export const DeletionRequestOrigin = z.enum(['withdrawal', 'recordings_page']);
export type DeletionRequestOrigin = z.infer<typeof DeletionRequestOrigin>;

/** `POST /api/recordings/:id/deletion-request`: the requester may say why; the admin sees it. */
export const RecordingDeletionRequestBody = z.object({
  reason: z.string().trim().max(2000, 'Keep the reason under 2000 characters').optional(),
});
export type RecordingDeletionRequestBody = z.infer<typeof RecordingDeletionRequestBody>;

/** A request as its requester sees it under "Your requests". */
export const MyDeletionRequest = z.object({
  id: z.string(),
  sessionTitle: z.string(),
  origin: DeletionRequestOrigin,
  /** The one recording asked about; null: every recording of the session made before `createdAt`. */
  recordingId: z.string().nullable(),
  /** When that one recording was made, if known. */
  recordedAt: z.string().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  status: DeletionRequestStatus,
  decidedAt: z.string().nullable(),
  /** The admin's written reason for the decision. */
  decisionReason: z.string().nullable(),
});
export type MyDeletionRequest = z.infer<typeof MyDeletionRequest>;

export const MyDeletionRequestList = z.object({ requests: z.array(MyDeletionRequest) });
export type MyDeletionRequestList = z.infer<typeof MyDeletionRequestList>;

/** A recording a request covers, as the admin deciding it sees it. */
export const CoveredRecording = z.object({
  id: z.string(),
  purpose: z.string(),
  purposeLabel: z.string(),
  recordedAt: z.string().nullable(),
  status: z.enum(['pending', 'stored', 'destroyed', 'lost']),
});
export type CoveredRecording = z.infer<typeof CoveredRecording>;

/** A request as the admin sees it on `/admin/requests`. */
export const AdminDeletionRequest = MyDeletionRequest.extend({
  sessionId: z.string(),
  requesterName: z.string(),
  /** Their role in the session (request from the call) or their account's role. */
  requesterRole: z.enum(['admin', 'reviewer', 'tutor', 'guardian', 'student']),
  recordings: z.array(CoveredRecording),
  /** Whole days from receipt to the decision, or to now while open. */
  openDays: z.number().int().nonnegative(),
  /** An open concern or safeguarding report about the session: approval must wait until it is closed. */
  onHold: z.boolean(),
  decidedByName: z.string().nullable(),
});
export type AdminDeletionRequest = z.infer<typeof AdminDeletionRequest>;

/** Open requests first (oldest first), then decided ones (newest decision first). */
export const AdminDeletionRequestList = z.object({ requests: z.array(AdminDeletionRequest) });
export type AdminDeletionRequestList = z.infer<typeof AdminDeletionRequestList>;

/** `POST /api/admin/deletion-requests/:id/decision`: the admin always writes why. */
export const DeletionDecisionBody = z.object({
  decision: z.enum(['approve', 'refuse']),
  reason: z
    .string()
    .trim()
    .min(10, 'Write at least 10 characters: the requester will read why')
    .max(2000, 'Keep the reason under 2000 characters'),
});
export type DeletionDecisionBody = z.infer<typeof DeletionDecisionBody>;

export const DeletionDecisionResult = z.object({
  request: AdminDeletionRequest,
  /** Recordings destroyed by this approval (none for a refusal). */
  destroyed: z.number().int().nonnegative(),
  /** Whether the requester was told by mail (they also see it on their requests page). */
  requesterMailed: z.boolean(),
});
export type DeletionDecisionResult = z.infer<typeof DeletionDecisionResult>;
