/**
 * Reading a recording's transcript: for whoever may watch the recording (`can`'s `recording.watch`,
 * through the vault's `accessOf`), every reading audited. A transcript may outlive media its recording's
 * retention destroyed, so a destroyed recording whose transcript is still kept is readable too. A
 * recording that does not exist and one the caller may not watch answer alike (404), the refusal audited.
 */
import type { RecordingTranscript } from '@assent/shared';
import { appendAudit, auditDenied } from '../audit/audit-log';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import type { Actor } from '../people/actor';
import type { PolicyBook } from '../policy/policy-book';
import { accessOf, recordingResource } from '../vault/recording-access';
import { findRecording } from '../vault/recording-repository';
import type { Vault } from '../vault/vault';
import { openSealedTranscript } from './sealed-transcript';

export interface TranscriptReadDeps {
  db: Db;
  policies: PolicyBook;
  vault: Pick<Vault, 'openTranscript'>;
  now: () => Date;
}

export const transcriptNotFound = () =>
  new AppError(404, 'not_found', 'There is no such recording, or you may not watch it.');

export async function readTranscript(
  deps: TranscriptReadDeps,
  actor: Actor,
  recordingId: string,
): Promise<RecordingTranscript> {
  const at = deps.now();
  const recording = await findRecording(deps.db, recordingId);
  const transcript = recording
    ? await deps.db
        .selectFrom('transcripts')
        .select(['id', 'status'])
        .where('recording_id', '=', recording.id)
        .executeTakeFirst()
    : undefined;
  // Stored, or destroyed with its transcript kept on (its own retention).
  const readable =
    recording !== undefined &&
    (recording.status === 'stored' || (recording.status === 'destroyed' && transcript?.status === 'ready'));
  const view = readable
    ? await recordingResource({ db: deps.db, policies: deps.policies }, recording, at)
    : undefined;
  if (!recording || !view || !accessOf(actor, view)) {
    await auditDenied(deps.db, {
      actor,
      action: 'transcript.read',
      target: { type: 'recording', id: recordingId },
      detail: { reason: readable ? 'not_allowed' : 'not_found' },
      at,
    });
    throw transcriptNotFound();
  }
  const status = transcript?.status ?? 'none';
  const lines =
    transcript?.status === 'ready' ? (await openSealedTranscript(deps.vault, transcript.id)).lines : [];
  await appendAudit(deps.db, {
    actor: { userId: actor.userId, role: actor.role },
    action: 'transcript.read',
    target: { type: 'recording', id: recording.id },
    detail: { sessionId: recording.sessionId, recordingId: recording.id, status },
    at,
  });
  return { recordingId: recording.id, status, lines };
}
