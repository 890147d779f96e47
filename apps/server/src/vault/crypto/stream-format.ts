/**
 * The on-disk format of an encrypted recording, and the arithmetic over it. A STREAM construction
 * (Hoang, Reyhanitabar, Rogaway, Vizár) over AES-256-GCM:
 *
 *   header  = "ASNTVLT1" | version 0x01 | chunk size (uint32 BE) | nonce prefix (7 random bytes)  (20 bytes)
 *   chunk i = AES-256-GCM(data key, nonce = prefix | uint32 BE i | last flag, aad = header)
 *             as ciphertext | 16-byte tag
 *
 * Every chunk holds exactly `chunkSize` plaintext bytes except the final one, which holds 1…chunkSize
 * (0 only when the whole recording is empty) and is the only one flagged last. The counter stops
 * reordering, the last flag stops truncation and extension at a chunk boundary, and the header as AAD
 * stops anyone changing the chunk size or prefix. Because the chunk layout is fixed, the plaintext size
 * follows from the blob size alone, and any plaintext byte's chunk is found without reading the others.
 */
import { VaultIntegrityError } from '../vault-errors';

/** Does not start like any media container (MP4 `ftyp`, WebM/Matroska 1A45DFA3, OGG `OggS`). */
export const MAGIC = Buffer.from('ASNTVLT1', 'ascii');
export const FORMAT_VERSION = 0x01;
export const HEADER_BYTES = 20;
export const NONCE_PREFIX_BYTES = 7;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
/** Small chunks only make sense in tests; large ones would make a seek decrypt too much. */
export const MIN_CHUNK_SIZE = 16;
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
/** The chunk counter is a uint32. */
export const MAX_CHUNKS = 2 ** 32;

export interface StreamHeader {
  chunkSize: number;
  noncePrefix: Buffer;
  /** The 20 bytes as written: every chunk's AAD. */
  bytes: Buffer;
}

export function assertChunkSize(chunkSize: number): void {
  if (!Number.isInteger(chunkSize) || chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new RangeError(`chunk size must be an integer from ${MIN_CHUNK_SIZE} to ${MAX_CHUNK_SIZE} bytes`);
  }
}

export function encodeHeader(chunkSize: number, noncePrefix: Buffer): StreamHeader {
  assertChunkSize(chunkSize);
  if (noncePrefix.length !== NONCE_PREFIX_BYTES) throw new RangeError('the nonce prefix must be 7 bytes');
  const bytes = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt8(FORMAT_VERSION, 8);
  bytes.writeUInt32BE(chunkSize, 9);
  noncePrefix.copy(bytes, 13);
  return { chunkSize, noncePrefix: bytes.subarray(13, HEADER_BYTES), bytes };
}

/** Checks magic, version and chunk size; the rest of the header is only proven by decrypting a chunk. */
export function decodeHeader(bytes: Buffer): StreamHeader {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new VaultIntegrityError('not a vault blob: the header is missing or its magic is wrong');
  }
  const version = bytes.readUInt8(8);
  if (version !== FORMAT_VERSION) throw new VaultIntegrityError(`unknown vault format version ${version}`);
  const chunkSize = bytes.readUInt32BE(9);
  if (chunkSize < MIN_CHUNK_SIZE || chunkSize > MAX_CHUNK_SIZE) {
    throw new VaultIntegrityError(`the header's chunk size ${chunkSize} is out of bounds`);
  }
  const header = Buffer.from(bytes.subarray(0, HEADER_BYTES));
  return { chunkSize, noncePrefix: header.subarray(13, HEADER_BYTES), bytes: header };
}

/** prefix(7) | uint32 BE index | 0x01 on the final chunk, 0x00 before it. */
export function chunkNonce(noncePrefix: Buffer, index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(NONCE_BYTES);
  noncePrefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX_BYTES);
  nonce.writeUInt8(last ? 1 : 0, NONCE_BYTES - 1);
  return nonce;
}

/** An empty recording is still one (empty, final) chunk, so even it is authenticated. */
export function chunkCountOf(plainBytes: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(plainBytes / chunkSize));
}

export function cipherSizeOf(plainBytes: number, chunkSize: number): number {
  assertChunkSize(chunkSize);
  if (!Number.isSafeInteger(plainBytes) || plainBytes < 0) {
    throw new RangeError('a plaintext size is a whole number of bytes');
  }
  const chunks = chunkCountOf(plainBytes, chunkSize);
  if (chunks > MAX_CHUNKS) throw new RangeError('the plaintext is too large for the chunk counter');
  return HEADER_BYTES + plainBytes + TAG_BYTES * chunks;
}

/** The inverse of `cipherSizeOf`; a size no plaintext encrypts to means the blob was cut or extended. */
export function plaintextSizeOf(cipherBytes: number, chunkSize: number): number {
  assertChunkSize(chunkSize);
  const body = cipherBytes - HEADER_BYTES;
  if (!Number.isSafeInteger(cipherBytes) || body < TAG_BYTES) {
    throw new VaultIntegrityError(`a vault blob of ${cipherBytes} bytes is too short`);
  }
  const sealedChunk = chunkSize + TAG_BYTES;
  const chunks = Math.ceil(body / sealedChunk);
  const finalPlainBytes = body - (chunks - 1) * sealedChunk - TAG_BYTES;
  // Only a lone final chunk may be empty; a final chunk shorter than its tag cannot exist at all.
  if (finalPlainBytes < 0 || (finalPlainBytes === 0 && chunks > 1) || chunks > MAX_CHUNKS) {
    throw new VaultIntegrityError(
      `no plaintext encrypts to ${cipherBytes} bytes with ${chunkSize}-byte chunks`,
    );
  }
  return (chunks - 1) * chunkSize + finalPlainBytes;
}

/** Where chunk `index` of a recording of `plainBytes` lies in the blob, and how much plaintext it holds. */
export function chunkLocation(index: number, plainBytes: number, chunkSize: number) {
  const chunks = chunkCountOf(plainBytes, chunkSize);
  const last = index === chunks - 1;
  const plainLength = last ? plainBytes - index * chunkSize : chunkSize;
  return {
    index,
    last,
    plainStart: index * chunkSize,
    plainLength,
    cipherOffset: HEADER_BYTES + index * (chunkSize + TAG_BYTES),
    cipherLength: plainLength + TAG_BYTES,
  };
}

export type ChunkLocation = ReturnType<typeof chunkLocation>;
