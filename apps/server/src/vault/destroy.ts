/**
 * Destroying a recording: crypto-shredding first (the wrapped data key is deleted in the same
 * transaction that marks the recording destroyed, writes its deletion record and audits it), then the
 * blob and any plaintext are deleted. A crash between the two leaves only an unreadable blob, which the
 * sweeper removes; running it twice destroys nothing twice.
 */
import { rm } from 'node:fs/promises';
import type { DeletionReason } from '@assent/shared';
import type { Logger } from 'pino';
import { type AuditActor, appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { newDeletionRecordId } from '../opaque-ids';
import { blobPath, partialPath, systemActor, type VaultFiles } from './ingest';
import type { Recording } from './recording-repository';

export interface DestroyDeps {
  db: Db;
  files: VaultFiles;
  logger: Logger;
  now: () => Date;
}

export interface DestroyReason {
  reason: DeletionReason;
  /** In words, for the deletion record: which rule or whose decision. */
  detail: string;
  /** The admin who decided; system (a rule) when absent. */
  decidedBy?: AuditActor & { userId: string };
}

/** Removes a recording's files; missing files are fine (already gone). */
export async function removeRecordingFiles(files: VaultFiles, recording: Recording): Promise<void> {
  await rm(blobPath(files, recording.id), { force: true });
  await rm(partialPath(files, recording.id), { force: true });
  if (recording.plaintextPath) {
    await rm(recording.plaintextPath, { force: true });
    await rm(`${recording.plaintextPath}.json`, { force: true });
  }
}

/** Destroys one recording (stored, or pending whose plaintext must not be kept). False if it already was. */
export async function destroyRecording(
  deps: DestroyDeps,
  recording: Recording,
  why: DestroyReason,
): Promise<boolean> {
  const at = deps.now();
  const destroyedAt = at.toISOString();
  const destroyed = await deps.db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('recordings')
      .set({ status: 'destroyed', destroyed_at: destroyedAt })
      .where('id', '=', recording.id)
      .where('status', 'in', ['pending', 'stored'])
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) return false;
    await trx.deleteFrom('recording_keys').where('recording_id', '=', recording.id).execute();
    const session = await trx
      .selectFrom('sessions')
      .select('title')
      .where('id', '=', recording.sessionId)
      .executeTakeFirst();
    await trx
      .insertInto('deletion_records')
      .values({
        id: newDeletionRecordId(),
        recording_id: recording.id,
        session_id: recording.sessionId,
        session_title: session?.title ?? '',
        purpose: recording.purpose,
        recorded_at: recording.startedAt,
        destroyed_at: destroyedAt,
        reason: why.reason,
        detail: why.detail,
        decided_by_user_id: why.decidedBy?.userId ?? null,
      })
      .execute();
    await appendAudit(trx, {
      actor: why.decidedBy ?? systemActor,
      action: 'recording.destroyed',
      target: { type: 'recording', id: recording.id },
      detail: { sessionId: recording.sessionId, reason: why.reason, detail: why.detail },
      at,
    });
    return true;
  });
  await removeRecordingFiles(deps.files, recording);
  if (recording.plaintextPath) {
    await deps.db
      .updateTable('recordings')
      .set({ plaintext_path: null })
      .where('id', '=', recording.id)
      .execute();
  }
  if (destroyed) {
    deps.logger.info({ recordingId: recording.id, reason: why.reason }, 'recording destroyed');
  }
  return destroyed;
}
