/**
 * Key rotation: every data key not yet wrapped under the current key-encryption key is unwrapped with
 * its old one and wrapped again under the current one. Media is never read or written; a recording or
 * transcript shredded meanwhile is simply skipped. Once nothing is left under an old key, it can leave
 * the config.
 */
import type { Logger } from 'pino';
import { appendAudit } from '../../audit/audit-log';
import { systemActor } from '../../audit/system-actor';
import type { Db } from '../../db/database';
import { keyOwnerKinds, replaceWrappedKey, wrappedKeysNotUnder } from '../wrapped-keys';
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
  const fromKeys = new Set<string>();
  // Recordings' data keys, then transcripts' (each bound to its owner's id).
  for (const kind of keyOwnerKinds) {
    const skipped = new Set<string>();
    for (;;) {
      const batch = (await wrappedKeysNotUnder(deps.db, kind, current, 200 + skipped.size)).filter(
        (key) => !skipped.has(key.ownerId),
      );
      if (batch.length === 0) break;
      for (const from of batch) {
        let dataKey: Buffer;
        try {
          dataKey = await deps.keys.unwrap(from, from.ownerId);
        } catch (err) {
          deps.logger.error(
            { err, [`${kind}Id`]: from.ownerId, kekId: from.kekId },
            `${kind} data key cannot be unwrapped`,
          );
          skipped.add(from.ownerId);
          result.unreadable += 1;
          continue;
        }
        const to = await deps.keys.wrap(dataKey, from.ownerId);
        dataKey.fill(0);
        if (await replaceWrappedKey(deps.db, kind, from.ownerId, from, to, deps.now())) {
          result.rewrapped += 1;
          fromKeys.add(from.kekId);
        } else {
          skipped.add(from.ownerId);
        }
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
