/**
 * Key rotation: every data key not yet wrapped under the current key-encryption key is unwrapped with
 * its old one and wrapped again under the current one. Media is never read or written; a recording
 * shredded meanwhile is simply skipped. Once nothing is left under an old key, it can leave the config.
 */
import type { Logger } from 'pino';
import { appendAudit } from '../../audit/audit-log';
import { systemActor } from '../../audit/system-actor';
import type { Db } from '../../db/database';
import { keysNotUnder, replaceKey } from '../recording-repository';
import { replaceTranscriptKey, transcriptKeysNotUnder } from '../transcript-blobs';
import type { KeyStore } from './key-store';

export interface RewrapResult {
  /** The key-encryption key every data key that could be read is now wrapped under. */
  currentKekId: string;
  rewrapped: number;
  /** Keys under a key-encryption key this configuration no longer has: they cannot be rewrapped. */
  unreadable: number;
}

export async function rewrapDataKeys(deps: {
  db: Db;
  keys: KeyStore;
  logger: Logger;
  now: () => Date;
}): Promise<RewrapResult> {
  const current = deps.keys.currentKekId;
  const result: RewrapResult = { currentKekId: current, rewrapped: 0, unreadable: 0 };
  const skipped = new Set<string>();
  const fromKeys = new Set<string>();
  for (;;) {
    const batch = (await keysNotUnder(deps.db, current, 200 + skipped.size)).filter(
      (row) => !skipped.has(row.recording_id),
    );
    if (batch.length === 0) break;
    for (const row of batch) {
      const from = { kekId: row.kek_id, wrapped: row.wrapped_key };
      let dataKey: Buffer;
      try {
        dataKey = await deps.keys.unwrap(from, row.recording_id);
      } catch (err) {
        deps.logger.error(
          { err, recordingId: row.recording_id, kekId: row.kek_id },
          'data key cannot be unwrapped',
        );
        skipped.add(row.recording_id);
        result.unreadable += 1;
        continue;
      }
      const to = await deps.keys.wrap(dataKey, row.recording_id);
      dataKey.fill(0);
      if (await replaceKey(deps.db, row.recording_id, from, to, deps.now())) {
        result.rewrapped += 1;
        fromKeys.add(row.kek_id);
      } else {
        skipped.add(row.recording_id);
      }
    }
  }
  // Transcripts' data keys likewise (bound to the transcript's id).
  const skippedTranscripts = new Set<string>();
  for (;;) {
    const batch = (await transcriptKeysNotUnder(deps.db, current, 200 + skippedTranscripts.size)).filter(
      (row) => !skippedTranscripts.has(row.transcript_id),
    );
    if (batch.length === 0) break;
    for (const row of batch) {
      const from = { kekId: row.kek_id, wrapped: row.wrapped_key };
      let dataKey: Buffer;
      try {
        dataKey = await deps.keys.unwrap(from, row.transcript_id);
      } catch (err) {
        deps.logger.error(
          { err, transcriptId: row.transcript_id, kekId: row.kek_id },
          'transcript data key cannot be unwrapped',
        );
        skippedTranscripts.add(row.transcript_id);
        result.unreadable += 1;
        continue;
      }
      const to = await deps.keys.wrap(dataKey, row.transcript_id);
      dataKey.fill(0);
      if (await replaceTranscriptKey(deps.db, row.transcript_id, from, to, deps.now())) {
        result.rewrapped += 1;
        fromKeys.add(row.kek_id);
      } else {
        skippedTranscripts.add(row.transcript_id);
      }
    }
  }
  if (result.rewrapped > 0) {
    await appendAudit(deps.db, {
      actor: systemActor,
      action: 'vault.keys_rewrapped',
      detail: { toKeyId: current, fromKeyIds: [...fromKeys].sort(), count: result.rewrapped },
      at: deps.now(),
    });
    deps.logger.info(
      { toKeyId: current, count: result.rewrapped },
      'data keys rewrapped under the current key',
    );
  }
  return result;
}
