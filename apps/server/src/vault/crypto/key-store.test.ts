import { createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newMasterKey } from '../master-keys-source';
import { VaultKeyError } from '../vault-errors';
import { configKeyStore, type WrappedKey } from './key-store';
import { newDataKey } from './stream-cipher';

const old = newMasterKey('kek-2025');
const current = newMasterKey('kek-2026');
const store = configKeyStore([old, current], 'kek-2026');

/** Resolves to the VaultKeyError's problem, or fails the test if there was none. */
async function problemOf(attempt: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof attempt === 'function' ? attempt() : attempt);
  } catch (error) {
    expect(error).toBeInstanceOf(VaultKeyError);
    return (error as VaultKeyError).problem;
  }
  throw new Error('expected a VaultKeyError');
}

const flipped = (wrapped: WrappedKey, at: number): WrappedKey => {
  const bytes = Buffer.from(wrapped.wrapped, 'base64url');
  bytes[at] = (bytes[at] ?? 0) ^ 1;
  return { ...wrapped, wrapped: bytes.toString('base64url') };
};

describe('the config key store', () => {
  it('wraps with the current KEK and unwraps the same data key for the same context', async () => {
    const dataKey = newDataKey();
    const wrapped = await store.wrap(dataKey, 'rec_1');
    expect(wrapped.kekId).toBe('kek-2026');
    expect(Buffer.from(wrapped.wrapped, 'base64url')).toHaveLength(12 + 32 + 16);
    expect((await store.unwrap(wrapped, 'rec_1')).equals(dataKey)).toBe(true);
    // A fresh IV each time: the same key never wraps to the same text twice.
    expect((await store.wrap(dataKey, 'rec_1')).wrapped).not.toBe(wrapped.wrapped);
  });

  it('wraps as AES-256-GCM with the documented AAD', async () => {
    const dataKey = newDataKey();
    const sealed = Buffer.from((await store.wrap(dataKey, 'rec_9')).wrapped, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', current.key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from('assent-vault-key:v1:kek-2026:rec_9'));
    decipher.setAuthTag(sealed.subarray(44));
    const unwrapped = Buffer.concat([decipher.update(sealed.subarray(12, 44)), decipher.final()]);
    expect(unwrapped.equals(dataKey)).toBe(true);
  });

  it('still unwraps keys wrapped by an older KEK after rotation', async () => {
    const dataKey = newDataKey();
    const before = await configKeyStore([old], 'kek-2025').wrap(dataKey, 'rec_2');
    expect((await store.unwrap(before, 'rec_2')).equals(dataKey)).toBe(true);
  });

  it('refuses another context, an unknown KEK and a KEK id swapped in', async () => {
    const wrapped = await store.wrap(newDataKey(), 'rec_3');
    expect(await problemOf(store.unwrap(wrapped, 'rec_4'))).toBe('unwrap_failed');
    expect(await problemOf(store.unwrap(wrapped, 'rec_3 '))).toBe('unwrap_failed');
    expect(await problemOf(store.unwrap({ ...wrapped, kekId: 'kek-2099' }, 'rec_3'))).toBe('unknown_kek');
    expect(await problemOf(store.unwrap({ ...wrapped, kekId: 'kek-2025' }, 'rec_3'))).toBe('unwrap_failed');
  });

  it('refuses any tampering with the wrapped key', async () => {
    const wrapped = await store.wrap(newDataKey(), 'rec_5');
    for (let at = 0; at < 60; at++) {
      expect(await problemOf(store.unwrap(flipped(wrapped, at), 'rec_5')), `byte ${at}`).toBe(
        'unwrap_failed',
      );
    }
    const text = wrapped.wrapped;
    for (const bad of [text.slice(0, -1), `${text}A`, `${text.slice(0, -2)}!!`, '']) {
      expect(await problemOf(store.unwrap({ ...wrapped, wrapped: bad }, 'rec_5'))).toBe('unwrap_failed');
    }
  });

  it('refuses data keys that are not 32 bytes and an empty context', async () => {
    expect(await problemOf(store.wrap(randomBytes(16), 'rec_6'))).toBe('invalid_input');
    expect(await problemOf(store.wrap(newDataKey(), ''))).toBe('invalid_input');
  });

  it('refuses to start without its current KEK, or with an id twice', async () => {
    expect(await problemOf(() => configKeyStore([old], 'kek-2026'))).toBe('invalid_master_keys');
    expect(await problemOf(() => configKeyStore([old, old], 'kek-2025'))).toBe('invalid_master_keys');
    const short = { id: 'short', key: randomBytes(16) };
    expect(await problemOf(() => configKeyStore([short], 'short'))).toBe('invalid_master_keys');
  });
});
