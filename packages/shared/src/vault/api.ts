/**
 * The recording vault as people see it: the recordings they may watch, what each was recorded under,
 * a playback grant (one audited view), and the deletion records admins keep.
 */
import { z } from 'zod';
import { StaffRole } from '../people/roles';

/** Why the caller may see a recording; the page says it in words. */
export const RecordingAccessBasis = z.enum([
  /** Staff whose role the policy lists for the recording's purpose. */
  'purpose_viewer',
  /** The tutor who owns the session, where the policy lets tutors watch that purpose. */
  'own_session',
  /** A reviewer or admin investigating an open concern or safeguarding report about the session. */
  'investigation',
  /** A student or guardian who attended, within the participant playback window. */
  'attended',
]);
export type RecordingAccessBasis = z.infer<typeof RecordingAccessBasis>;

export const RecordingSummary = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  purpose: z.string(),
  purposeLabel: z.string(),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  /** Whole seconds between start and end, when both are known. */
  durationSeconds: z.number().int().nonnegative().nullable(),
  /** Size of the recording itself (not of its encrypted blob). */
  sizeBytes: z.number().int().nonnegative(),
  /** When the retention rule destroys it, unless a hold pauses that. */
  retainUntil: z.string(),
  /** For participants, the end of their playback window; null for staff. */
  playableUntil: z.string().nullable(),
  access: RecordingAccessBasis,
  /**
   * An open concern or safeguarding report about the session holds it: retention is paused until the
   * report is closed. Told only to the safeguarding staff (the people being looked into must not learn).
   */
  onHold: z.boolean(),
});
export type RecordingSummary = z.infer<typeof RecordingSummary>;

/**
 * Recordings of a tutor's own sessions that the policy does not let them watch, counted per purpose (never
 * listed), so their page does not say there are none. Who may watch them is part of the policy every
 * signed-in person can read, so saying it tells nothing new.
 */
export const RecordingsNotShown = z.object({
  purposeLabel: z.string(),
  count: z.number().int().positive(),
  /** The staff roles the policy lets watch these recordings (empty: nobody may watch them now). */
  viewerRoles: z.array(StaffRole),
});
export type RecordingsNotShown = z.infer<typeof RecordingsNotShown>;

export const RecordingList = z.object({
  recordings: z.array(RecordingSummary),
  notShown: z.array(RecordingsNotShown).default([]),
});
export type RecordingList = z.infer<typeof RecordingList>;

/** One entry of the consent log a recording was made under. */
export const RecordingConsent = z.object({
  personName: z.string(),
  role: z.string(),
  kind: z.enum(['request', 'consent', 'decline', 'withdraw', 'cancel']),
  at: z.string(),
  purpose: z.string(),
  noticeVersion: z.string(),
  /** For a guardian's consent, the child it was given for. */
  forName: z.string().nullable(),
  /** A guardian's consent given ahead of the session (rule 3, where the policy allows it). */
  inAdvance: z.boolean(),
});
export type RecordingConsent = z.infer<typeof RecordingConsent>;

export const RecordingDetail = RecordingSummary.extend({
  /** The request's entries: who asked, who consented, when, for what, under which notice. */
  consents: z.array(RecordingConsent),
});
export type RecordingDetail = z.infer<typeof RecordingDetail>;

/**
 * `POST /api/recordings/:id/playback`: one audited view. The media URL carries the view id; range
 * requests under it are not audited again. The overlay shows `viewerName` and `viewedAt`.
 */
export const PlaybackGrant = z.object({
  viewId: z.string(),
  mediaUrl: z.string(),
  contentType: z.string(),
  viewerName: z.string(),
  viewedAt: z.string(),
  expiresAt: z.string(),
});
export type PlaybackGrant = z.infer<typeof PlaybackGrant>;

export const DeletionReason = z.enum([
  /** The retention period for its purpose ended. */
  'retention',
  /** Someone withdrew and the organisation's withdrawal rule is "erase". */
  'withdrawal',
  /** An admin decided a deletion request. */
  'decision',
]);
export type DeletionReason = z.infer<typeof DeletionReason>;

/** What is kept after a recording is destroyed: never media, never a key. */
export const DeletionRecord = z.object({
  id: z.string(),
  recordingId: z.string(),
  sessionId: z.string(),
  sessionTitle: z.string(),
  purpose: z.string(),
  recordedAt: z.string().nullable(),
  destroyedAt: z.string(),
  reason: DeletionReason,
  /** In words: "Retention of 90 days for Quality assurance ended", "Sam withdrew consent". */
  detail: z.string(),
  /** The admin who decided, or null when a rule did. */
  decidedByName: z.string().nullable(),
});
export type DeletionRecord = z.infer<typeof DeletionRecord>;

export const DeletionRecordList = z.object({ records: z.array(DeletionRecord) });
export type DeletionRecordList = z.infer<typeof DeletionRecordList>;

/** `POST /api/recording/deletion-request`: from the call, after a withdrawal (invite token as bearer). */
export const CallDeletionRequestBody = z.object({
  clientRequestId: z.string().uuid('clientRequestId must be a UUID'),
});
export type CallDeletionRequestBody = z.infer<typeof CallDeletionRequestBody>;

/** A deletion request as its requester sees it; an admin decides it with a written reason. */
export const DeletionRequestReceipt = z.object({
  id: z.string(),
  status: z.enum(['open', 'approved', 'refused']),
  receivedAt: z.string(),
});
export type DeletionRequestReceipt = z.infer<typeof DeletionRequestReceipt>;

/** `POST /api/admin/policy/retention-effects`: the retention per purpose an admin is about to save. */
export const RetentionEffectsRequest = z.object({
  purposes: z
    .array(
      z.object({
        id: z.string().min(1).max(60),
        retentionDays: z.number().int().positive().max(3650),
      }),
    )
    .max(20),
});
export type RetentionEffectsRequest = z.infer<typeof RetentionEffectsRequest>;

/**
 * What saving a changed retention does to recordings already stored: a shorter one applies to them
 * (they are destroyed sooner), a longer one does not (people consented to the shorter time).
 */
export const RetentionEffect = z.object({
  purpose: z.string(),
  label: z.string(),
  beforeDays: z.number().int(),
  afterDays: z.number().int(),
  direction: z.enum(['shorter', 'longer']),
  /** Stored recordings of this purpose. */
  storedRecordings: z.number().int(),
  /** Shorter only: how many will be destroyed sooner than they would have been. */
  destroyedSooner: z.number().int(),
  /** Shorter only: how many of those are already past the new retention (the next sweep destroys them). */
  destroyedAtNextSweep: z.number().int(),
});
export type RetentionEffect = z.infer<typeof RetentionEffect>;

export const RetentionEffects = z.object({ effects: z.array(RetentionEffect) });
export type RetentionEffects = z.infer<typeof RetentionEffects>;
