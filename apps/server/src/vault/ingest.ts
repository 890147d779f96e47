/**
 * Ingest: every finished egress file becomes a recording in the vault, encrypted under a fresh data key,
 * and its plaintext is removed. The recordings table is the durable job list: a `pending` row survives a
 * crash and is simply done again (a fresh key, the partial blob overwritten), and the plaintext is only
 * removed after the stored row, its wrapped key and the blob are all committed.
 */
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { policyVersionOfNotice } from '@assent/shared';
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log';
import { systemActor } from '../audit/system-actor';
import type { Db } from '../db/database';
import { finishedEgressStatuses } from '../livekit/egress';
import { newRecordingId } from '../opaque-ids';
import type { PolicyBook } from '../policy/policy-book';
import type { KeyStore } from './crypto/key-store';
import { encryptOpenFile, newDataKey } from './crypto/stream-cipher';
import { openEgressFile, removeEgressDirectory, removeEgressFile } from './egress-files';
import { retentionEnd } from './lifetime/retention-end';
import { type Recording, recordingsWithStatus } from './recording-repository';
import { storeWrappedKey } from './wrapped-keys';

export interface VaultFiles {
  /** Where the encrypted blobs live. */
  dir: string;
  /** Where egress writes plaintext; nothing outside it is ever opened or deleted as a recording. */
  recordingsDir: string;
}

/** Where a recording's encrypted blob lives; the id says nothing about the session or people. */
export const blobPath = (files: VaultFiles, recordingId: string) => join(files.dir, `${recordingId}.vault`);
export const partialPath = (files: VaultFiles, recordingId: string) =>
  join(files.dir, `${recordingId}.partial`);

export interface IngestDeps {
  db: Db;
  keys: KeyStore;
  files: VaultFiles;
  policies: PolicyBook;
  logger: Logger;
  now: () => Date;
}

/** Makes a rename durable: the directory entry itself is flushed. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Finished egresses Assent started that have no recording yet become `pending` recordings, with the
 * purpose and policy version of the request they were made for, and the path Assent chose for them.
 * Egress's own report of where it wrote is never used: an egress Assent did not start is not ingested.
 */
export async function collectFinishedSegments(deps: IngestDeps): Promise<number> {
  const segments = await deps.db
    .selectFrom('recording_segments')
    .leftJoin('recordings', 'recordings.egress_id', 'recording_segments.egress_id')
    .select([
      'recording_segments.egress_id',
      'recording_segments.session_id',
      'recording_segments.request_id',
      'recording_segments.chosen_path',
      'recording_segments.started_at',
      'recording_segments.ended_at',
      'recording_segments.media_started_at',
    ])
    .where('recordings.id', 'is', null)
    .where('recording_segments.chosen_path', 'is not', null)
    .where('recording_segments.status', 'in', [...finishedEgressStatuses])
    .execute();
  let added = 0;
  for (const segment of segments) {
    const request = segment.request_id
      ? await deps.db
          .selectFrom('consent_log')
          .select(['purpose', 'notice_version'])
          .where('session_id', '=', segment.session_id)
          .where('request_id', '=', segment.request_id)
          .where('kind', '=', 'request')
          .executeTakeFirst()
      : undefined;
    const policyVersion =
      (request && policyVersionOfNotice(request.notice_version)) ?? (await deps.policies.current()).version;
    const result = await deps.db
      .insertInto('recordings')
      .values({
        id: newRecordingId(),
        egress_id: segment.egress_id,
        session_id: segment.session_id,
        request_id: segment.request_id,
        purpose: request?.purpose ?? 'unknown',
        policy_version: policyVersion,
        status: 'pending',
        plaintext_path: segment.chosen_path,
        started_at: segment.started_at,
        ended_at: segment.ended_at,
        media_started_at: segment.media_started_at,
        created_at: deps.now().toISOString(),
      })
      .onConflict((oc) => oc.column('egress_id').doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return added;
}

async function markLost(deps: IngestDeps, recording: Recording, reason: string): Promise<void> {
  const at = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('recordings')
      .set({ status: 'lost', ingest_error: reason, plaintext_path: null })
      .where('id', '=', recording.id)
      .where('status', '=', 'pending')
      .execute();
    await appendAudit(trx, {
      actor: systemActor,
      action: 'recording.lost',
      target: { type: 'recording', id: recording.id },
      detail: { sessionId: recording.sessionId, reason },
      at,
    });
  });
  deps.logger.warn({ recordingId: recording.id, reason }, 'egress left no recording to store');
}

/**
 * Encrypts one pending recording into the vault, then removes its plaintext. An egress that left no
 * file, an empty one, or a path that is not a regular file inside the recordings directory is `lost`:
 * never a stored recording, and nothing outside the recordings directory is read or removed.
 */
