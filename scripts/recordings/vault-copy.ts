/**
 * A stack's recording as the vault holds it, decrypted into a temporary file through the vault's own face
 * (`vault.openPlaintext`, with the stack's keys from its data dir's secrets), for tests and benchmarks that
 * probe what egress recorded: by the time they look, egress's plaintext is gone.
 */
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import { loadConfig } from '../../apps/server/src/config';
import { connectDatabase } from '../../apps/server/src/db/connect';
import { createLogger } from '../../apps/server/src/logger';
import { createPolicyBook } from '../../apps/server/src/policy/policy-book';
import { vaultFromConfig } from '../../apps/server/src/vault/vault-from-config';
import type { StackSecrets } from '../stack/stack-config';

interface StoredRow {
  id: string;
  status: string;
}

function storedRecording(dataDir: string, egressId: string): StoredRow | undefined {
  const db = new Database(join(dataDir, 'assent.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select id, status from recordings where egress_id = ?').get(egressId) as
      | StoredRow
      | undefined;
  } finally {
    db.close();
  }
}

/** The stack's server configuration, as far as the vault needs it: its database, directory and keys. */
function stackVaultConfig(dataDir: string) {
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as StackSecrets;
  return loadConfig({
    DATABASE_URL: `sqlite:${join(dataDir, 'assent.sqlite')}`,
    VAULT_DIR: join(dataDir, 'vault'),
    VAULT_MASTER_KEYS: secrets.vaultMasterKeys,
    LIVEKIT_API_KEY: secrets.livekitApiKey,
    LIVEKIT_API_SECRET: secrets.livekitApiSecret,
    INVITE_SECRET: secrets.inviteSecret,
    AUTH_SECRET: secrets.authSecret,
    // Required by the configuration, never dialled: the vault talks to no LiveKit.
    LIVEKIT_URL: 'ws://127.0.0.1:7880',
  });
}

/** Waits for the egress's recording to be stored, then decrypts it; resolves with the plaintext's path. */
export async function decryptedRecording(
  dataDir: string,
  egressId: string,
  timeoutMs = 20_000,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  let row = storedRecording(dataDir, egressId);
  while (row?.status !== 'stored' && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    row = storedRecording(dataDir, egressId);
  }
  if (row?.status !== 'stored') {
    throw new Error(`egress ${egressId}: no stored recording in the vault (${row?.status ?? 'none'})`);
  }
  const config = stackVaultConfig(dataDir);
  const { db } = connectDatabase(config.database);
  const now = () => new Date();
  const policies = createPolicyBook({ db, defaults: config.recording, now });
  const vault = vaultFromConfig(config.vault, { db, policies, logger: createLogger('silent'), now });
  const out = join(mkdtempSync(join(tmpdir(), 'assent-recording-')), `${row.id}.mp4`);
  try {
    await pipeline(await vault.openPlaintext(row.id), createWriteStream(out));
  } finally {
    await db.destroy();
  }
  return out;
}
