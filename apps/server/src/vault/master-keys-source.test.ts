import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { testEnv } from '../test-support/test-app';
import { formatMasterKeys, newMasterKey } from './crypto/key-store';

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
