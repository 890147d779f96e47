/**
 * Destroying a recording: crypto-shredding first (the wrapped data key is deleted in the same
 * transaction that marks the recording destroyed, writes its deletion record and audits it), then the
 * blob and any plaintext are deleted. A crash between the two leaves only an unreadable blob, which the
 * sweeper removes; running it twice destroys nothing twice.
 */
import { rm } from 'node:fs/promises';
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/database';
import { type DestroyReason, recordDestruction } from './deletion-records';
import { removeEgressFile } from './egress-files';
import { blobPath, partialPath, type VaultFiles } from './ingest';
import { isHeld } from './lifetime/holds';
import type { Recording } from './recording-repository';
import { checkpointAfterShredding } from './shred-checkpoint';
import { removeTranscriptFiles, shredTranscriptOf } from './transcript-blobs';
import { shredWrappedKey } from './wrapped-keys';

export interface DestroyDeps {
  db: Db;
  files: VaultFiles;
  logger: Logger;
  now: () => Date;
}

/** Removes a recording's files; missing files are fine (already gone). Plaintext only inside the recordings directory. */
export async function removeRecordingFiles(files: VaultFiles, recording: Recording): Promise<void> {
  await rm(blobPath(files, recording.id), { force: true });
  await rm(partialPath(files, recording.id), { force: true });
  if (recording.plaintextPath) {
    await removeEgressFile(files.recordingsDir, recording.plaintextPath);
    await removeEgressFile(files.recordingsDir, `${recording.plaintextPath}.json`);
  }
}

/**
 * The shredding itself, inside the caller's transaction: marks the recording destroyed, deletes its
 * wrapped data key, writes its deletion record and audits it. False (and nothing written) if it was
 * not stored or pending, or if retention is the reason and a report about the session is open (checked
 * here, in the transaction, so a report made while the sweep runs still holds it). The files are the caller's to remove after the commit (`afterShredding`).
 */
export async function shredRecording(
  trx: Transaction<Database>,
  recording: Recording,
  why: DestroyReason,
  at: Date,
): Promise<boolean> {
  if (why.reason === 'retention' && (await isHeld(trx, recording.sessionId))) return false;
  const changed = await trx
    .updateTable('recordings')
    .set({ status: 'destroyed', destroyed_at: at.toISOString() })
    .where('id', '=', recording.id)
    .where('status', 'in', ['pending', 'stored'])
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return false;
  await shredWrappedKey(trx, 'recording', recording.id);
  const { id, sessionId, purpose, startedAt } = recording;
  await recordDestruction(trx, { id, sessionId, dataClass: purpose, recordedAt: startedAt }, why, at, {
    action: 'recording.destroyed',
    target: { type: 'recording', id },
    detail: { sessionId, reason: why.reason, detail: why.detail },
  });
  // Its transcript follows its consent (a withdrawal, a decision), but has its own retention: it may
  // outlive media destroyed by the recording's retention.
  if (why.reason !== 'retention') await shredTranscriptOf(trx, recording.id, why, at);
  return true;
}

/**
 * After the shredding committed: the database's log is checkpointed (the deleted key leaves the disk),
 * then the blob and any plaintext go. Should the process die first, the
 * leftovers sweep removes the blob of a destroyed recording.
 */
export async function afterShredding(
  deps: Pick<DestroyDeps, 'db' | 'files'> & { logger?: Logger },
  recording: Recording,
) {
  await checkpointAfterShredding(deps.db, deps.logger);
  await removeRecordingFiles(deps.files, recording);
  const transcripts = await deps.db
    .selectFrom('transcripts')
    .select('id')
    .where('recording_id', '=', recording.id)
    .where('status', '=', 'destroyed')
    .execute();
  for (const { id } of transcripts) await removeTranscriptFiles(deps.files, id);
  if (recording.plaintextPath) {
    await deps.db
      .updateTable('recordings')
      .set({ plaintext_path: null })
      .where('id', '=', recording.id)
      .execute();
  }
}

/** Destroys one recording (stored, or pending whose plaintext must not be kept). False if it already was. */
export async function destroyRecording(
  deps: DestroyDeps,
  recording: Recording,
  why: DestroyReason,
): Promise<boolean> {
  const at = deps.now();
  const destroyed = await deps.db.transaction().execute((trx) => shredRecording(trx, recording, why, at));
  await afterShredding(deps, recording);
  if (destroyed) {
    deps.logger.info({ recordingId: recording.id, reason: why.reason }, 'recording destroyed');
  }
  return destroyed;
}
