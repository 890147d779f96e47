import { readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { configKeyStore, type KeyStore } from './crypto/key-store';
import { DEFAULT_CHUNK_SIZE, HEADER_BYTES, TAG_BYTES } from './crypto/stream-format';
import { blobPath } from './ingest';
import { parseMasterKeys } from './master-keys-source';
import { openPlaintext } from './plaintext';
import { VaultIntegrityError, VaultKeyError, VaultRangeError } from './vault-errors';

/** The test app's key store, remembering every data key it hands out so the test can look at it after. */
function keysHandedOut(t: TestApp) {
  const inner = configKeyStore(parseMasterKeys(t.config.vault.masterKeys), t.config.vault.currentKeyId);
  const handed: Buffer[] = [];
  const keys: KeyStore = {
    currentKekId: inner.currentKekId,
    wrap: (dataKey, context) => inner.wrap(dataKey, context),
    async unwrap(wrapped, context) {
      const dataKey = await inner.unwrap(wrapped, context);
      handed.push(dataKey);
      return dataKey;
    },
  };
  const deps = {
    db: t.db,
    keys,
    files: { dir: t.config.vault.dir, recordingsDir: t.config.vault.recordingsDir },
  };
  return { deps, handed };
}

const wiped = (key: Buffer | undefined) =>
  key !== undefined && key.length === 32 && key.every((b) => b === 0);

describe.each(testDatabases)('plaintext out of the vault ($name)', (database) => {
  const ctx = useTestApp(database);

  it('streams a range and the whole recording, the data key wiped before the first byte is read', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const { deps, handed } = keysHandedOut(t);
    const range = await openPlaintext(deps, rec.recordingId, { start: 70_000, end: 140_000 });
    expect(handed).toHaveLength(1);
    expect(wiped(handed[0])).toBe(true);
    expect(Buffer.concat(await range.toArray()).equals(rec.plaintext.subarray(70_000, 140_001))).toBe(true);
    const whole = await openPlaintext(deps, rec.recordingId);
    expect(Buffer.concat(await whole.toArray()).equals(rec.plaintext)).toBe(true);
    expect(handed).toHaveLength(2);
    expect(handed.every(wiped)).toBe(true);
  });

  it('wipes the data key when opening fails: a range outside the recording, a damaged header', async () => {
    const t = ctx();
    const rec = await recordedSession(t, { bytes: 1000 });
    const { deps, handed } = keysHandedOut(t);
    await expect(openPlaintext(deps, rec.recordingId, { start: 500, end: 1000 })).rejects.toBeInstanceOf(
      VaultRangeError,
    );
    const blob = blobPath(deps.files, rec.recordingId);
    const bytes = readFileSync(blob);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    writeFileSync(blob, bytes);
    await expect(openPlaintext(deps, rec.recordingId)).rejects.toBeInstanceOf(VaultIntegrityError);
    expect(handed).toHaveLength(2);
    expect(handed.every(wiped)).toBe(true);
  });

  it('wipes the data key when the stream fails part-way at an altered chunk', async () => {
    const t = ctx();
    const rec = await recordedSession(t, { bytes: 200_000 });
    const { deps, handed } = keysHandedOut(t);
    const blob = blobPath(deps.files, rec.recordingId);
    const bytes = readFileSync(blob);
    const inThirdChunk = HEADER_BYTES + 2 * (DEFAULT_CHUNK_SIZE + TAG_BYTES) + 10;
    bytes[inThirdChunk] = (bytes[inThirdChunk] ?? 0) ^ 1;
    writeFileSync(blob, bytes);
    const stream = await openPlaintext(deps, rec.recordingId);
    let received = 0;
    await expect(
      (async () => {
        for await (const piece of stream) received += (piece as Buffer).length;
      })(),
    ).rejects.toBeInstanceOf(VaultIntegrityError);
    expect(received).toBe(2 * DEFAULT_CHUNK_SIZE);
    expect(wiped(handed[0])).toBe(true);
  });

  it('wipes the data key and closes the blob when the consumer cancels the stream', async () => {
    const t = ctx();
    const rec = await recordedSession(t, { bytes: 200_000 });
    const { deps, handed } = keysHandedOut(t);
    const stream = await openPlaintext(deps, rec.recordingId);
    const reader = (Readable.toWeb(stream) as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.value?.length).toBe(DEFAULT_CHUNK_SIZE);
    await reader.cancel();
    // Cancelling destroys the stream with an AbortError; wait until it has closed its file.
    if (!stream.closed) await new Promise((resolve) => stream.once('close', resolve));
    expect(stream.destroyed).toBe(true);
    expect(wiped(handed[0])).toBe(true);
  });

  it('refuses a recording that has no data key, unwrapping nothing', async () => {
    const t = ctx();
    const { deps, handed } = keysHandedOut(t);
    const refused = openPlaintext(deps, 'rec_missing');
    await expect(refused).rejects.toBeInstanceOf(VaultKeyError);
    await expect(refused).rejects.toMatchObject({ problem: 'no_key' });
    expect(handed).toHaveLength(0);
  });

  it('is what the vault hands out: the recording’s plaintext, by range', async () => {
    const t = ctx();
    const rec = await recordedSession(t, { bytes: 5000 });
    const range = await t.vault.openPlaintext(rec.recordingId, { start: 10, end: 19 });
    expect(Buffer.concat(await range.toArray()).equals(rec.plaintext.subarray(10, 20))).toBe(true);
  });
});
