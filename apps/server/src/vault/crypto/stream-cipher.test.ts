import { createCipheriv, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VaultIntegrityError, VaultKeyError, VaultRangeError } from '../vault-errors';
import {
  decryptFile,
  encryptFile,
  newDataKey,
  openPlaintextRange,
  openWholePlaintext,
  plaintextSizeOfBlob,
} from './stream-cipher';
import { cipherSizeOf, DEFAULT_CHUNK_SIZE, plaintextSizeOf } from './stream-format';

let dir: string;
let fileCount = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'assent-vault-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
function tempPath(name: string) {
  fileCount += 1;
  return join(dir, `${fileCount}-${name}`);
}

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** The format written out again from the spec alone, independently of stream-format.ts. */
function sealBySpec(plain: Buffer, key: Buffer, chunkSize: number, prefix: Buffer): Buffer {
  const header = Buffer.concat([Buffer.from('ASNTVLT1'), Buffer.from([1]), u32(chunkSize), prefix]);
  const chunks = Math.max(1, Math.ceil(plain.length / chunkSize));
  const parts: Buffer[] = [header];
  for (let i = 0; i < chunks; i++) {
    const nonce = Buffer.concat([prefix, u32(i), Buffer.from([i === chunks - 1 ? 1 : 0])]);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(header);
    parts.push(cipher.update(plain.subarray(i * chunkSize, (i + 1) * chunkSize)), cipher.final());
    parts.push(cipher.getAuthTag());
  }
  return Buffer.concat(parts);
}

/** Encrypts `plain` with encryptFile; returns the blob's path and bytes. */
async function encrypt(plain: Buffer, key: Buffer, chunkSize?: number) {
  const source = tempPath('plain');
  const blobPath = tempPath('blob');
  await writeFile(source, plain);
  const sizes = await encryptFile(source, blobPath, key, chunkSize ? { chunkSize } : {});
  return { blobPath, blob: await readFile(blobPath), sizes };
}

function flip(bytes: Buffer, at: number, mask = 0x01) {
  bytes.writeUInt8(bytes.readUInt8(at) ^ mask, at);
}

/** Buffer.equals, since a deep toEqual over hundreds of KiB takes seconds. */
function expectSameBytes(actual: Buffer, expected: Buffer, label?: string) {
  expect(actual.length, label).toBe(expected.length);
  expect(actual.equals(expected), label).toBe(true);
}

async function writeBlob(bytes: Buffer) {
  const blobPath = tempPath('blob');
  await writeFile(blobPath, bytes);
  return blobPath;
}

/** Everything a range stream emitted (as it emitted it, in flowing mode), and the error that ended it. */
function drain(stream: Readable): Promise<{ bytes: Buffer; error: unknown }> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    stream.on('data', (part: Buffer) => parts.push(part));
    stream.on('end', () => resolve({ bytes: Buffer.concat(parts), error: undefined }));
    stream.on('error', (error) => resolve({ bytes: Buffer.concat(parts), error }));
  });
}

async function readRange(blobPath: string, key: Buffer, start: number, end: number) {
  const { bytes, error } = await drain(await openPlaintextRange(blobPath, key, start, end));
  if (error) throw error;
  return bytes;
}

async function decryptToBuffer(blobPath: string, key: Buffer) {
  const target = tempPath('decrypted');
  await decryptFile(blobPath, target, key);
  return readFile(target);
}

