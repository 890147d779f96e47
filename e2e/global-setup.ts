/** Starts the real stack on test ports with a fresh data dir (.data/e2e), and stops it after the run. */
import { startOwnStack } from './fixtures/own-stack';
import { e2eDataDir, e2ePorts } from './fixtures/ports';

export default async function globalSetup() {
  const stack = await startOwnStack({
    dataDir: e2eDataDir,
    ports: e2ePorts,
    log: (m) => console.log(`[e2e stack] ${m}`),
    onUnexpectedExit: (name, reason) => console.error(`[e2e stack] ${name} died: ${reason}`),
  });
  return () => stack.stop();
}
