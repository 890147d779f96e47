/**
 * A stack of a test's or benchmark's own: its ports, a fresh data dir, and none of the shell's settings
 * that would point it at someone else's LiveKit, database or address.
 */
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Stack, type StartStackOptions, startStack } from './stack';
import { inMemoryRecordingsDir } from './stack-config';

const outsideSettings = [
  'LIVEKIT_URL',
  'LIVEKIT_API_KEY',
  'LIVEKIT_API_SECRET',
  'DATABASE_URL',
  'PUBLIC_URL',
  'PORT',
  'LIVEKIT_PORT',
  'ASSENT_DATA_DIR',
  'ASSENT_RECORDINGS_DIR',
];

export function startIsolatedStack(options: StartStackOptions & { dataDir: string }): Promise<Stack> {
  const env = { ...(options.env ?? process.env) };
  for (const name of outsideSettings) delete env[name];
  // Each run starts clean; the data dir (logs, database, recordings) is kept afterwards for inspection.
  rmSync(options.dataDir, { recursive: true, force: true });
  const inMemory = inMemoryRecordingsDir(resolve(options.dataDir));
  if (inMemory) rmSync(dirname(inMemory), { recursive: true, force: true });
  return startStack({ ...options, env });
}