describe('stream format arithmetic', () => {
  it('maps every plaintext size to a cipher size and back (16-byte chunks, 0…300 bytes)', () => {
    for (let p = 0; p <= 300; p++) {
      const c = cipherSizeOf(p, 16);
      expect(c).toBe(20 + p + 16 * Math.max(1, Math.ceil(p / 16)));
      expect(plaintextSizeOf(c, 16)).toBe(p);
    }
  });

  it('refuses every cipher size that no plaintext encrypts to', () => {
    const possible = new Set(Array.from({ length: 301 }, (_, p) => cipherSizeOf(p, 16)));
    for (let c = 0; c <= cipherSizeOf(300, 16); c++) {
      if (possible.has(c)) continue;
      expect(() => plaintextSizeOf(c, 16), `cipher size ${c}`).toThrow(VaultIntegrityError);
    }
    // A whole number of full chunks is sealed as such, never followed by an empty chunk.
    expect(() => plaintextSizeOf(20 + 2 * 32 + 16, 16)).toThrow(VaultIntegrityError);
  });

  it('refuses a plaintext with more chunks than the uint32 counter can number', () => {
    expect(cipherSizeOf(16 * 2 ** 32, 16)).toBe(20 + 16 * 2 ** 32 + 16 * 2 ** 32);
    expect(() => cipherSizeOf(16 * 2 ** 32 + 1, 16)).toThrow(RangeError);
    expect(() => plaintextSizeOf(cipherSizeOf(16 * 2 ** 32, 16) + 17, 16)).toThrow(VaultIntegrityError);
  });

  it('uses the default 64 KiB chunks', () => {
    expect(DEFAULT_CHUNK_SIZE).toBe(65536);
    expect(cipherSizeOf(3 * 65536, DEFAULT_CHUNK_SIZE)).toBe(20 + 3 * 65536 + 3 * 16);
    expect(plaintextSizeOf(20 + 3 * 65536 + 1 + 4 * 16, DEFAULT_CHUNK_SIZE)).toBe(3 * 65536 + 1);
  });
});

