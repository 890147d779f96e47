/** Starts the real stack on test ports with a fresh data dir (.data/e2e), and stops it after the run. */
import { rmSync } from 'node:fs';
import { startStack } from '../scripts/stack/stack';
import { e2eDataDir, e2ePorts } from './fixtures/ports';

export default async function globalSetup() {
  const dataDir = e2eDataDir;
  rmSync(dataDir, { recursive: true, force: true });
  const env = { ...process.env };
  // The e2e always runs its own LiveKit and a fresh SQLite database, whatever the shell says.
  for (const name of [
    'LIVEKIT_URL',
    'LIVEKIT_API_KEY',
    'LIVEKIT_API_SECRET',
    'DATABASE_URL',
    'PUBLIC_URL',
    'PORT',
  ]) {
    delete env[name];
  }
  const stack = await startStack({
    dataDir,
    env,
    ports: e2ePorts,
    // With no egress worker here, LiveKit answers a start after ~22 s; keep waiting for it rather than
    // timing out earlier, so a start in flight stays observable (the fail-closed journey relies on it).
    serverEnv: { EGRESS_START_TIMEOUT_SECONDS: '60' },
    log: (m) => console.log(`[e2e stack] ${m}`),
    onUnexpectedExit: (name, reason) => console.error(`[e2e stack] ${name} died: ${reason}`),
  });
  // The data dir (logs, database, secrets) is kept after the run for inspection; the next run wipes it.
  return () => stack.stop();
}
