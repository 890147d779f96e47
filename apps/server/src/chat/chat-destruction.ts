/**
 * Destroying chat messages by a decision (an approved deletion request): the messages go, a deletion
 * record says when, why and how many (never the text), and the audit entry is written in the caller's
 * transaction.
 */
import { appendAudit } from '../audit/audit-log';
import type { DbOrTrx } from '../db/database';
import { newDeletionRecordId } from '../opaque-ids';
import { chatLogDataClass } from './chat-lifetime';

export async function destroySeatsChat(
  trx: DbOrTrx,
  what: {
    sessionId: string;
    personIds: readonly string[];
    detail: string;
    decidedBy: { userId: string; role: string };
    at: Date;
  },
): Promise<number> {
  if (what.personIds.length === 0) return 0;
  const first = await trx
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.min('sent_at').as('first'))
    .where('session_id', '=', what.sessionId)
    .where('sender_person_id', 'in', [...what.personIds])
    .executeTakeFirst();
  const deleted = await trx
    .deleteFrom('chat_messages')
    .where('session_id', '=', what.sessionId)
    .where('sender_person_id', 'in', [...what.personIds])
    .executeTakeFirst();
  const messages = Number(deleted.numDeletedRows);
  if (messages === 0) return 0;
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
      recording_id: `chatlog:${what.sessionId}:${what.personIds.join('+')}:${destroyedAt}`,
      session_id: what.sessionId,
      session_title: session?.title ?? '',
      purpose: chatLogDataClass,
      recorded_at: first?.first ? String(first.first) : null,
      destroyed_at: destroyedAt,
      reason: 'decision',
      detail: `${what.detail}: ${messages} chat ${messages === 1 ? 'message' : 'messages'} destroyed`,
      decided_by_user_id: what.decidedBy.userId,
    })
    .execute();
  await appendAudit(trx, {
    actor: what.decidedBy,
    action: 'chat.destroyed',
    target: { type: 'session', id: what.sessionId },
    detail: { sessionId: what.sessionId, reason: 'decision', messages },
    at: what.at,
  });
  return messages;
}