describe('encryptFile', () => {
  it('writes the header and chunks exactly as the spec says', async () => {
    const key = newDataKey();
    for (const size of [0, 1, 15, 16, 17, 32, 33, 100]) {
      const plain = randomBytes(size);
      const { blob, sizes } = await encrypt(plain, key, 16);
      expect(blob.subarray(0, 13)).toEqual(
        Buffer.concat([Buffer.from('ASNTVLT1'), Buffer.from([1]), u32(16)]),
      );
      expect(blob).toEqual(sealBySpec(plain, key, 16, blob.subarray(13, 20)));
      expect(sizes).toEqual({ plaintextBytes: size, cipherBytes: blob.length });
    }
  });

  it('still matches a pinned test vector', async () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    const prefix = Buffer.from('a0a1a2a3a4a5a6', 'hex');
    const plain = Buffer.from('consent-gated recording', 'utf8');
    expect(sealBySpec(plain, key, 16, prefix).toString('hex')).toBe(PINNED_VECTOR.join(''));
    const blobPath = await writeBlob(Buffer.from(PINNED_VECTOR.join(''), 'hex'));
    expect(await decryptToBuffer(blobPath, key)).toEqual(plain);
    expect(await readRange(blobPath, key, 8, 18)).toEqual(plain.subarray(8, 19));
  });

  it('gives each blob its own random nonce prefix', async () => {
    const key = newDataKey();
    const plain = randomBytes(40);
    const first = await encrypt(plain, key, 16);
    const second = await encrypt(plain, key, 16);
    expect(first.blob.subarray(13, 20)).not.toEqual(second.blob.subarray(13, 20));
  });

  it('starts with a magic that no media player would sniff as media', async () => {
    const { blob } = await encrypt(Buffer.from('x'), newDataKey());
    const start = blob.subarray(0, 12);
    for (const signature of ['ftyp', 'OggS', 'RIFF', 'ID3', '\x1aE\xdf\xa3', 'fLaC']) {
      expect(start.includes(Buffer.from(signature, 'latin1'))).toBe(false);
    }
  });

  it('round-trips ~300 KiB at the default chunk size, with exact ranges', async () => {
    const key = newDataKey();
    const plain = randomBytes(300 * 1024 + 123);
    const { blobPath, sizes } = await encrypt(plain, key);
    expect(sizes.cipherBytes).toBe(cipherSizeOf(plain.length, 65536));
    expect(await plaintextSizeOfBlob(blobPath)).toBe(plain.length);
    expectSameBytes(await decryptToBuffer(blobPath, key), plain);
    expectSameBytes((await drain(await openWholePlaintext(blobPath, key))).bytes, plain);
    const last = plain.length - 1;
    const ranges: [number, number][] = [
      [0, 0],
      [0, last],
      [65535, 65536],
      [65536, 131071],
      [4 * 65536, last],
      [last, last],
    ];
    for (let i = 0; i < 40; i++) {
      const a = Math.floor(Math.random() * plain.length);
      const b = Math.floor(Math.random() * plain.length);
      ranges.push([Math.min(a, b), Math.max(a, b)]);
    }
    for (const [start, end] of ranges) {
      expectSameBytes(
        await readRange(blobPath, key, start, end),
        plain.subarray(start, end + 1),
        `${start}-${end}`,
      );
    }
  });

  it('reads several batches of chunks at a time, whole and partial', async () => {
    const key = newDataKey();
    // 1 KiB chunks are read 256 to a batch.
    for (const size of [2 * 256 * 1024, 2 * 256 * 1024 + 1000]) {
      const plain = randomBytes(size);
      const { blobPath, blob } = await encrypt(plain, key, 1024);
      expectSameBytes(blob, sealBySpec(plain, key, 1024, blob.subarray(13, 20)));
      expectSameBytes(await decryptToBuffer(blobPath, key), plain);
    }
  });

  it('round-trips a file that spans several background flushes', async () => {
    const key = newDataKey();
    const plain = randomBytes(3 * 8 * 1024 * 1024 + 123);
    const { blobPath, sizes } = await encrypt(plain, key);
    expect(sizes.cipherBytes).toBe(cipherSizeOf(plain.length, 65536));
    expectSameBytes(await decryptToBuffer(blobPath, key), plain);
  });

  it('seals an exact multiple of the chunk size without an extra empty chunk', async () => {
    const { blob } = await encrypt(randomBytes(64), newDataKey(), 16);
    expect(blob.length).toBe(20 + 64 + 4 * 16);
  });

  it('seals an empty recording as one authenticated empty chunk', async () => {
    const key = newDataKey();
    const { blobPath, blob } = await encrypt(Buffer.alloc(0), key, 16);
    expect(blob.length).toBe(36);
    expect(await plaintextSizeOfBlob(blobPath)).toBe(0);
    expect(await decryptToBuffer(blobPath, key)).toEqual(Buffer.alloc(0));
    await expect(decryptToBuffer(blobPath, newDataKey())).rejects.toThrow(VaultIntegrityError);
    await expect(openPlaintextRange(blobPath, key, 0, 0)).rejects.toThrow(VaultRangeError);
    expect(await drain(await openWholePlaintext(blobPath, key))).toEqual({
      bytes: Buffer.alloc(0),
      error: undefined,
    });
  });

  it('refuses a data key that is not 32 bytes, a bad chunk size, and a missing source', async () => {
    const source = tempPath('plain');
    await writeFile(source, 'abc');
    await expect(encryptFile(source, tempPath('blob'), randomBytes(16))).rejects.toThrow(VaultKeyError);
    await expect(encryptFile(source, tempPath('blob'), newDataKey(), { chunkSize: 8 })).rejects.toThrow(
      RangeError,
    );
    const target = tempPath('blob');
    await expect(encryptFile(tempPath('missing'), target, newDataKey())).rejects.toThrow(/ENOENT/);
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
  });
});

