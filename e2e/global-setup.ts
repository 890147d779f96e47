/** Starts the real stack on test ports with a fresh data dir (.data/e2e), and stops it after the run. */
import { startOwnStack } from './fixtures/own-stack';
import { e2eDataDir, e2ePorts } from './fixtures/ports';

export default async function globalSetup() {
  const stack = await startOwnStack({
    dataDir: e2eDataDir,
    ports: e2ePorts,
    // With no egress worker here, LiveKit answers a start after ~22 s; keep waiting for it rather than
    // timing out earlier, so a start in flight stays observable (the fail-closed journey relies on it).
    serverEnv: { EGRESS_START_TIMEOUT_SECONDS: '60' },
    log: (m) => console.log(`[e2e stack] ${m}`),
    onUnexpectedExit: (name, reason) => console.error(`[e2e stack] ${name} died: ${reason}`),
  });
  return () => stack.stop();
}
