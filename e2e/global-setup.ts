/** Starts the real stack on test ports in a throwaway data dir, and stops it after the run. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack } from '../scripts/stack/stack';
import { e2ePorts } from './fixtures/ports';

export default async function globalSetup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'assent-e2e-'));
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
    log: (m) => console.log(`[e2e stack] ${m}`),
    onUnexpectedExit: (name, reason) => console.error(`[e2e stack] ${name} died: ${reason}`),
  });
  process.env.ASSENT_E2E_WEB_URL = stack.webUrl;
  process.env.ASSENT_E2E_LIVEKIT_HTTP_URL = stack.livekitHttpUrl;
  process.env.ASSENT_E2E_DATA_DIR = dataDir;
  process.env.ASSENT_E2E_LIVEKIT_API_KEY = stack.config.secrets.livekitApiKey;
  process.env.ASSENT_E2E_LIVEKIT_API_SECRET = stack.config.secrets.livekitApiSecret;
  process.env.ASSENT_E2E_INVITE_SECRET = stack.config.secrets.inviteSecret;
  return async () => {
    await stack.stop();
    if (!process.env.ASSENT_E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  };
}
