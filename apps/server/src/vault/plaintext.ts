/**
 * The one way a recording's plaintext leaves the vault (playback, research exports). Its data key is
 * unwrapped for this call only and wiped before the stream is handed back, whether opening succeeds or
 * not: the cipher works from its own key object (Node copies the bytes into it), so the stream never
 * needs the buffer, and a consumer that cancels or a chunk that fails to authenticate leaves no key
 * behind in it.
 */
import type { Readable } from 'node:stream';
import type { Db } from '../db/database';
import type { KeyStore } from './crypto/key-store';
import { openPlaintextRange, openWholePlaintext } from './crypto/stream-cipher';
import { blobPath, type VaultFiles } from './ingest';
import { unwrapDataKey } from './wrapped-keys';

/** Plaintext bytes `start` … `end`, both included (as in an HTTP Range). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * A stream of the stored recording's plaintext, `range` or all of it. Rejects with a `VaultKeyError`
 * (`no_key`) when the recording has no data key (never stored, or destroyed), a `VaultRangeError` when
 * the range is not in it; the stream ends with a `VaultIntegrityError` at a chunk that was altered.
 */
export async function openPlaintext(
  deps: { db: Db; keys: KeyStore; files: VaultFiles },
  recordingId: string,
  range?: ByteRange,
): Promise<Readable> {
  const dataKey = await unwrapDataKey(deps, 'recording', recordingId);
  try {
    const path = blobPath(deps.files, recordingId);
    return range
      ? await openPlaintextRange(path, dataKey, range.start, range.end)
      : await openWholePlaintext(path, dataKey);
  } finally {
    dataKey.fill(0);
  }
}
