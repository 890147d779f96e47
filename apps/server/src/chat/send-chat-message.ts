/**
 * Sending a chat message: checked against the sender's rate, stored with its audit entry in one
 * transaction, then sent to the whole room by the server over LiveKit data (browsers cannot publish
 * data). If LiveKit does not take it, the message is still in the log the call loads.
 */
import { type ChatMessage, type ChatPacket, ChatTopic } from '@assent/shared';
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../db/database';
import { AppError } from '../http/app-error';
import type { RoomService } from '../livekit/room-service';
import { newChatMessageId } from '../opaque-ids';
import type { Person, Session } from '../sessions/session-repository';
import { countSentSince, toChatMessage } from './chat-repository';

/** Each seat may send this many messages in any window of this length. */
export const chatRateLimit = { messages: 10, windowMs: 10_000 };

export interface ChatDeps {
  db: Db;
  roomService: RoomService;
  logger: Logger;
  now: () => Date;
}

/** Sends a packet to the room; a failure is logged, never thrown (the stored log is the truth). */
export async function sendChatPacket(deps: ChatDeps, roomName: string, packet: ChatPacket): Promise<void> {
  try {
    await deps.roomService.sendToRoom(roomName, ChatTopic, JSON.stringify(packet));
  } catch (error) {
    deps.logger.warn({ err: error, packet: packet.type }, 'chat: LiveKit did not take the message');
  }
}

export async function sendChatMessage(
  deps: ChatDeps,
  { session, person }: { session: Session; person: Person },
  text: string,
): Promise<ChatMessage> {
  const at = deps.now();
  const id = newChatMessageId();
  const row = {
    id,
    session_id: session.id,
    sender_person_id: person.id,
    sender_identity: person.livekitIdentity,
    sender_name: person.name,
    sender_role: person.role,
    text,
    sent_at: at.toISOString(),
    removed_at: null,
    removed_by_person_id: null,
    erased_at: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    const recent = await countSentSince(trx, person.id, new Date(at.getTime() - chatRateLimit.windowMs));
    if (recent >= chatRateLimit.messages) {
      throw new AppError(
        429,
        'rate_limited',
        `You can send ${chatRateLimit.messages} messages every ${chatRateLimit.windowMs / 1000} seconds. Wait a moment and send it again.`,
      );
    }
    await trx.insertInto('chat_messages').values(row).execute();
    // The text stays in the chat log, where the policy's readers see it; the audit log only says it was sent.
    await appendAudit(trx, {
      actor: { userId: person.userId, role: person.role },
      action: 'chat.send',
      target: { type: 'chat_message', id },
      detail: { sessionId: session.id },
      at,
    });
  });
  const message = toChatMessage(row);
  await sendChatPacket(deps, session.roomName, { type: 'message', message });
  return message;
}
