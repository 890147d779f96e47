/**
 * Where the key-encryption keys come from: the environment (VAULT_MASTER_KEYS) or a file
 * (VAULT_MASTER_KEYS_FILE), e.g. a secrets mount or another disk. A keys file must lie outside the data
 * directories (the vault's and the database's) and be readable by its owner only: a backup of the data
 * must never carry the key that unlocks it, or crypto-shredding a recording would not destroy it.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';

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
