/**
 * Peak memory of ingest as the recording grows: each file is encrypted in a fresh child process that
 * reports its own peak RSS. Streaming means the peak should not move with the file size; an empty
 * file shows what Node and tsx take before any encryption.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./encrypt-child.ts', import.meta.url));

export interface PeakMemory {
  label: string;
  plaintextBytes: number;
  cipherBytes: number;
  seconds: number;
  maxRssBytes: number;
}

export async function peakMemory(
  label: string,
  sourcePath: string,
  targetPath: string,
  dataKey: Buffer,
): Promise<PeakMemory> {
  const { stdout } = await run(process.execPath, [
    '--import',
    'tsx',
    child,
    sourcePath,
    targetPath,
    dataKey.toString('hex'),
  ]);
  return { label, ...(JSON.parse(stdout) as Omit<PeakMemory, 'label'>) };
}
