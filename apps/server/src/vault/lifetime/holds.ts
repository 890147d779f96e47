/**
 * Holds: while a concern or safeguarding report about a session is open, that session's recordings are
 * evidence. Retention is paused, and a destruction something else asks for meanwhile (the "erase"
 * withdrawal rule) is written down in `recordings.destroy_after_hold` instead of done; the sweeper does
 * it once no open report holds the session any more.
 */
import { type DeletionReason, DeletionReason as DeletionReasonSchema } from '@assent/shared';
import { appendAudit } from '../../audit/audit-log';
import { systemActor } from '../../audit/system-actor';
import type { Db, DbOrTrx } from '../../db/database';

/** Sessions that an open report holds. */
export async function heldSessionIds(db: DbOrTrx): Promise<Set<string>> {
  const rows = await db
    .selectFrom('concern_reports')
    .select('session_id')
    .distinct()
    .where('status', '=', 'open')
    .execute();
  return new Set(rows.map((r) => r.session_id));
}

/** Whether an open report holds the session (its recordings are evidence and may be reviewed). */
export async function isHeld(db: DbOrTrx, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('concern_reports')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return row !== undefined;
}

/** The open reports about a session, oldest first (what an investigation view is for). */
export async function openReportIds(db: DbOrTrx, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('concern_reports')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A destruction waiting for a hold to end, as kept in `recordings.destroy_after_hold`. */
export interface DeferredDestruction {
  /** The deletion record's reason once it is done. */
  reason: DeletionReason;
  /** The deletion record's words: the rule or decision that asked for it. */
  detail: string;
  /** The withdrawal rule that asked for it, when one did. */
  rule?: 'erase';
  withdrawal?: { personName: string; at: string };
  /** The admin whose decision asked for it, when one did. */
  decidedBy?: { userId: string; role: string };
  deferredAt: string;
}

/** The deferred destruction in a column value, or undefined if there is none (or it cannot be read). */
export function readDeferred(value: string | null): DeferredDestruction | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as Partial<DeferredDestruction>;
    const reason = DeletionReasonSchema.safeParse(parsed.reason);
    if (!reason.success || typeof parsed.detail !== 'string') return undefined;
    return { ...(parsed as DeferredDestruction), reason: reason.data };
  } catch {
    return undefined;
  }
}

/**
 * Writes down that `recordingId` is to be destroyed once the hold ends, audited as
 * `recording.hold_deferred` in the same transaction. The first deferral stands: false when one was
 * already written (so the sweeper's catch-up does not audit it again) or the recording is gone.
 */
export async function deferDestruction(
  deps: { db: Db },
  recording: { id: string; sessionId: string },
  deferred: DeferredDestruction,
  at: Date,
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('recordings')
      .set({ destroy_after_hold: JSON.stringify(deferred) })
      .where('id', '=', recording.id)
      .where('status', 'in', ['pending', 'stored'])
      .where('destroy_after_hold', 'is', null)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) return false;
    await appendAudit(trx, {
      actor: deferred.decidedBy ?? systemActor,
      action: 'recording.hold_deferred',
      target: { type: 'recording', id: recording.id },
      detail: {
        sessionId: recording.sessionId,
        reason: deferred.reason,
        detail: deferred.detail,
        reportIds: await openReportIds(trx, recording.sessionId),
      },
      at,
    });
    return true;
  });
}

/** Destructions deferred by a hold, per recording id, for one session (or every session). */
export async function deferredDestructions(
  db: DbOrTrx,
  sessionId?: string,
): Promise<Map<string, DeferredDestruction>> {
  let query = db
    .selectFrom('recordings')
    .select(['id', 'destroy_after_hold'])
    .where('destroy_after_hold', 'is not', null)
    .where('status', 'in', ['pending', 'stored']);
  if (sessionId) query = query.where('session_id', '=', sessionId);
  const deferred = new Map<string, DeferredDestruction>();
  for (const row of await query.execute()) {
    const read = readDeferred(row.destroy_after_hold);
    if (read) deferred.set(row.id, read);
  }
  return deferred;
}
