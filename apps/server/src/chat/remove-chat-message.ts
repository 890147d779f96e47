/**
 * The tutor removes a message for everyone: it is kept and marked removed (reviewers still read it), the
 * removal is audited in the same transaction, and the room is told so every screen shows "Message removed".
 */
import type { ChatMessage } from '@assent/shared';
import { appendAudit, auditDenied } from '../audit/audit-log';
import { AppError } from '../http/app-error';
import { call, can, seatActor } from '../people/can';
import type { Person, Session } from '../sessions/session-repository';
import { findChatMessage, toChatMessage } from './chat-repository';
import { type ChatDeps, sendChatPacket } from './send-chat-message';

export async function removeChatMessage(
  deps: ChatDeps,
  { session, person }: { session: Session; person: Person },
  messageId: string,
  request: { method: string; path: string },
): Promise<ChatMessage> {
  const at = deps.now();
  const actor = { userId: person.userId, role: person.role };
  if (!can(seatActor(person), 'call.remove_chat_message', call)) {
    await auditDenied(deps.db, {
      actor,
      action: 'call.remove_chat_message',
      target: { type: 'chat_message', id: messageId },
      detail: { ...request, reason: 'not_tutor' },
      at,
    });
    throw new AppError(403, 'forbidden', 'Only the tutor can remove a message.');
  }
  const removed = await deps.db.transaction().execute(async (trx) => {
    const found = await findChatMessage(trx, session.id, messageId);
    if (!found) throw new AppError(404, 'not_found', 'There is no such message in this call.');
    // Removing twice changes nothing and is not audited again.
    if (found.removed_at !== null) return { row: found, changed: false };
    const removedAt = at.toISOString();
    await trx
      .updateTable('chat_messages')
      .set({ removed_at: removedAt, removed_by_person_id: person.id })
      .where('id', '=', found.id)
      .where('removed_at', 'is', null)
      .execute();
    await appendAudit(trx, {
      actor,
      action: 'chat.remove',
      target: { type: 'chat_message', id: found.id },
      detail: { sessionId: session.id, senderPersonId: found.sender_person_id },
      at,
    });
    return { row: { ...found, removed_at: removedAt, removed_by_person_id: person.id }, changed: true };
  });
  const message = toChatMessage(removed.row);
  if (removed.changed && message.removedAt) {
    await sendChatPacket(deps, session.roomName, {
      type: 'removed',
      id: message.id,
      removedAt: message.removedAt,
    });
  }
  return message;
}
