/** Deletion records as the admin page shows them. */
import type { DeletionRecord } from '@assent/shared';
import type { DeletionRecordRow } from './recording-repository';

export const toDeletionRecord = (row: DeletionRecordRow): DeletionRecord => ({
  id: row.id,
  recordingId: row.recording_id,
  sessionId: row.session_id,
  sessionTitle: row.session_title,
  purpose: row.purpose,
  recordedAt: row.recorded_at,
  destroyedAt: row.destroyed_at,
  reason: row.reason,
  detail: row.detail,
  decidedByName: row.decided_by_name,
});