export async function ingestRecording(deps: IngestDeps, recording: Recording): Promise<void> {
  const source = recording.plaintextPath;
  const file = source ? await openEgressFile(deps.files.recordingsDir, source) : { kind: 'missing' as const };
  if (file.kind === 'missing' || !source) {
    await markLost(deps, recording, 'egress finished without a file');
    return;
  }
  if (file.kind === 'refused') {
    await markLost(deps, recording, `egress's file was refused: ${file.reason}`);
    return;
  }
  if (file.size === 0) {
    await file.handle.close();
    await removePlaintext(deps.files, source);
    await markLost(deps, recording, 'egress produced an empty file');
    return;
  }
  try {
    await encryptAndStore(deps, recording, file.handle, source);
  } finally {
    await file.handle.close().catch(() => {});
  }
}

/** The plaintext, egress's small manifest beside it, and the session's directory once empty. */
async function removePlaintext(files: VaultFiles, source: string): Promise<void> {
  await removeEgressFile(files.recordingsDir, source);
  await removeEgressFile(files.recordingsDir, `${source}.json`);
  await removeEgressDirectory(files.recordingsDir, source);
}

async function encryptAndStore(
  deps: IngestDeps,
  recording: Recording,
  handle: FileHandle,
  source: string,
): Promise<void> {
  const started = Date.now();
  const dataKey = newDataKey();
  const partial = partialPath(deps.files, recording.id);
  try {
    const sizes = await encryptOpenFile(handle, partial, dataKey);
    await rename(partial, blobPath(deps.files, recording.id));
    await syncDirectory(deps.files.dir);
    const wrapped = await deps.keys.wrap(dataKey, recording.id);
    const at = deps.now();
    const storedAt = at.toISOString();
    const retention = await retentionEnd(deps.policies, recording, storedAt);
    const retainUntil = retention.retainUntil;
    await deps.db.transaction().execute(async (trx) => {
      await storeWrappedKey(trx, 'recording', recording.id, wrapped, at);
      await trx
        .updateTable('recordings')
        .set({
          status: 'stored',
          size_bytes: sizes.plaintextBytes,
          cipher_bytes: sizes.cipherBytes,
          stored_at: storedAt,
          retain_until: retainUntil,
          retention_policy_version: retention.policyVersion,
          ingest_error: null,
          ingest_attempts: recording.ingestAttempts + 1,
        })
        .where('id', '=', recording.id)
        .execute();
      await appendAudit(trx, {
        actor: systemActor,
        action: 'recording.stored',
        target: { type: 'recording', id: recording.id },
        detail: {
          sessionId: recording.sessionId,
          purpose: recording.purpose,
          bytes: sizes.plaintextBytes,
          keyId: wrapped.kekId,
          retainUntil,
        },
        at,
      });
    });
    await removePlaintext(deps.files, source);
    const removedAt = deps.now().toISOString();
    await deps.db
      .updateTable('recordings')
      .set({ plaintext_path: null, plaintext_removed_at: removedAt })
      .where('id', '=', recording.id)
      .execute();
    deps.logger.info(
      {
        recordingId: recording.id,
        bytes: sizes.plaintextBytes,
        encryptMs: Date.now() - started,
        // How long the plaintext existed: from egress's start, and after egress finished the file.
        plaintextSeconds: recording.startedAt
          ? (Date.parse(removedAt) - Date.parse(recording.startedAt)) / 1000
          : undefined,
        plaintextAfterEndMs: recording.endedAt
          ? Date.parse(removedAt) - Date.parse(recording.endedAt)
          : undefined,
      },
      'recording stored in the vault',
    );
  } catch (err) {
    await rm(partial, { force: true });
    await deps.db
      .updateTable('recordings')
      .set({
        ingest_attempts: recording.ingestAttempts + 1,
        ingest_error: err instanceof Error ? err.message : String(err),
      })
      .where('id', '=', recording.id)
      .execute();
    throw err;
  } finally {
    dataKey.fill(0);
  }
}

/** Ingests every pending recording, one at a time (encryption is I/O- and CPU-bound). */
export async function ingestPending(deps: IngestDeps, skip?: (r: Recording) => Promise<boolean>) {
  let stored = 0;
  for (const recording of await recordingsWithStatus(deps.db, 'pending')) {
    if (skip && (await skip(recording))) continue;
    try {
      await ingestRecording(deps, recording);
      stored += 1;
    } catch (err) {
      deps.logger.error(
        { err, recordingId: recording.id, attempts: recording.ingestAttempts + 1 },
        'ingest failed; will retry',
      );
    }
  }
  return stored;
}
