/**
 * The in-call chat: one room-wide conversation, no private messages (nothing between an adult and a child
 * that the others in the session cannot see). Messages go through the server, which stores them and then
 * sends them to the room over LiveKit data on `ChatTopic`; browsers never publish data themselves.
 */
import { z } from 'zod';
import { SessionRole } from '../api/roles';

/** The LiveKit data topic the server sends chat on; the web trusts it only from the server. */
export const ChatTopic = 'chat';

export const chatMessageMaxLength = 2000;

/** A message's text: 1..2000 characters once spaces at either end are trimmed. */
export const ChatMessageText = z
  .string()
  .trim()
  .min(1, 'Type a message')
  .max(chatMessageMaxLength, `Keep a message under ${chatMessageMaxLength} characters`);

export const SendChatMessageBody = z.object({ text: ChatMessageText });
export type SendChatMessageBody = z.infer<typeof SendChatMessageBody>;

/** A message as everyone in the call sees it; a removed one keeps its sender but not its text. */
export const ChatMessage = z.object({
  id: z.string(),
  senderPersonId: z.string(),
  /** Name and role at the time of sending. */
  senderName: z.string(),
  senderRole: SessionRole,
  /** Null once the tutor removed it, or the erase rule erased it. */
  text: z.string().nullable(),
  sentAt: z.string(),
  removedAt: z.string().nullable(),
  /**
   * Set only on a message the policy's "erase" withdrawal rule erased (its text is then null and gone
   * for everyone): shown as "Message erased at the sender's request".
   */
  erasedAt: z.string().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatLog = z.object({ messages: z.array(ChatMessage) });
export type ChatLog = z.infer<typeof ChatLog>;

/** What the server sends to the room on `ChatTopic`. */
export const ChatPacket = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message'), message: ChatMessage }),
  z.object({ type: z.literal('removed'), id: z.string(), removedAt: z.string() }),
  /** A withdrawer's messages the "erase" rule erased. */
  z.object({ type: z.literal('erased'), ids: z.array(z.string()), erasedAt: z.string() }),
]);
export type ChatPacket = z.infer<typeof ChatPacket>;

export const ChatMessageParams = z.object({ id: z.string().min(1).max(64) });

/**
 * A session's chat log read afterwards. Staff readers also see the text of a removed message (kept for
 * them); students and guardians see "Message removed" as the call did.
 */
export const ChatLogEntry = ChatMessage.extend({ removedText: z.string().nullable() });
export type ChatLogEntry = z.infer<typeof ChatLogEntry>;

export const SessionChatLog = z.object({
  sessionId: z.string(),
  /** Days the policy in force keeps it after its last message. */
  keptDays: z.number().int(),
  messages: z.array(ChatLogEntry),
});
export type SessionChatLog = z.infer<typeof SessionChatLog>;
