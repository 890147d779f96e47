/**
 * Deletion records: the one writer every vault destruction (a recording, a transcript) goes through, so
 * each says what it destroyed, when, why and who decided in the same way, audited in the same transaction;
 * and the records as the admin page shows them.
 */
import type { DeletionReason, DeletionRecord } from '@assent/shared';
import { type AuditActor, type AuditEntryInput, appendAudit } from '../audit/audit-log';
import { systemActor } from '../audit/system-actor';
import type { DbOrTrx } from '../db/database';
import { newDeletionRecordId } from '../opaque-ids';
import type { DeletionRecordRow } from './recording-repository';

export interface DestroyReason {
  reason: DeletionReason;
  /** In words, for the deletion record: which rule or whose decision. */
  detail: string;
  /** The admin who decided; system (a rule) when absent. */
  decidedBy?: AuditActor & { userId: string };
}

/** What was destroyed, as its deletion record names it. */
export interface Destroyed {
  /** Its own id (a recording's, a transcript's): deletion records name what they destroyed by it. */
  id: string;
  sessionId: string;
  /** Its data class: a recording's purpose, or the transcripts' class. */
  dataClass: string;
  recordedAt: string | null;
}

/** The destruction's audit entry; its actor (who decided) and time are the deletion record's. */
type DestructionAudit = AuditEntryInput extends infer Entry
  ? Entry extends AuditEntryInput
    ? Omit<Entry, 'actor' | 'at'>
    : never
  : never;

/**
 * Writes the deletion record of what was destroyed at `at`, inside the transaction that destroyed it,
 * and its audit entry: by the admin who decided, or by the system when a rule did.
 */
export async function recordDestruction(
  trx: DbOrTrx,
  destroyed: Destroyed,
  why: DestroyReason,
  at: Date,
  audit: DestructionAudit,
): Promise<void> {
  await trx
    .insertInto('deletion_records')
    .values((eb) => ({
      id: newDeletionRecordId(),
      recording_id: destroyed.id,
      session_id: destroyed.sessionId,
      // A copy of the session's title: the record outlives what it names.
      session_title: eb.fn.coalesce(
        eb.selectFrom('sessions').select('title').where('id', '=', destroyed.sessionId),
        eb.val(''),
      ),
      purpose: destroyed.dataClass,
      recorded_at: destroyed.recordedAt,
      destroyed_at: at.toISOString(),
      reason: why.reason,
      detail: why.detail,
      decided_by_user_id: why.decidedBy?.userId ?? null,
    }))
    .execute();
  await appendAudit(trx, { ...audit, actor: why.decidedBy ?? systemActor, at });
}

export const toDeletionRecord = (row: DeletionRecordRow): DeletionRecord => ({
  id: row.id,
  recordingId: row.recording_id,
  sessionId: row.session_id,
  sessionTitle: row.session_title,
  purpose: row.purpose,
  recordedAt: row.recorded_at,
  destroyedAt: row.destroyed_at,
  reason: row.reason,
  detail: row.detail,
  decidedByName: row.decided_by_name,
});
