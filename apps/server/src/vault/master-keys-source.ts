/**
 * Where the key-encryption keys come from: the environment (VAULT_MASTER_KEYS) or a file
 * (VAULT_MASTER_KEYS_FILE), e.g. a secrets mount or another disk. A keys file must lie outside the data
 * directories (the vault's and the database's) and be readable by its owner only: a backup of the data
 * must never carry the key that unlocks it, or crypto-shredding a recording would not destroy it.
 * Also their text form (`id:base64url,…`), parsed and checked here so config can refuse bad keys without
 * loading the key store; the vault builds its key store from the parsed keys.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { VaultKeyError } from './vault-errors';

export type KeysSource = { ok: true; text: string } | { ok: false; problem: string };

const inside = (dir: string, path: string) => {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/** The keys' text, or the problem in words (each line starts with the variable it is about). */
export function masterKeysSource(
  env: { VAULT_MASTER_KEYS?: string; VAULT_MASTER_KEYS_FILE?: string },
  dataDirs: readonly string[],
): KeysSource {
  const { VAULT_MASTER_KEYS: inline, VAULT_MASTER_KEYS_FILE: file } = env;
  if (inline && file) {
    return { ok: false, problem: 'VAULT_MASTER_KEYS_FILE: set it or VAULT_MASTER_KEYS, not both' };
  }
  if (inline) return { ok: true, text: inline };
  if (!file) {
    return {
      ok: false,
      problem: 'VAULT_MASTER_KEYS: is required (or VAULT_MASTER_KEYS_FILE, a file holding them)',
    };
  }
  if (!isAbsolute(file)) return { ok: false, problem: 'VAULT_MASTER_KEYS_FILE: must be an absolute path' };
  const where = real(file);
  if (dataDirs.some((dir) => inside(real(dir), where))) {
    return {
      ok: false,
      problem:
        'VAULT_MASTER_KEYS_FILE: must lie outside the data directories (VAULT_DIR and the database’s), so a backup of the data never holds the key that unlocks it',
    };
  }
  try {
    const mode = statSync(where).mode;
    if ((mode & 0o077) !== 0) {
      return {
        ok: false,
        problem: 'VAULT_MASTER_KEYS_FILE: must be readable by its owner only (chmod 600)',
      };
    }
    return { ok: true, text: readFileSync(where, 'utf8').trim() };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return { ok: false, problem: `VAULT_MASTER_KEYS_FILE: cannot be read (${code})` };
  }
}

/** The directory a SQLite database file lives in; none for PostgreSQL or memory. */
export function databaseDirOf(url: string): string | undefined {
  if (!url.startsWith('sqlite:') || url === 'sqlite::memory:') return undefined;
  return dirname(resolve(url.slice('sqlite:'.length)));
}

export interface MasterKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

const MASTER_KEY_BYTES = 32;
const KEK_ID = /^[a-z0-9-]{1,40}$/;

/**
 * Parses `id:base64url,id2:base64url` (as the env var VAULT_MASTER_KEYS holds it); validates ids
 * [a-z0-9-]{1,40} and 32-byte keys, no duplicate ids. Messages name entries by position, never echo a key.
 */
export function parseMasterKeys(text: string): MasterKey[] {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new VaultKeyError('invalid_master_keys', 'no master keys are given');
  const seen = new Set<string>();
  return entries.map((entry, at) => {
    const colon = entry.indexOf(':');
    if (colon < 0) {
      throw new VaultKeyError(
        'invalid_master_keys',
        `master key ${at + 1} is not of the form id:base64url-key`,
      );
    }
    const id = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KEK_ID.test(id)) {
      throw new VaultKeyError(
        'invalid_master_keys',
        `master key ${at + 1}: the id must be 1–40 of a-z, 0-9, -`,
      );
    }
    if (seen.has(id)) throw new VaultKeyError('invalid_master_keys', `master key id "${id}" appears twice`);
    seen.add(id);
    const key = Buffer.from(encoded, 'base64url');
    // Node's decoder ignores stray characters and trailing bits; insist on canonical base64url.
    if (key.length !== MASTER_KEY_BYTES || key.toString('base64url') !== encoded) {
      throw new VaultKeyError(
        'invalid_master_keys',
        `master key "${id}" must be ${MASTER_KEY_BYTES} bytes in base64url without padding (43 characters)`,
      );
    }
    return { id, key };
  });
}

/** A new random master key, e.g. for `formatMasterKeys` when setting up or rotating. */
export function newMasterKey(id: string): MasterKey {
  const key = randomBytes(MASTER_KEY_BYTES);
  assertMasterKey(id, key);
  return { id, key };
}

/** The inverse of `parseMasterKeys`. */
export function formatMasterKeys(keys: readonly MasterKey[]): string {
  for (const { id, key } of keys) assertMasterKey(id, key);
  return keys.map(({ id, key }) => `${id}:${key.toString('base64url')}`).join(',');
}

/** Throws unless `id` is a valid key id and `key` 32 bytes; the key store checks what it is given too. */
export function assertMasterKey(id: string, key: Buffer): void {
  if (!KEK_ID.test(id)) {
    throw new VaultKeyError('invalid_master_keys', 'a master key id must be 1–40 of a-z, 0-9, -');
  }
  if (key.length !== MASTER_KEY_BYTES) {
    throw new VaultKeyError('invalid_master_keys', `master key "${id}" must be ${MASTER_KEY_BYTES} bytes`);
  }
}
