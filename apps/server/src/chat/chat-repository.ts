/** The chat log's rows as the API's messages: a removed message keeps its sender, never its text. */
import type { ChatMessage, SessionRole } from '@assent/shared';
import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { ChatMessagesTable } from './chat-tables';

export type StoredChatMessage = Selectable<ChatMessagesTable>;

/** What everyone in the call sees of a message: the text only while it has been neither removed nor erased. */
export function toChatMessage(row: StoredChatMessage): ChatMessage {
  return {
    id: row.id,
    senderPersonId: row.sender_person_id,
    senderName: row.sender_name,
    senderRole: row.sender_role as SessionRole,
    text: row.removed_at === null && row.erased_at === null ? row.text : null,
    sentAt: row.sent_at,
    removedAt: row.removed_at,
    // Only on an erased message, so a message's shape is unchanged until the rule erases it.
    ...(row.erased_at === null ? {} : { erasedAt: row.erased_at }),
  };
}

/** A session's messages, oldest first. */
export async function listChatMessages(db: DbOrTrx, sessionId: string): Promise<StoredChatMessage[]> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('sent_at')
    .orderBy('id')
    .execute();
}

/** One message of the session, or undefined (another session's message is not found either). */
export async function findChatMessage(
  db: DbOrTrx,
  sessionId: string,
  id: string,
): Promise<StoredChatMessage | undefined> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** How many messages this seat sent since `since`. */
export async function countSentSince(db: DbOrTrx, personId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('sender_person_id', '=', personId)
    .where('sent_at', '>', since.toISOString())
    .executeTakeFirstOrThrow();
  // PostgreSQL returns count(*) as a string (bigint).
  return Number(row.n);
}
