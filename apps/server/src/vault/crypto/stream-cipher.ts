/**
 * Encrypts a finished recording into a vault blob and reads plaintext ranges back out of it, in the
 * format of `stream-format.ts`. Memory stays constant whatever the recording's size: files are read and
 * written a batch of chunks at a time, and a range read touches only the chunks that cover it.
 */
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { VaultIntegrityError, VaultKeyError, VaultRangeError } from '../vault-errors';
import {
  type ChunkLocation,
  chunkCountOf,
  chunkLocation,
  chunkNonce,
  cipherSizeOf,
  DATA_KEY_BYTES,
  DEFAULT_CHUNK_SIZE,
  decodeHeader,
  encodeHeader,
  HEADER_BYTES,
  NONCE_PREFIX_BYTES,
  plaintextSizeOf,
  type StreamHeader,
  TAG_BYTES,
} from './stream-format';

const ALGORITHM = 'aes-256-gcm';
/**
 * Plaintext read per syscall while encrypting: many chunks at once, since file I/O costs more than AES.
 * 1 MiB measured faster than 4 MiB here (fewer page faults) and blocks the event loop ~1 ms per batch.
 */
const BATCH_BYTES = 1024 * 1024;
/**
 * Written bytes between background fdatasyncs, so the disk writes while we encrypt and the closing fsync
 * finds little left; one fsync at the end made ingesting 1 GiB about twice as slow here.
 */
const FLUSH_BYTES = 8 * 1024 * 1024;
/** Keeps a batch's writev well under IOV_MAX (1024) when the chunks are tiny. */
const MAX_CHUNKS_PER_BATCH = 256;

export interface VaultFileSizes {
  plaintextBytes: number;
  cipherBytes: number;
}

/** A fresh per-recording data key; it only ever leaves memory wrapped by the key store. */
export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

/**
 * Encrypts `sourcePath` into `targetPath` (created with mode 0600, overwritten if present) and fsyncs it
 * before resolving. Write to a temporary name and rename: on failure the partial target is removed.
 * Fails if the source changes size while it is read.
 */
export async function encryptFile(
  sourcePath: string,
  targetPath: string,
  dataKey: Buffer,
  options: { chunkSize?: number } = {},
): Promise<VaultFileSizes> {
  const source = await open(sourcePath, 'r');
  try {
    return await encryptOpenFile(source, targetPath, dataKey, options);
  } finally {
    await source.close();
  }
}

/** `encryptFile` from a file the caller opened (and checked); the caller closes it. */
export async function encryptOpenFile(
  source: FileHandle,
  targetPath: string,
  dataKey: Buffer,
  options: { chunkSize?: number } = {},
): Promise<VaultFileSizes> {
  const key = dataKeyObject(dataKey);
  const header = encodeHeader(options.chunkSize ?? DEFAULT_CHUNK_SIZE, randomBytes(NONCE_PREFIX_BYTES));
  const stat = await source.stat();
  if (!stat.isFile()) throw new Error('the source is not a regular file');
  return await writeThenSync(targetPath, async (target) => ({
    plaintextBytes: stat.size,
    cipherBytes: await encryptChunks(source, target, key, header, stat.size),
  }));
}

/**
 * A stream of exactly the plaintext bytes `start`…`endInclusive` (as in an HTTP Range). Only the chunks
 * covering the range are read, one at a time, and each is authenticated in full before any of its bytes
 * are pushed; a chunk that fails ends the stream with a `VaultIntegrityError`. A range outside the
 * recording rejects with a `VaultRangeError`; a blob that is not a vault blob with a `VaultIntegrityError`.
 *
 * SECURITY: the plaintext size comes from the blob's length, which only the final chunk's "last" flag
 * proves; a blob cut at a chunk boundary looks shorter until a range reaching its end is read and fails.
 * `decryptFile` checks everything.
 */
export async function openPlaintextRange(
  blobPath: string,
  dataKey: Buffer,
  start: number,
  endInclusive: number,
): Promise<Readable> {
  const key = dataKeyObject(dataKey);
  const blob = await openBlob(blobPath);
  const inside =
    Number.isSafeInteger(start) &&
    Number.isSafeInteger(endInclusive) &&
    start >= 0 &&
    start <= endInclusive &&
    endInclusive < blob.plaintextBytes;
  if (!inside) {
    await blob.file.close();
    throw new VaultRangeError(start, endInclusive, blob.plaintextBytes);
  }
  return plaintextRangeStream(blob, key, start, endInclusive);
}

/** `openPlaintextRange` over the whole recording; an empty recording gives an empty stream. */
export async function openWholePlaintext(blobPath: string, dataKey: Buffer): Promise<Readable> {
  const key = dataKeyObject(dataKey);
  const blob = await openBlob(blobPath);
  if (blob.plaintextBytes === 0) {
    await blob.file.close();
    return Readable.from([]);
  }
  return plaintextRangeStream(blob, key, 0, blob.plaintextBytes - 1);
}

