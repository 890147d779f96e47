import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { testEnv } from '../test-support/test-app';
import { formatMasterKeys, newMasterKey, parseMasterKeys } from './master-keys-source';
import { VaultKeyError } from './vault-errors';

const { VAULT_MASTER_KEYS: _inline, ...withoutKeys } = testEnv;

function problem(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('the key-encryption keys from a file outside the data directory (VAULT_MASTER_KEYS_FILE)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'assent-keys-'));
    dirs.push(dir);
    return dir;
  };
  const keysFile = (dir: string, mode = 0o600) => {
    const path = join(dir, 'vault-keys');
    writeFileSync(path, `${formatMasterKeys([newMasterKey('kek-7')])}\n`);
    chmodSync(path, mode);
    return path;
  };

  it('reads the keys from the file, the last one current', () => {
    const data = tempDir();
    const file = keysFile(tempDir());
    const config = loadConfig({
      ...withoutKeys,
      VAULT_DIR: join(data, 'vault'),
      VAULT_MASTER_KEYS_FILE: file,
    });
    expect(config.vault.currentKeyId).toBe('kek-7');
    expect(config.vault.masterKeys).toMatch(/^kek-7:[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a keys file inside the vault’s or the database’s directory', () => {
    const data = tempDir();
    mkdirSync(join(data, 'vault'));
    const inVault = keysFile(join(data, 'vault'));
    expect(
      problem({ ...withoutKeys, VAULT_DIR: join(data, 'vault'), VAULT_MASTER_KEYS_FILE: inVault }),
    ).toContain('VAULT_MASTER_KEYS_FILE: must lie outside the data directories');
    const beside = keysFile(data);
    expect(
      problem({
        ...withoutKeys,
        VAULT_DIR: join(tempDir(), 'vault'),
        DATABASE_URL: `sqlite:${join(data, 'assent.sqlite')}`,
        VAULT_MASTER_KEYS_FILE: beside,
      }),
    ).toContain('must lie outside the data directories');
  });

  it('refuses a keys file others can read, both sources at once, or neither', () => {
    const file = keysFile(tempDir(), 0o644);
    expect(problem({ ...withoutKeys, VAULT_MASTER_KEYS_FILE: file })).toContain('chmod 600');
    expect(problem({ ...testEnv, VAULT_MASTER_KEYS_FILE: keysFile(tempDir()) })).toContain('not both');
    expect(problem(withoutKeys)).toContain('VAULT_MASTER_KEYS: is required');
    expect(problem({ ...withoutKeys, VAULT_MASTER_KEYS_FILE: join(tempDir(), 'missing') })).toContain(
      'cannot be read (ENOENT)',
    );
  });
});

describe('master keys as VAULT_MASTER_KEYS holds them', () => {
  const old = newMasterKey('kek-2025');
  const current = newMasterKey('kek-2026');

  it('round-trips through formatMasterKeys and parseMasterKeys', () => {
    const text = formatMasterKeys([old, current]);
    expect(text).toMatch(/^kek-2025:[A-Za-z0-9_-]{43},kek-2026:[A-Za-z0-9_-]{43}$/);
    const parsed = parseMasterKeys(text);
    expect(parsed.map((k) => k.id)).toEqual(['kek-2025', 'kek-2026']);
    expect(parsed[0]?.key.equals(old.key)).toBe(true);
    expect(parsed[1]?.key.equals(current.key)).toBe(true);
    expect(parseMasterKeys(` ${text.replace(',', ' , ')} ,`).map((k) => k.id)).toEqual([
      'kek-2025',
      'kek-2026',
    ]);
  });

  it('explains what is wrong, without echoing key material', () => {
    const key = current.key.toString('base64url');
    const cases: [string, RegExp][] = [
      ['', /no master keys/],
      [' , ', /no master keys/],
      [key, /master key 1 is not of the form id:base64url-key/],
      [`k1:${key},${key}`, /master key 2 is not of the form/],
      [`K1:${key}`, /master key 1: the id must be 1–40 of a-z, 0-9, -/],
      [`${'a'.repeat(41)}:${key}`, /master key 1: the id/],
      [`:${key}`, /master key 1: the id/],
      [`k1:${key},k1:${key}`, /"k1" appears twice/],
      ['k1:', /"k1" must be 32 bytes in base64url/],
      [`k1:${key.slice(0, 42)}`, /"k1" must be 32 bytes/],
      [`k1:${key}A`, /"k1" must be 32 bytes/],
      [`k1:${key}=`, /"k1" must be 32 bytes/],
      [`k1:${key.slice(0, 40)}+/+`, /"k1" must be 32 bytes/],
      [`k1:${current.key.toString('base64')}`, /"k1" must be 32 bytes/],
    ];
    for (const [text, message] of cases) {
      let thrown: unknown;
      try {
        parseMasterKeys(text);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, text).toBeInstanceOf(VaultKeyError);
      expect((thrown as VaultKeyError).problem).toBe('invalid_master_keys');
      expect((thrown as Error).message, text).toMatch(message);
      expect((thrown as Error).message).not.toContain(key.slice(0, 10));
    }
  });

  it('makes new keys of 32 random bytes with a valid id', () => {
    const a = newMasterKey('fresh');
    expect(a.key).toHaveLength(32);
    expect(a.key.equals(newMasterKey('fresh').key)).toBe(false);
    expect(() => newMasterKey('Not valid')).toThrow(VaultKeyError);
  });
});
