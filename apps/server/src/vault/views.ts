/**
 * A playback is one view: created (and audited, in the same transaction) when someone presses play, and
 * named by the media URL, so the many range requests a video element makes are one audited access.
 */
import type { PlaybackGrant, RecordingAccessBasis } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import type { Db, DbOrTrx } from '../db/database';
import { newViewId } from '../opaque-ids';
import type { Actor } from '../people/actor';
import { openReportIds } from './lifetime/holds';
import type { RecordingTerms } from './recording-access';
import type { Recording } from './recording-repository';

/** Long enough to watch a long session with pauses; a later visit is a new, audited view. */
export const viewLifetimeMs = 4 * 60 * 60 * 1000;

export async function createView(
  deps: { db: Db; now: () => Date },
  actor: Actor,
  recording: Recording,
  terms: RecordingTerms,
  access: RecordingAccessBasis,
): Promise<PlaybackGrant> {
  const at = deps.now();
  const id = newViewId();
  const expiresAt = new Date(at.getTime() + viewLifetimeMs).toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('recording_views')
      .values({
        id,
        recording_id: recording.id,
        user_id: actor.userId,
        access,
        created_at: at.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    await appendAudit(trx, {
      actor: { userId: actor.userId, role: actor.role },
      action: 'recording.view',
      target: { type: 'recording', id: recording.id },
      detail: {
        sessionId: recording.sessionId,
        purpose: recording.purpose,
        purposeLabel: terms.purposeLabel,
        access,
        viewId: id,
        // An investigation view says which reports it investigates (VTO: reviewed for that purpose only).
        ...(access === 'investigation' ? { reportIds: await openReportIds(trx, recording.sessionId) } : {}),
      },
      at,
    });
  });
  return {
    viewId: id,
    mediaUrl: `/api/recordings/${encodeURIComponent(recording.id)}/media?view=${encodeURIComponent(id)}`,
    contentType: 'video/mp4',
    viewerName: actor.name,
    viewedAt: at.toISOString(),
    expiresAt,
  };
}

/** The caller's own unexpired view of this recording, if any. */
export async function findLiveView(
  db: DbOrTrx,
  viewId: string,
  userId: string,
  recordingId: string,
  at: Date,
) {
  return db
    .selectFrom('recording_views')
    .select(['id', 'access'])
    .where('id', '=', viewId)
    .where('user_id', '=', userId)
    .where('recording_id', '=', recordingId)
    .where('expires_at', '>', at.toISOString())
    .executeTakeFirst();
}