/** The recording's plaintext size, from the header and the blob's length (unauthenticated, see above). */
export async function plaintextSizeOfBlob(blobPath: string): Promise<number> {
  const blob = await openBlob(blobPath);
  await blob.file.close();
  return blob.plaintextBytes;
}

/** Decrypts a whole blob, authenticating every chunk and the end of the stream; for tools and tests. */
export async function decryptFile(
  blobPath: string,
  targetPath: string,
  dataKey: Buffer,
): Promise<VaultFileSizes> {
  const key = dataKeyObject(dataKey);
  const blob = await openBlob(blobPath);
  try {
    return await writeThenSync(targetPath, async (target) => {
      const sealed = Buffer.allocUnsafe(blob.header.chunkSize + TAG_BYTES);
      const chunks = chunkCountOf(blob.plaintextBytes, blob.header.chunkSize);
      for (let index = 0; index < chunks; index++) {
        const at = chunkLocation(index, blob.plaintextBytes, blob.header.chunkSize);
        await writeAll(target, [await readChunk(blob, key, at, sealed)], at.plainStart);
      }
      return { plaintextBytes: blob.plaintextBytes, cipherBytes: blob.cipherBytes };
    });
  } finally {
    await blob.file.close();
  }
}

/**
 * Reads batches of whole chunks into two alternating buffers, so that the next read and the previous
 * write (both on libuv's thread pool) overlap the encryption of the current batch on this thread, and
 * flushes to disk in the background as it goes.
 */
async function encryptChunks(
  source: FileHandle,
  target: FileHandle,
  key: KeyObject,
  header: StreamHeader,
  plaintextBytes: number,
): Promise<number> {
  const { chunkSize } = header;
  const cipherBytes = cipherSizeOf(plaintextBytes, chunkSize);
  const chunks = chunkCountOf(plaintextBytes, chunkSize);
  const chunksPerBatch = Math.min(MAX_CHUNKS_PER_BATCH, Math.max(1, Math.floor(BATCH_BYTES / chunkSize)));
  const bufferBytes = Math.min(chunksPerBatch * chunkSize, plaintextBytes);
  const buffers = [Buffer.allocUnsafe(bufferBytes), Buffer.allocUnsafe(bufferBytes)] as const;

  const readBatch = async (firstChunk: number, into: Buffer) => {
    const position = firstChunk * chunkSize;
    const length = Math.min(into.length, plaintextBytes - position);
    const plain = await readExactly(source, into, length, position);
    if (plain.length < length) throw new Error('the source file shrank while it was being encrypted');
    return plain;
  };
  // Each in-flight promise gets a no-op handler at once, so that one failing while we await the other
  // is not reported as unhandled; awaiting it later still throws.
  let reading = readBatch(0, buffers[0]);
  reading.catch(() => {});
  let writing = writeAll(target, [header.bytes], 0);
  writing.catch(() => {});
  let position = HEADER_BYTES;
  let flushedUpTo = 0;
  let flushing: Promise<void> | undefined;
  let flushFailure: unknown;

  for (let first = 0, turn = 0; first < chunks; first += chunksPerBatch, turn = 1 - turn) {
    const plain = await reading;
    const end = Math.min(first + chunksPerBatch, chunks);
    if (end < chunks) {
      reading = readBatch(end, buffers[turn === 0 ? 1 : 0]);
      reading.catch(() => {});
    }
    const sealed: Buffer[] = [];
    for (let index = first; index < end; index++) {
      const offset = (index - first) * chunkSize;
      const chunk = plain.subarray(offset, offset + chunkSize);
      sealed.push(...sealChunk(key, header, index, index === chunks - 1, chunk));
    }
    await writing;
    writing = writeAll(target, sealed, position);
    writing.catch(() => {});
    for (const piece of sealed) position += piece.length;
    if (!flushing && position - flushedUpTo >= FLUSH_BYTES) {
      flushedUpTo = position;
      // Kept, not thrown here: the fd reports a writeback error only once, so the final fsync may not.
      flushing = target.datasync().then(
        () => {
          flushing = undefined;
        },
        (error: unknown) => {
          flushFailure ??= error;
          flushing = undefined;
        },
      );
    }
  }
  await writing;
  await flushing;
  if (flushFailure) throw flushFailure;
  const { bytesRead } = await source.read(Buffer.alloc(1), 0, 1, plaintextBytes);
  if (bytesRead !== 0) throw new Error('the source file grew while it was being encrypted');
  return cipherBytes;
}