describe('openPlaintextRange', () => {
  it('refuses ranges outside the recording, naming its size', async () => {
    const key = newDataKey();
    const { blobPath } = await encrypt(randomBytes(100), key, 16);
    for (const [start, end] of [
      [0, 100],
      [100, 100],
      [-1, 5],
      [6, 5],
      [0.5, 5],
      [0, Number.NaN],
    ] as const) {
      const refused = openPlaintextRange(blobPath, key, start, end);
      await expect(refused, `${start}-${end}`).rejects.toThrow(VaultRangeError);
      await expect(refused).rejects.toMatchObject({ plaintextBytes: 100 });
    }
  });

  it('closes the blob when a reader stops early, reads to the end, or is refused', async () => {
    const key = newDataKey();
    const { blobPath } = await encrypt(randomBytes(1000), key, 16);
    const openFiles = async () => (await readdir('/proc/self/fd')).length;
    const before = await openFiles();
    for (let i = 0; i < 10; i++) {
      const unread = await openPlaintextRange(blobPath, key, 0, 999);
      unread.destroy();
      await once(unread, 'close');
      const started = await openPlaintextRange(blobPath, key, 100, 999);
      await once(started, 'data');
      started.destroy();
      await once(started, 'close');
      await readRange(blobPath, key, 0, 999);
      await expect(openPlaintextRange(blobPath, key, 0, 1000)).rejects.toThrow(VaultRangeError);
    }
    expect(await openFiles()).toBe(before);
  });

  it('decrypts only the chunks a range covers', async () => {
    const key = newDataKey();
    const plain = randomBytes(100);
    const { blob } = await encrypt(plain, key, 16);
    flip(blob, 20 + 5 * 32 + 3); // damage chunk 5 (bytes 80…95)
    const blobPath = await writeBlob(blob);
    expect(await readRange(blobPath, key, 10, 79)).toEqual(plain.subarray(10, 80));
    expect(await readRange(blobPath, key, 96, 99)).toEqual(plain.subarray(96, 100));
    await expect(readRange(blobPath, key, 79, 80)).rejects.toThrow(VaultIntegrityError);
  });
});

