/**
 * Egress's plaintext files, touched only where Assent told egress to write: a path is opened or removed
 * only when its real location (links in its directories resolved) lies inside the recordings directory,
 * and the file itself is never reached through a symbolic link. A webhook, a database row or a link in
 * the recordings directory that names anything else is refused, and nothing is read or deleted there.
 *
 * SECURITY: the check and the open are two steps; someone able to rename directories inside the
 * recordings directory between them could still redirect the open. Only egress (and Assent) write there.
 */
import { constants } from 'node:fs';
import { type FileHandle, lstat, open, realpath, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export type EgressFile =
  | { kind: 'file'; handle: FileHandle; size: number; realPath: string }
  | { kind: 'missing' }
  | { kind: 'refused'; reason: string };

const code = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** True when `inner` is `outer` itself (`orSame`) or lies below it. */
function within(outer: string, inner: string, orSame: boolean): boolean {
  const rel = relative(outer, inner);
  if (rel === '') return orSame;
  return !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/**
 * Where `path` really is, its directory's links resolved but not the file itself, if that lies strictly
 * inside `recordingsDir`; undefined otherwise (or when its directory does not exist).
 */
export async function realPathInside(recordingsDir: string, path: string): Promise<string | undefined> {
  if (!isAbsolute(path)) return undefined;
  const lexical = resolve(path);
  try {
    const root = await realpath(recordingsDir);
    const dir = await realpath(dirname(lexical));
    if (!within(root, dir, true)) return undefined;
    const real = join(dir, basename(lexical));
    return within(root, real, false) ? real : undefined;
  } catch {
    return undefined;
  }
}

/** Opens an egress file for reading: inside the recordings directory, a regular file, no link followed. */
export async function openEgressFile(recordingsDir: string, path: string): Promise<EgressFile> {
  const real = await realPathInside(recordingsDir, path);
  if (!real) {
    // Egress that wrote nothing may not even have made the session's directory: that is a missing file.
    const lexicallyInside = isAbsolute(path) && within(resolve(recordingsDir), resolve(path), false);
    const dirMissing = await lstat(dirname(resolve(path))).then(
      () => false,
      (error) => code(error) === 'ENOENT',
    );
    return lexicallyInside && dirMissing
      ? { kind: 'missing' }
      : { kind: 'refused', reason: 'not inside the recordings directory' };
  }
  let handle: FileHandle;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if (code(error) === 'ENOENT') return { kind: 'missing' };
    if (code(error) === 'ELOOP') return { kind: 'refused', reason: 'a symbolic link' };
    // Not something a retry mends: egress left a file nobody may read, or a directory, or a device.
    if (['EACCES', 'EPERM', 'EISDIR', 'ENXIO'].includes(code(error) ?? '')) {
      return { kind: 'refused', reason: `unreadable (${code(error)})` };
    }
    throw error;
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    return { kind: 'refused', reason: 'not a regular file' };
  }
  return { kind: 'file', handle, size: stat.size, realPath: real };
}

/**
 * Removes an egress file if it is a regular file inside the recordings directory; anything else (a
 * link, a directory, a path outside) is left alone. Answers whether something was removed.
 */
export async function removeEgressFile(recordingsDir: string, path: string): Promise<boolean> {
  const real = await realPathInside(recordingsDir, path);
  if (!real) return false;
  const stat = await lstat(real).catch(() => undefined);
  if (!stat?.isFile()) return false;
  await unlink(real).catch((error) => {
    if (code(error) !== 'ENOENT') throw error;
  });
  return true;
}

/** Removes the directory egress wrote a file into, once empty, if it lies strictly inside the recordings directory. */
export async function removeEgressDirectory(recordingsDir: string, filePath: string): Promise<void> {
  const real = await realPathInside(recordingsDir, filePath);
  if (!real) return;
  const dir = dirname(real);
  const root = await realpath(recordingsDir).catch(() => undefined);
  if (!root || !within(root, dir, false)) return;
  const stat = await lstat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) return;
  // rmdir refuses a directory that still holds anything.
  await rmdir(dir).catch(() => {});
}