function sealChunk(key: KeyObject, header: StreamHeader, index: number, last: boolean, plain: Buffer) {
  const nonce = chunkNonce(header.noncePrefix, index, last);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(header.bytes);
  const ciphertext = cipher.update(plain);
  cipher.final();
  return [ciphertext, cipher.getAuthTag()];
}

/** Decrypts into a new buffer and returns it only once the tag has verified. */
function openChunk(key: KeyObject, header: StreamHeader, at: ChunkLocation, sealed: Buffer): Buffer {
  const nonce = chunkNonce(header.noncePrefix, at.index, at.last);
  const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(header.bytes);
  decipher.setAuthTag(sealed.subarray(at.plainLength, at.cipherLength));
  const plain = decipher.update(sealed.subarray(0, at.plainLength));
  try {
    decipher.final();
  } catch {
    throw new VaultIntegrityError(
      `chunk ${at.index} failed authentication: the blob was altered, cut or extended, or the key is wrong`,
    );
  }
  return plain;
}

interface OpenBlob {
  file: FileHandle;
  header: StreamHeader;
  cipherBytes: number;
  plaintextBytes: number;
}

/** Opens a blob and reads its header; closes it again if the header or size is impossible. */
async function openBlob(blobPath: string): Promise<OpenBlob> {
  const file = await open(blobPath, 'r');
  try {
    const cipherBytes = (await file.stat()).size;
    const header = decodeHeader(await readExactly(file, Buffer.alloc(HEADER_BYTES), HEADER_BYTES, 0));
    return { file, header, cipherBytes, plaintextBytes: plaintextSizeOf(cipherBytes, header.chunkSize) };
  } catch (error) {
    await file.close();
    throw error;
  }
}

async function readChunk(blob: OpenBlob, key: KeyObject, at: ChunkLocation, into: Buffer): Promise<Buffer> {
  const sealed = await readExactly(blob.file, into, at.cipherLength, at.cipherOffset);
  if (sealed.length < at.cipherLength) throw new VaultIntegrityError('the blob shrank while it was read');
  return openChunk(key, blob.header, at, sealed);
}

function plaintextRangeStream(blob: OpenBlob, key: KeyObject, start: number, endInclusive: number) {
  const { chunkSize } = blob.header;
  const sealed = Buffer.allocUnsafe(chunkSize + TAG_BYTES);
  const lastIndex = Math.floor(endInclusive / chunkSize);
  let index = Math.floor(start / chunkSize);
  return new Readable({
    highWaterMark: chunkSize,
    // Node calls read() again only after a push, so one chunk is in flight at a time and `sealed` is reused.
    read() {
      const at = chunkLocation(index, blob.plaintextBytes, chunkSize);
      readChunk(blob, key, at, sealed).then(
        (plain) => {
          const from = Math.max(0, start - at.plainStart);
          const to = Math.min(at.plainLength, endInclusive + 1 - at.plainStart);
          this.push(plain.subarray(from, to));
          index += 1;
          if (index > lastIndex) this.push(null);
        },
        (error: unknown) => this.destroy(error as Error),
      );
    },
    destroy(error, callback) {
      blob.file.close().then(
        () => callback(error),
        (closeError: Error) => callback(error ?? closeError),
      );
    },
  });
}

function dataKeyObject(dataKey: Buffer): KeyObject {
  if (dataKey.length !== DATA_KEY_BYTES) {
    throw new VaultKeyError('invalid_input', `a data key is ${DATA_KEY_BYTES} bytes`);
  }
  return createSecretKey(dataKey);
}

/** Creates `targetPath` (0600), runs `write`, fsyncs; removes the file if anything fails. */
async function writeThenSync<T>(targetPath: string, write: (target: FileHandle) => Promise<T>): Promise<T> {
  const target = await open(targetPath, 'w', 0o600);
  let done = false;
  try {
    const result = await write(target);
    await target.sync();
    done = true;
    return result;
  } finally {
    await target.close();
    if (!done) await rm(targetPath, { force: true });
  }
}

/** Reads until `length` bytes or the end of the file; the result is shorter only at the end. */
async function readExactly(file: FileHandle, into: Buffer, length: number, position: number) {
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(into, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return into.subarray(0, filled);
}

/** writev may write less than asked; carry on from where it stopped. */
async function writeAll(file: FileHandle, pieces: Buffer[], position: number): Promise<void> {
  let rest = pieces.filter((piece) => piece.length > 0);
  while (rest.length > 0) {
    const { bytesWritten } = await file.writev(rest, position);
    if (bytesWritten === 0) throw new Error('could not write to the vault file');
    position += bytesWritten;
    let skip = bytesWritten;
    rest = rest.flatMap((piece) => {
      const kept = piece.subarray(Math.min(skip, piece.length));
      skip = Math.max(0, skip - piece.length);
      return kept.length > 0 ? [kept] : [];
    });
  }
}
