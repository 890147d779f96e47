/**
 * A stack's recording as the vault holds it, decrypted into a temporary file with the stack's own keys
 * (its data dir's secrets), for tests and benchmarks that probe what egress recorded: by the time they
 * look, egress's plaintext is gone.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { configKeyStore } from '../../apps/server/src/vault/crypto/key-store';
import { decryptFile } from '../../apps/server/src/vault/crypto/stream-cipher';
import { parseMasterKeys } from '../../apps/server/src/vault/master-keys-source';

interface StoredRow {
  id: string;
  status: string;
  kek_id: string | null;
  wrapped_key: string | null;
}

function storedRecording(dataDir: string, egressId: string): StoredRow | undefined {
  const db = new Database(join(dataDir, 'assent.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare(
        `select r.id, r.status, k.kek_id, k.wrapped_key from recordings r
         left join recording_keys k on k.recording_id = r.id where r.egress_id = ?`,
      )
      .get(egressId) as StoredRow | undefined;
  } finally {
    db.close();
  }
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
  if (!row || row.status !== 'stored' || !row.kek_id || !row.wrapped_key) {
    throw new Error(`egress ${egressId}: no stored recording in the vault (${row?.status ?? 'none'})`);
  }
  const secrets = JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as {
    vaultMasterKeys: string;
  };
  const masterKeys = parseMasterKeys(secrets.vaultMasterKeys);
  const keys = configKeyStore(masterKeys, masterKeys[masterKeys.length - 1]?.id ?? '');
  const dataKey = await keys.unwrap({ kekId: row.kek_id, wrapped: row.wrapped_key }, row.id);
  const out = join(mkdtempSync(join(tmpdir(), 'assent-recording-')), `${row.id}.mp4`);
  await decryptFile(join(dataDir, 'vault', `${row.id}.vault`), out, dataKey);
  return out;
}
