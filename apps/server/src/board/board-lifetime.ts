/**
 * The saved board's retention is the chat log's (the same data class): it is destroyed once the policy's
 * chat-log retention has passed since the session ended, unless an open concern or safeguarding report
 * holds the session. Each destruction leaves a deletion record (when, why, under which rule; never the
 * drawing) and an audit entry, written in the same transaction. The chat sweeper calls it.
 *
 * The withdrawal erase rule does not reach the board: it is shared work of everyone in the call, not
 * anyone's recorded image or voice, and the pre-session notice says it is kept with the chat log.
 */
import { addDays } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import { systemActor } from '../audit/system-actor';
import type { Db, DbOrTrx } from '../db/database';
import { newDeletionRecordId } from '../opaque-ids';
import type { PolicyBook } from '../policy/policy-book';
import { heldSessionIds } from '../vault/lifetime/holds';

/** The deletion records' data class: the chat log's (the saved board is kept with it). */
export const boardDataClass = 'chat_log';

export interface BoardRetentionResult {
  destroyed: number;
  held: number;
}

/** Deletes a session's saved board with its deletion record and audit entry, in the caller's transaction. */
export async function destroySavedBoard(
  trx: DbOrTrx,
  what: {
    sessionId: string;
    reason: 'retention' | 'decision';
    detail: string;
    decidedBy: { userId: string | null; role: string } | null;
    at: Date;
  },
): Promise<boolean> {
  const row = await trx
    .selectFrom('session_boards')
    .select(['saved_at'])
    .where('session_id', '=', what.sessionId)
    .where('saved_at', 'is not', null)
    .executeTakeFirst();
  if (!row) return false;
  await trx.deleteFrom('session_boards').where('session_id', '=', what.sessionId).execute();
  const session = await trx
    .selectFrom('sessions')
    .select('title')
    .where('id', '=', what.sessionId)
    .executeTakeFirst();
  const destroyedAt = what.at.toISOString();
  await trx
    .insertInto('deletion_records')
    .values({
      id: newDeletionRecordId(),
      // Deletion records name what they destroyed by a unique id: the session's saved board at that time.
      recording_id: `board:${what.sessionId}:${destroyedAt}`,
      session_id: what.sessionId,
      session_title: session?.title ?? '',
      purpose: boardDataClass,
      recorded_at: row.saved_at,
      destroyed_at: destroyedAt,
      reason: what.reason,
      detail: `${what.detail}: the saved whiteboard destroyed`,
      decided_by_user_id: what.decidedBy?.userId ?? null,
    })
    .execute();
  await appendAudit(trx, {
    actor: what.decidedBy ?? systemActor,
    action: 'board.destroyed',
    target: { type: 'session', id: what.sessionId },
    detail: { sessionId: what.sessionId, reason: what.reason },
    at: what.at,
  });
  return true;
}

export async function destroyExpiredBoards(
  deps: { db: Db; policies: PolicyBook },
  at: Date,
): Promise<BoardRetentionResult> {
  const current = await deps.policies.current();
  const days = current.policy.chatRetentionDays;
  const cutoff = addDays(at, -days).toISOString();
  const expired = await deps.db
    .selectFrom('session_boards')
    .select(['session_id', 'saved_at'])
    .where('saved_at', 'is not', null)
    .where('saved_at', '<=', cutoff)
    .execute();
  const held = await heldSessionIds(deps.db);
  const result: BoardRetentionResult = { destroyed: 0, held: 0 };
  for (const row of expired) {
    if (held.has(row.session_id)) {
      result.held += 1;
      continue;
    }
    const saved = String(row.saved_at).slice(0, 10);
    const destroyed = await deps.db.transaction().execute((trx) =>
      destroySavedBoard(trx, {
        sessionId: row.session_id,
        reason: 'retention',
        detail: `The chat log's retention (${days} days after the session ended on ${saved}) ended (policy version ${current.version})`,
        decidedBy: null,
        at,
      }),
    );
    if (destroyed) result.destroyed += 1;
  }
  return result;
}
