import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearTables, type OpenDatabase, testDatabases } from '../test-support/test-databases';
import { configKeyStore } from './crypto/key-store';
import { newDataKey } from './crypto/stream-cipher';
import { newMasterKey } from './master-keys-source';
import { VaultKeyError } from './vault-errors';
import {
  keyOwnerKinds,
  replaceWrappedKey,
  shredWrappedKey,
  storeWrappedKey,
  unwrapDataKey,
  wrappedKeyOf,
  wrappedKeysNotUnder,
} from './wrapped-keys';

const keys = configKeyStore([newMasterKey('kek-old'), newMasterKey('kek-new')], 'kek-new');
const oldKeys = configKeyStore([newMasterKey('kek-old')], 'kek-old');
const at = new Date('2026-12-08T09:00:00.000Z');

describe.each(testDatabases)('the wrapped-key store ($name)', (database) => {
  let open: OpenDatabase | undefined;
  const db = () => {
    if (!open) throw new Error('test database did not open');
    return open.db;
  };
  beforeAll(async () => {
    open = await database.open();
  });
  afterAll(async () => {
    await open?.close();
  });
  beforeEach(async () => {
    await clearTables(db());
  });

  describe.each(keyOwnerKinds)('for a %s', (kind) => {
    it('keeps the key bound to its owner, sealed again replaces it, and shredding leaves none', async () => {
      const dataKey = newDataKey();
      await storeWrappedKey(db(), kind, 'owner-1', await keys.wrap(dataKey, 'owner-1'), at);
      expect(await unwrapDataKey({ db: db(), keys }, kind, 'owner-1')).toEqual(dataKey);

      const resealed = await keys.wrap(newDataKey(), 'owner-1');
      await storeWrappedKey(db(), kind, 'owner-1', resealed, at);
      expect(await wrappedKeyOf(db(), kind, 'owner-1')).toEqual(resealed);

      await shredWrappedKey(db(), kind, 'owner-1');
      expect(await wrappedKeyOf(db(), kind, 'owner-1')).toBeUndefined();
      const failure = await unwrapDataKey({ db: db(), keys }, kind, 'owner-1').catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(VaultKeyError);
      expect(failure).toMatchObject({ problem: 'no_key', message: expect.stringContaining(kind) });
    });

    it('lists the keys under another key-encryption key and replaces one only from what it was', async () => {
      const dataKey = newDataKey();
      const old = await oldKeys.wrap(dataKey, 'owner-2');
      await storeWrappedKey(db(), kind, 'owner-2', old, at);
      await storeWrappedKey(db(), kind, 'owner-3', await keys.wrap(newDataKey(), 'owner-3'), at);

      expect(await wrappedKeysNotUnder(db(), kind, 'kek-new', 10)).toEqual([{ ownerId: 'owner-2', ...old }]);
      const rewrapped = await keys.wrap(dataKey, 'owner-2');
      const stale = { kekId: 'kek-old', wrapped: 'not-what-it-was' };
      expect(await replaceWrappedKey(db(), kind, 'owner-2', stale, rewrapped, at)).toBe(false);
      expect(await replaceWrappedKey(db(), kind, 'owner-2', old, rewrapped, at)).toBe(true);
      expect(await wrappedKeysNotUnder(db(), kind, 'kek-new', 10)).toEqual([]);
      expect(await unwrapDataKey({ db: db(), keys }, kind, 'owner-2')).toEqual(dataKey);
    });
  });

  it('keeps a recording’s key and a transcript’s apart, even under the same id', async () => {
    const recordingKey = await keys.wrap(newDataKey(), 'same-id');
    await storeWrappedKey(db(), 'recording', 'same-id', recordingKey, at);
    expect(await wrappedKeyOf(db(), 'transcript', 'same-id')).toBeUndefined();
    await shredWrappedKey(db(), 'transcript', 'same-id');
    expect(await wrappedKeyOf(db(), 'recording', 'same-id')).toEqual(recordingKey);
  });
});
