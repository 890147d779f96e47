/**
 * Starts the real stack on test ports with a fresh data dir (.data/e2e) and a real SMTP server, creates
 * the first administrator (kept signed in for the fixtures), and stops it all after the run.
 */
import { startOwnStack } from './fixtures/own-stack';
import { e2eDataDir, e2ePorts } from './fixtures/ports';

export default async function globalSetup() {
  const stack = await startOwnStack({
    dataDir: e2eDataDir,
    ports: e2ePorts,
    // Every journey creates its tutor and families; more than the default 10 sign-ins a minute from 127.0.0.1.
    // Calendar mail and reminders are sent within half a second of falling due, not the default 15 s.
    serverEnv: { AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE: '1000', ASSENT_JOB_POLL_MS: '500' },
    log: (m) => console.log(`[e2e stack] ${m}`),
    onUnexpectedExit: (name, reason) => console.error(`[e2e stack] ${name} died: ${reason}`),
  });
  console.log(`[e2e stack] first administrator ready; mail to ${stack.site.mailDir}`);
  return () => stack.stop();
}
