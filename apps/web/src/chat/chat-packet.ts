import { type ChatMessage, type ChatPacket, ChatTopic } from '@assent/shared';
import { serverPacket } from '../call/server-packet';

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const roles = new Set(['tutor', 'student', 'guardian']);

function asMessage(v: unknown): ChatMessage | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const m = v as Record<string, unknown>;
  if (!isString(m.id) || !isString(m.senderPersonId) || !isString(m.senderName)) return undefined;
  if (!isString(m.senderRole) || !roles.has(m.senderRole) || !isString(m.sentAt)) return undefined;
  if (!isStringOrNull(m.text) || !isStringOrNull(m.removedAt)) return undefined;
  return {
    id: m.id,
    senderPersonId: m.senderPersonId,
    senderName: m.senderName,
    senderRole: m.senderRole as ChatMessage['senderRole'],
    text: m.text,
    sentAt: m.sentAt,
    removedAt: m.removedAt,
    ...(isString(m.erasedAt) ? { erasedAt: m.erasedAt } : {}),
  };
}

/** A chat packet from a LiveKit data message the server sent, or undefined for anything else. */
export function chatPacketFrom(
  payload: Uint8Array,
  sender: { identity: string } | undefined,
  topic: string | undefined,
): ChatPacket | undefined {
  const p = serverPacket(payload, sender, topic, ChatTopic);
  if (!p) return undefined;
  if (p.type === 'message') {
    const message = asMessage(p.message);
    return message ? { type: 'message', message } : undefined;
  }
  if (p.type === 'removed' && isString(p.id) && isString(p.removedAt)) {
    return { type: 'removed', id: p.id, removedAt: p.removedAt };
  }
  if (p.type === 'erased' && Array.isArray(p.ids) && p.ids.every(isString) && isString(p.erasedAt)) {
    return { type: 'erased', ids: p.ids, erasedAt: p.erasedAt };
  }
  return undefined;
}
