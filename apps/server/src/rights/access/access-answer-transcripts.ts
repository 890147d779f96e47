/**
 * The access answer's transcripts: every transcript of the answer's recordings, with its state and dates.
 * The text stays encrypted in the vault (the answer is kept); the subject reads it where they may watch
 * the recording.
 */
import type { AccessAnswer } from '@assent/shared';
import type { DbOrTrx } from '../../db/database';
import type { Recording } from '../../vault/recording-repository';
import { idsOrNone } from './access-subject';

export async function transcriptSection(
  db: DbOrTrx,
  recordings: readonly Recording[],
): Promise<AccessAnswer['transcripts']> {
  const rows = await db
    .selectFrom('transcripts')
    .innerJoin('sessions', 'sessions.id', 'transcripts.session_id')
    .select([
      'transcripts.recording_id',
      'sessions.title',
      'transcripts.status',
      'transcripts.created_at',
      'transcripts.ready_at',
      'transcripts.retain_until',
      'transcripts.destroyed_at',
    ])
    .where('transcripts.recording_id', 'in', idsOrNone(recordings.map((r) => r.id)))
    .orderBy('transcripts.created_at')
    .orderBy('transcripts.id')
    .execute();
  return rows.map((r) => ({
    recordingId: r.recording_id,
    sessionTitle: r.title,
    status: r.status,
    createdAt: r.created_at,
    readyAt: r.ready_at,
    retainUntil: r.retain_until,
    destroyedAt: r.destroyed_at,
  }));
}
