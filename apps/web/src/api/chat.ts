import type { ChatLog, ChatMessage, SendChatMessageBody, SessionChatLog } from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

// The in-call chat, as the invited person (their invite token is the bearer credential). Messages go
// through the server, which sends them to the room; the browser never publishes data itself.

const base = `${config.apiBase}/call/chat`;

/** The chat so far, oldest first (on joining and after a reload). */
export function fetchChat(inviteToken: string): Promise<ChatLog> {
  return requestJson(base, { bearer: inviteToken });
}

export function sendChat(inviteToken: string, body: SendChatMessageBody): Promise<ChatMessage> {
  return requestJson(base, { method: 'POST', body: JSON.stringify(body), bearer: inviteToken });
}

/** Tutor only: removed for everyone, kept for reviewers. */
export function removeChat(inviteToken: string, id: string): Promise<ChatMessage> {
  return requestJson(`${base}/${encodeURIComponent(id)}/remove`, { method: 'POST', bearer: inviteToken });
}

/** After the session, signed in: the readers the policy names; every reading is audited. */
export function fetchSessionChatLog(sessionId: string): Promise<SessionChatLog> {
  return requestJson(`${config.apiBase}/sessions/${encodeURIComponent(sessionId)}/chat`);
}
