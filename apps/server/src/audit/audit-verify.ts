/**
 * Checks the audit log's chain: each entry still hashes to its stored hash, links to the entry before
 * it, and seq runs 1, 2, 3, … without a gap. Reads the log in pages, so its length never matters.
 *
 * SECURITY: a chain cannot show that its newest entries were cut off (what is left is still intact),
 * nor an edit after which every later hash was recomputed. Keep `lastHash` somewhere else and compare.
 */
import type { AuditVerification } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import { entryHash, genesisHash } from './audit-log';
import { readAuditEntriesAfter, type StoredAuditEntry } from './audit-repository';

type ChainBreak = NonNullable<AuditVerification['brokenAt']>;

/** Reads every entry once, oldest first, and reports the first break (if any) and the chain's end. */
export async function verifyAuditChain(
  db: DbOrTrx,
  options: { pageSize?: number } = {},
): Promise<AuditVerification> {
  const pageSize = options.pageSize ?? 500;
  let entries = 0;
  let previous: StoredAuditEntry | undefined;
  let brokenAt: ChainBreak | undefined;
  for (;;) {
    const page = await readAuditEntriesAfter(db, previous ? previous.seq : null, pageSize);
    for (const entry of page) {
      entries += 1;
      brokenAt ??= breakBetween(previous, entry);
      previous = entry;
    }
    if (page.length < pageSize) break;
  }
  return {
    intact: brokenAt === undefined,
    entries,
    lastSeq: previous?.seq ?? null,
    lastHash: previous?.hash ?? null,
    ...(brokenAt ? { brokenAt } : {}),
  };
}

/** Why `entry` does not follow `previous` (undefined: the first entry), or undefined when it does. */
function breakBetween(
  previous: StoredAuditEntry | undefined,
  entry: StoredAuditEntry,
): ChainBreak | undefined {
  const expectedSeq = (previous?.seq ?? 0) + 1;
  if (entry.seq > expectedSeq) return { seq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
  // Only a row before the first can come out lower: the writer never numbers below 1.
  if (entry.seq < expectedSeq) return { seq: entry.seq, reason: `entry ${entry.seq} is out of sequence` };
  if (entryHash(entry) !== entry.hash) return { seq: entry.seq, reason: 'hash does not match its contents' };
  if (entry.prevHash !== (previous?.hash ?? genesisHash)) {
    return {
      seq: entry.seq,
      reason: previous
        ? `previous hash does not match entry ${previous.seq}`
        : 'previous hash is not the start of the log',
    };
  }
  return undefined;
}
