/** Scratch files for the vault benchmarks: random plaintext written in large blocks under os.tmpdir(). */
import { randomFill } from 'node:crypto';
import { mkdtemp, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MiB = 1024 * 1024;
const randomFillAsync = (block: Buffer, length: number) =>
  new Promise<void>((resolve, reject) =>
    randomFill(block, 0, length, (error) => (error ? reject(error) : resolve())),
  );

export function makeWorkDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'assent-vault-bench-'));
}

/** Random bytes, since a real recording's compressed media is as incompressible as they are. */
export async function writeRandomFile(path: string, bytes: number): Promise<void> {
  const block = Buffer.allocUnsafe(Math.min(bytes, 16 * MiB));
  const file = await open(path, 'w');
  try {
    for (let written = 0; written < bytes; ) {
      const length = Math.min(block.length, bytes - written);
      await randomFillAsync(block, length);
      const { bytesWritten } = await file.write(block, 0, length, written);
      written += bytesWritten;
    }
  } finally {
    await file.close();
  }
}

/** Megabytes (10^6) per second. */
export const megabytesPerSecond = (bytes: number, seconds: number) =>
  Math.round((bytes / 1e6 / seconds) * 10) / 10;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
