/**
 * Transcripts as the vault's sweep sees them: their own data class, kept `transcriptRetentionDays` from
 * when they were made (set on the row as `retain_until`), which may outlive the recording's media. An
 * open concern or safeguarding report about the session holds them. Runs inside the vault's sweep, on its
 * queue, so it shreds directly (never through the queue, which would wait on itself).
 */
import type { Db } from '../db/database';
import type { VaultFiles } from '../vault/ingest';
import { isHeld } from '../vault/lifetime/holds';
import { removeTranscriptFiles, shredTranscriptOf, transcriptDataClass } from '../vault/transcript-blobs';
import type { DataClassSweep, DataClassSweeper } from '../vault/vault';

export function transcriptSweeper(deps: { db: Db; files: VaultFiles }): DataClassSweeper {
  return {
    dataClass: transcriptDataClass,
    plural: 'transcripts',
    async sweep(at) {
      const result: DataClassSweep = { destroyed: 0, held: 0 };
      const expired = await deps.db
        .selectFrom('transcripts')
        .select(['id', 'recording_id', 'session_id', 'retain_until'])
        .where('status', '=', 'ready')
        .where('retain_until', '<=', at.toISOString())
        .orderBy('retain_until')
        .execute();
      for (const row of expired) {
        const shredded = await deps.db.transaction().execute(async (trx) => {
          // Checked in the transaction, so a report made while the sweep runs still holds it.
          if (await isHeld(trx, row.session_id)) return 'held' as const;
          const detail = `The transcript retention period ended (${row.retain_until?.slice(0, 10)})`;
          return shredTranscriptOf(trx, row.recording_id, { reason: 'retention', detail }, at);
        });
        if (shredded === 'held') result.held += 1;
        else if (shredded) {
          await removeTranscriptFiles(deps.files, shredded);
          result.destroyed += 1;
        }
      }
      return result;
    },
  };
}
