/**
 * The chat log's retention: a session's chat is destroyed once the policy's chat-log retention has passed
 * since its last message, unless an open concern or safeguarding report holds the session (then it waits,
 * like the recordings). Each destruction leaves a deletion record (when, why, under which rule, how many
 * messages; never the text) and an audit entry, written in the same transaction as the deletion. Saved
 * whiteboards, kept with the chat log, go by the same retention here (board/board-lifetime.ts).
 */
import { addDays } from '@assent/shared';
import { appendAudit } from '../audit/audit-log';
import { systemActor } from '../audit/system-actor';
import { destroyExpiredBoards } from '../board/board-lifetime';
import type { Db } from '../db/database';
import { newDeletionRecordId } from '../opaque-ids';
import type { PolicyBook } from '../policy/policy-book';
import { heldSessionIds } from '../vault/lifetime/holds';

export interface ChatLifetimeDeps {
  db: Db;
  policies: PolicyBook;
}

export interface ChatRetentionResult {
  /** Sessions whose chat log was destroyed. */
  destroyed: number;
  /** Past retention but kept: an open report holds the session. */
  held: number;
}

/** The deletion record's `purpose` for a chat log (deletion records name a data class there). */
export const chatLogDataClass = 'chat_log';

export async function destroyExpiredChat(deps: ChatLifetimeDeps, at: Date): Promise<ChatRetentionResult> {
  const current = await deps.policies.current();
  const days = current.policy.chatRetentionDays;
  const cutoff = addDays(at, -days).toISOString();
  const expired = await deps.db
    .selectFrom('chat_messages')
    .select((eb) => [
      'session_id',
      eb.fn.max('sent_at').as('last_sent_at'),
      eb.fn.min('sent_at').as('first_sent_at'),
    ])
    .groupBy('session_id')
    .having((eb) => eb.fn.max('sent_at'), '<=', cutoff)
    .execute();
  const held = await heldSessionIds(deps.db);
  const result: ChatRetentionResult = { destroyed: 0, held: 0 };
  for (const row of expired) {
    if (held.has(row.session_id)) {
      result.held += 1;
      continue;
    }
    const lastSent = String(row.last_sent_at);
    const detail = `The chat log's retention (${days} days after its last message on ${lastSent.slice(0, 10)}) ended (policy version ${current.version})`;
    await deps.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('chat_messages')
        .where('session_id', '=', row.session_id)
        .executeTakeFirst();
      const messages = Number(deleted.numDeletedRows);
      if (messages === 0) return;
      const session = await trx
        .selectFrom('sessions')
        .select('title')
        .where('id', '=', row.session_id)
        .executeTakeFirst();
      const destroyedAt = at.toISOString();
      await trx
        .insertInto('deletion_records')
        .values({
          id: newDeletionRecordId(),
          // Deletion records name what they destroyed by a unique id: the session's chat log at that time.
          recording_id: `chatlog:${row.session_id}:${destroyedAt}`,
          session_id: row.session_id,
          session_title: session?.title ?? '',
          purpose: chatLogDataClass,
          recorded_at: String(row.first_sent_at),
          destroyed_at: destroyedAt,
          reason: 'retention',
          detail: `${detail}: ${messages} ${messages === 1 ? 'message' : 'messages'} destroyed`,
          decided_by_user_id: null,
        })
        .execute();
      await appendAudit(trx, {
        actor: systemActor,
        action: 'chat.destroyed',
        target: { type: 'session', id: row.session_id },
        detail: { sessionId: row.session_id, reason: 'retention', messages },
        at,
      });
      result.destroyed += 1;
    });
  }
  // The saved whiteboard is kept with the chat log, in its data class: the same sweep destroys it.
  const boards = await destroyExpiredBoards(deps, at);
  return { destroyed: result.destroyed + boards.destroyed, held: result.held + boards.held };
}