describe('a damaged or tampered blob', () => {
  const plain = randomBytes(100); // 16-byte chunks: six full and a final one of 4 bytes
  const key = newDataKey();
  let blob: Buffer;
  beforeAll(async () => {
    blob = (await encrypt(plain, key, 16)).blob;
  });

  it('fails on the flipped chunk, after emitting only the chunks before it', async () => {
    for (let at = 20; at < blob.length; at++) {
      const damaged = Buffer.from(blob);
      flip(damaged, at, 0x40);
      const blobPath = await writeBlob(damaged);
      const chunk = Math.floor((at - 20) / 32);
      const { bytes, error } = await drain(await openPlaintextRange(blobPath, key, 0, 99));
      expect(error, `byte ${at}`).toBeInstanceOf(VaultIntegrityError);
      expect(bytes).toEqual(plain.subarray(0, chunk * 16));
      await expect(decryptToBuffer(blobPath, key)).rejects.toThrow(VaultIntegrityError);
    }
  });

  it('fails when any header byte is flipped', async () => {
    for (let at = 0; at < 20; at++) {
      const damaged = Buffer.from(blob);
      flip(damaged, at);
      const blobPath = await writeBlob(damaged);
      await expect(readRange(blobPath, key, 0, 0), `byte ${at}`).rejects.toThrow(VaultIntegrityError);
      await expect(decryptToBuffer(blobPath, key)).rejects.toThrow(VaultIntegrityError);
    }
  });

  it('fails when two chunks are swapped', async () => {
    const chunk = (i: number) => blob.subarray(20 + i * 32, 20 + (i + 1) * 32);
    const swapped = Buffer.concat([
      blob.subarray(0, 20),
      chunk(0),
      chunk(2),
      chunk(1),
      blob.subarray(20 + 3 * 32),
    ]);
    const blobPath = await writeBlob(swapped);
    expect(await readRange(blobPath, key, 0, 15)).toEqual(plain.subarray(0, 16));
    await expect(readRange(blobPath, key, 16, 16)).rejects.toThrow(VaultIntegrityError);
    await expect(readRange(blobPath, key, 32, 32)).rejects.toThrow(VaultIntegrityError);
    await expect(decryptToBuffer(blobPath, key)).rejects.toThrow(VaultIntegrityError);
  });

  it('fails at the end when cut at a chunk boundary', async () => {
    for (const chunks of [1, 3, 6]) {
      const blobPath = await writeBlob(blob.subarray(0, 20 + chunks * 32));
      const size = await plaintextSizeOfBlob(blobPath);
      expect(size).toBe(chunks * 16);
      await expect(readRange(blobPath, key, size - 1, size - 1)).rejects.toThrow(VaultIntegrityError);
      expect((await drain(await openWholePlaintext(blobPath, key))).error).toBeInstanceOf(
        VaultIntegrityError,
      );
      await expect(decryptToBuffer(blobPath, key)).rejects.toThrow(VaultIntegrityError);
    }
  });

  it('fails when cut inside a chunk', async () => {
    for (const cut of [1, 3, 17, 30, 40]) {
      const blobPath = await writeBlob(blob.subarray(0, blob.length - cut));
      const attempt = async () => readRange(blobPath, key, 0, (await plaintextSizeOfBlob(blobPath)) - 1);
      await expect(attempt(), `cut ${cut}`).rejects.toThrow(VaultIntegrityError);
      await expect(decryptToBuffer(blobPath, key)).rejects.toThrow(VaultIntegrityError);
    }
    await expect(plaintextSizeOfBlob(await writeBlob(blob.subarray(0, 30)))).rejects.toThrow(
      VaultIntegrityError,
    );
  });

  it('fails when a chunk is appended, even one sealed with the right key', async () => {
    const whole = randomBytes(96); // six full chunks, the sixth flagged last
    const { blob: exact } = await encrypt(whole, key, 16);
    const prefix = exact.subarray(13, 20);
    // What sealing 96 + 5 bytes would have appended as chunk 6, flagged last.
    const longer = sealBySpec(Buffer.concat([whole, randomBytes(5)]), key, 16, prefix);
    const forged = await writeBlob(Buffer.concat([exact, longer.subarray(20 + 6 * 32)]));
    await expect(readRange(forged, key, 80, 100)).rejects.toThrow(VaultIntegrityError);
    await expect(decryptToBuffer(forged, key)).rejects.toThrow(VaultIntegrityError);
    // A copy of the final chunk appended: the layout no longer lines up.
    const copied = await writeBlob(Buffer.concat([exact, exact.subarray(exact.length - 32)]));
    await expect(decryptToBuffer(copied, key)).rejects.toThrow(VaultIntegrityError);
  });

  it('fails with the wrong data key', async () => {
    const blobPath = await writeBlob(blob);
    await expect(readRange(blobPath, newDataKey(), 0, 0)).rejects.toThrow(VaultIntegrityError);
    await expect(decryptToBuffer(blobPath, newDataKey())).rejects.toThrow(VaultIntegrityError);
  });

  it('leaves no decrypted file behind when decryption fails', async () => {
    const damaged = Buffer.from(blob);
    flip(damaged, blob.length - 1);
    const target = tempPath('decrypted');
    await expect(decryptFile(await writeBlob(damaged), target, key)).rejects.toThrow(VaultIntegrityError);
    await expect(stat(target)).rejects.toThrow(/ENOENT/);
  });

  it('is refused when it is not a vault blob at all', async () => {
    const mp4ish = await writeBlob(Buffer.concat([Buffer.from('\0\0\0\x20ftypisom'), randomBytes(200)]));
    await expect(plaintextSizeOfBlob(mp4ish)).rejects.toThrow(VaultIntegrityError);
    await expect(openPlaintextRange(mp4ish, key, 0, 0)).rejects.toThrow(VaultIntegrityError);
  });
});

/** 'consent-gated recording' sealed with key 00 01 … 1f, nonce prefix a0…a6 and 16-byte chunks. */
const PINNED_VECTOR = [
  '41534e54564c5431' + '01' + '00000010' + 'a0a1a2a3a4a5a6', // header
  '69be72daf33a31100b42b0e5fd20240e' + '31650df974d98362765a7a63bc13b326', // chunk 0 | tag
  '8a69b28d6944fc' + 'a702feaee564c4f83f15fa6499f65987', // chunk 1 (7 bytes, last) | tag
];
