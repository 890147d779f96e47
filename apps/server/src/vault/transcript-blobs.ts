/**
 * Transcripts in the vault: each is encrypted like a recording (the same stream cipher) under its own
 * fresh data key, kept wrapped in the vault's one store of wrapped keys (`wrapped-keys.ts`) with the
 * transcript's id as context, so a transcript's key never opens a recording or another transcript.
 * Destroying one is crypto-shredding: the wrapped key goes in the transaction that marks it destroyed and
 * writes its deletion record; the blob goes after the commit (the leftovers sweep removes it should the
 * process die first).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../db/database';
import type { KeyStore } from './crypto/key-store';
import { encryptFile, newDataKey, openWholePlaintext } from './crypto/stream-cipher';
import { type DestroyReason, recordDestruction } from './deletion-records';
import type { VaultFiles } from './ingest';
import { shredWrappedKey, storeWrappedKey, unwrapDataKey } from './wrapped-keys';

/** The deletion records' and the sweep's name for transcripts: their own data class. */
export const transcriptDataClass = 'transcript';

export const transcriptBlobPath = (files: VaultFiles, transcriptId: string) =>
  join(files.dir, `${transcriptId}.vault`);
const transcriptPartialPath = (files: VaultFiles, transcriptId: string) =>
  join(files.dir, `${transcriptId}.partial`);

/** Where plaintext may sit for a moment: memory-backed `/dev/shm` when the machine has it. */
export async function plaintextScratchDir(): Promise<string> {
  try {
    const handle = await open('/dev/shm', 'r');
    await handle.close();
    return '/dev/shm';
  } catch {
    const { tmpdir } = await import('node:os');
    return tmpdir();
  }
}

/** A fresh scratch path (not yet created) for plaintext; the caller creates it 0600 and removes it. */
export async function scratchPath(suffix: string): Promise<string> {
  return join(await plaintextScratchDir(), `assent-${randomBytes(12).toString('hex')}${suffix}`);
}

export interface SealedTranscript {
  blobName: string;
  cipherBytes: number;
  keyId: string;
}

/**
 * Encrypts `plaintext` into the transcript's blob and, in one transaction, stores its wrapped key and
 * runs `commit` (the caller's row update and audit). When `commit` answers false (the recording was
 * destroyed meanwhile) nothing is kept: the transaction rolls back and the blob is removed.
 */
export async function sealTranscript(
  deps: { db: Db; keys: KeyStore; files: VaultFiles; now: () => Date },
  transcriptId: string,
  plaintext: Buffer,
  commit: (trx: Transaction<Database>, sealed: SealedTranscript) => Promise<boolean>,
): Promise<boolean> {
  const dataKey = newDataKey();
  const scratch = await scratchPath('.json');
  const partial = transcriptPartialPath(deps.files, transcriptId);
  const blob = transcriptBlobPath(deps.files, transcriptId);
  let kept = false;
  try {
    const handle = await open(scratch, 'wx', 0o600);
    try {
      await handle.writeFile(plaintext);
    } finally {
      await handle.close();
    }
    const sizes = await encryptFile(scratch, partial, dataKey);
    await rm(scratch, { force: true });
    await rename(partial, blob);
    const wrapped = await deps.keys.wrap(dataKey, transcriptId);
    const sealed = {
      blobName: `${transcriptId}.vault`,
      cipherBytes: sizes.cipherBytes,
      keyId: wrapped.kekId,
    };
    kept = await deps.db.transaction().execute(async (trx) => {
      await storeWrappedKey(trx, 'transcript', transcriptId, wrapped, deps.now());
      if (!(await commit(trx, sealed))) throw new NotKept();
      return true;
    });
    return kept;
  } catch (err) {
    if (err instanceof NotKept) return false;
    throw err;
  } finally {
    dataKey.fill(0);
    await rm(scratch, { force: true });
    await rm(partial, { force: true });
    if (!kept) await rm(blob, { force: true });
  }
}

class NotKept extends Error {}

/** A ready transcript's plaintext; its data key is wiped before this resolves. */
export async function openTranscript(
  deps: { db: Db; keys: KeyStore; files: VaultFiles },
  transcriptId: string,
): Promise<Buffer> {
  const dataKey = await unwrapDataKey(deps, 'transcript', transcriptId);
  let stream: Awaited<ReturnType<typeof openWholePlaintext>>;
  try {
    stream = await openWholePlaintext(transcriptBlobPath(deps.files, transcriptId), dataKey);
  } finally {
    dataKey.fill(0);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The shredding of a recording's transcript, inside the caller's transaction: whatever its state (a
 * queued job is cancelled too), it becomes destroyed, its wrapped key is deleted and, if it held text,
 * a deletion record naming the transcript class is written and audited. The id of what was shredded, or
 * undefined when there was nothing to destroy; its blob is the caller's to remove after the commit.
 */
export async function shredTranscriptOf(
  trx: Transaction<Database>,
  recordingId: string,
  why: DestroyReason,
  at: Date,
): Promise<string | undefined> {
  const row = await trx
    .selectFrom('transcripts')
    .select(['id', 'session_id', 'status', 'created_at'])
    .where('recording_id', '=', recordingId)
    .where('status', '!=', 'destroyed')
    .executeTakeFirst();
  if (!row) return undefined;
  const changed = await trx
    .updateTable('transcripts')
    .set({ status: 'destroyed', destroyed_at: at.toISOString(), claimed_at: null, claimed_by: null })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return undefined;
  await shredWrappedKey(trx, 'transcript', row.id);
  if (row.status === 'ready') {
    const { id, session_id: sessionId, created_at: recordedAt } = row;
    await recordDestruction(trx, { id, sessionId, dataClass: transcriptDataClass, recordedAt }, why, at, {
      action: 'transcript.destroyed',
      target: { type: 'transcript', id },
      detail: { sessionId, recordingId, reason: why.reason, detail: why.detail },
    });
  }
  return row.id;
}

/** Removes a transcript's blob (and any partial); missing files are fine. */
export async function removeTranscriptFiles(files: VaultFiles, transcriptId: string): Promise<void> {
  await rm(transcriptBlobPath(files, transcriptId), { force: true });
  await rm(transcriptPartialPath(files, transcriptId), { force: true });
}
