/**
 * Properties of the vault format over many sizes and ranges. Small chunks (16 and 64 bytes) make even
 * short plaintexts span many chunks and batch boundaries, so the runs stay fast.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultIntegrityError } from '../vault-errors';
import { decryptFile, encryptFile, newDataKey, openPlaintextRange } from './stream-cipher';
import { cipherSizeOf, MAX_CHUNK_SIZE, MIN_CHUNK_SIZE, plaintextSizeOf } from './stream-format';

let dir: string;
let fileCount = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assent-vault-property-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
function tempPath(name: string) {
  fileCount += 1;
  return join(dir, `${fileCount}-${name}`);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

async function encrypt(plain: Buffer, chunkSize: number) {
  const key = newDataKey();
  const source = tempPath('plain');
  const blobPath = tempPath('blob');
  await writeFile(source, plain);
  await encryptFile(source, blobPath, key, { chunkSize });
  return { key, blobPath };
}

const chunkSizes = fc.constantFrom(16, 64);
/** Sizes at and around chunk boundaries, plus any size up to a few batches of 16-byte chunks (4 KiB each). */
const plaintextSizes = fc.oneof(
  fc.constantFrom(0, 1, 15, 16, 17, 63, 64, 65, 127, 128, 129, 4096, 4097),
  fc.integer({ min: 0, max: 700 }),
  fc.integer({ min: 4000, max: 9000 }),
);
/** A range as two fractions of the plaintext, so it always lands inside whatever size was drawn. */
const fractionPair = fc.tuple(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

const rangeIn = (size: number, [a, b]: [number, number]) => {
  const x = Math.min(size - 1, Math.floor(a * size));
  const y = Math.min(size - 1, Math.floor(b * size));
  return [Math.min(x, y), Math.max(x, y)] as const;
};

describe('the vault stream, for any plaintext', () => {
  it('gives back exactly the plaintext bytes of every range', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunkSizes,
        plaintextSizes,
        fc.array(fractionPair, { minLength: 1, maxLength: 8 }),
        async (chunkSize, size, pairs) => {
          const plain = randomBytes(size);
          const { key, blobPath } = await encrypt(plain, chunkSize);
          const decrypted = tempPath('decrypted');
          await decryptFile(blobPath, decrypted, key);
          expect((await readFile(decrypted)).equals(plain)).toBe(true);
          if (size === 0) return;
          for (const pair of pairs) {
            const [start, end] = rangeIn(size, pair);
            const bytes = await readAll(await openPlaintextRange(blobPath, key, start, end));
            expect(bytes.equals(plain.subarray(start, end + 1)), `${start}-${end} of ${size}`).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('refuses a blob with any one byte changed, on any range over the changed chunk', async () => {
    await fc.assert(
      fc.asyncProperty(
        chunkSizes,
        fc.integer({ min: 1, max: 700 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 255 }),
        async (chunkSize, size, where, flip) => {
          const { key, blobPath } = await encrypt(randomBytes(size), chunkSize);
          const blob = await readFile(blobPath);
          const at = Math.min(blob.length - 1, Math.floor(where * blob.length));
          blob[at] = (blob[at] ?? 0) ^ flip;
          await writeFile(blobPath, blob);
          // The changed chunk's plaintext (a header byte spoils every chunk), or the whole if that is cut short.
          const chunk = at < 20 ? 0 : Math.floor((at - 20) / (chunkSize + 16));
          const start = Math.min(chunk * chunkSize, size - 1);
          const attempt = async () => readAll(await openPlaintextRange(blobPath, key, start, size - 1));
          await expect(attempt()).rejects.toThrow(VaultIntegrityError);
          await expect(decryptFile(blobPath, tempPath('decrypted'), key)).rejects.toThrow(
            VaultIntegrityError,
          );
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  const anyChunkSize = fc.integer({ min: MIN_CHUNK_SIZE, max: MAX_CHUNK_SIZE });

  it('derives the plaintext size from the cipher size alone', () => {
    // 2^36 bytes is 2^32 chunks of the smallest size: as many as the counter allows.
    fc.assert(
      fc.property(anyChunkSize, fc.integer({ min: 0, max: 2 ** 36 }), (chunkSize, size) => {
        expect(plaintextSizeOf(cipherSizeOf(size, chunkSize), chunkSize)).toBe(size);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a cipher size no plaintext encrypts to, and only such sizes', () => {
    fc.assert(
      fc.property(anyChunkSize, fc.integer({ min: 0, max: 2 ** 40 }), (chunkSize, cipherBytes) => {
        let size: number | undefined;
        try {
          size = plaintextSizeOf(cipherBytes, chunkSize);
        } catch (error) {
          expect(error).toBeInstanceOf(VaultIntegrityError);
        }
        if (size !== undefined) expect(cipherSizeOf(size, chunkSize)).toBe(cipherBytes);
      }),
      { numRuns: 500 },
    );
    // After k full chunks, a final chunk of 1…16 bytes in all is shorter than its tag, or empty: impossible.
    fc.assert(
      fc.property(
        anyChunkSize,
        fc.integer({ min: 1, max: 2 ** 20 }),
        fc.integer({ min: 1, max: 16 }),
        (chunkSize, k, extra) => {
          expect(() => plaintextSizeOf(cipherSizeOf(k * chunkSize, chunkSize) + extra, chunkSize)).toThrow(
            VaultIntegrityError,
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
