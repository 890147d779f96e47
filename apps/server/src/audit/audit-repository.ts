/** Reading the audit log; rows become entries here and nowhere else. Only `appendAudit` writes. */
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { AuditEntry } from './audit-log';
import type { AuditLogTable } from './audit-tables';

/** An entry as stored: `detail` is still the JSON text its hash covers. */
export type StoredAuditEntry = Omit<AuditEntry, 'detail'> & { detail: string };

/** An entry with its actor's current name (null when the actor was nobody or the account is gone). */
export interface ListedAuditEntry extends AuditEntry {
  actorName: string | null;
}

export interface AuditFilter {
  actorUserId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Matches actions that start with it, exactly (no wildcards). */
  actionPrefix?: string | undefined;
  outcome?: AuditEntry['outcome'] | undefined;
  /** Only entries with a lower seq (the next page's cursor). */
  before?: number | undefined;
  limit: number;
}

export const maxAuditPage = 200;

export const toStoredAuditEntry = (row: Selectable<AuditLogTable>): StoredAuditEntry => ({
  // PostgreSQL hands bigint back as a string.
  seq: Number(row.seq),
  at: row.at,
  actorUserId: row.actor_user_id,
  actorRole: row.actor_role,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  outcome: row.outcome,
  detail: row.detail,
  prevHash: row.prev_hash,
  hash: row.hash,
});

export const toAuditEntry = (row: Selectable<AuditLogTable>): AuditEntry => ({
  ...toStoredAuditEntry(row),
  detail: parseDetail(row.detail),
});

/** The writer only stores JSON objects; anything else was put there by hand, so show it as it is. */
function parseDetail(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {}
  return { unreadable: text };
}

/** Newest first, at most `maxAuditPage`; `nextBefore` is the cursor for the older page, if any. */
export async function listAuditEntries(
  db: DbOrTrx,
  filter: AuditFilter,
): Promise<{ entries: ListedAuditEntry[]; nextBefore: number | null }> {
  const limit = Math.min(Math.max(1, filter.limit), maxAuditPage);
  const { actorUserId, targetType, targetId, actionPrefix, outcome, before } = filter;
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .selectAll('audit_log')
    .select('users.name as actor_name');
  if (actorUserId !== undefined) query = query.where('audit_log.actor_user_id', '=', actorUserId);
  if (targetType !== undefined) query = query.where('audit_log.target_type', '=', targetType);
  if (targetId !== undefined) query = query.where('audit_log.target_id', '=', targetId);
  if (outcome !== undefined) query = query.where('audit_log.outcome', '=', outcome);
  if (before !== undefined) query = query.where('audit_log.seq', '<', before);
  if (actionPrefix !== undefined) {
    // Not LIKE: `_` (as in `auth.sign_in`) is a wildcard there, and SQLite's LIKE ignores case.
    query = query.where((eb) =>
      eb(
        eb.fn<string>('substr', [eb.ref('audit_log.action'), eb.lit(1), eb.val(actionPrefix.length)]),
        '=',
        actionPrefix,
      ),
    );
  }
  const rows = await query
    .orderBy('audit_log.seq', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => ({ ...toAuditEntry(row), actorName: row.actor_name })),
    nextBefore: rows.length > limit && last ? Number(last.seq) : null,
  };
}

/**
 * Up to `size` entries after `afterSeq` (null: from the very first row, whatever its seq), oldest
 * first: the verifier's page.
 */
export async function readAuditEntriesAfter(
  db: DbOrTrx,
  afterSeq: number | null,
  size: number,
): Promise<StoredAuditEntry[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (afterSeq !== null) query = query.where('seq', '>', afterSeq);
  const rows = await query.orderBy('seq', 'asc').limit(size).execute();
  return rows.map(toStoredAuditEntry);
}
