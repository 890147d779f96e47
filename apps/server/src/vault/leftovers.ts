/**
 * Files the vault should no longer hold, found by comparing the vault directory and the recordings
 * table: blobs of destroyed or unknown recordings (a crash after shredding), partial blobs of
 * interrupted ingests, and plaintext of recordings already stored or destroyed.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { removeEgressFile } from './egress-files';
import type { VaultFiles } from './ingest';

export async function removeLeftovers(db: Db, files: VaultFiles): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(files.dir).catch(() => [] as string[]);
  const kept = new Set(
    (await db.selectFrom('recordings').select('id').where('status', '=', 'stored').execute()).map(
      (r) => r.id,
    ),
  );
  const keptTranscripts = new Set(
    (await db.selectFrom('transcripts').select('id').where('status', '=', 'ready').execute()).map(
      (r) => r.id,
    ),
  );
  for (const name of names) {
    // Transcripts: only a ready one keeps its blob (sealing runs on the vault's queue, like ingest).
    const transcript = /^(trn_[A-Za-z0-9_-]+)\.(vault|partial)$/.exec(name);
    if (transcript) {
      if (transcript[2] === 'partial' || !keptTranscripts.has(transcript[1] ?? '')) {
        await rm(join(files.dir, name), { force: true });
        removed.push(name);
      }
      continue;
    }
    const match = /^(rec_[A-Za-z0-9_-]+)\.(vault|partial)$/.exec(name);
    if (!match) continue;
    const [, id, kind] = match;
    // Ingest is not running while the sweeper does (they share one queue): any partial is abandoned.
    if (kind === 'partial' || !kept.has(id ?? '')) {
      await rm(join(files.dir, name), { force: true });
      removed.push(name);
    }
  }
  const plaintexts = await db
    .selectFrom('recordings')
    .select(['id', 'plaintext_path'])
    .where('status', 'in', ['stored', 'destroyed', 'lost'])
    .where('plaintext_path', 'is not', null)
    .execute();
  for (const row of plaintexts) {
    if (!row.plaintext_path) continue;
    await removeEgressFile(files.recordingsDir, row.plaintext_path);
    await db.updateTable('recordings').set({ plaintext_path: null }).where('id', '=', row.id).execute();
    removed.push(row.plaintext_path);
  }
  return removed;
}
