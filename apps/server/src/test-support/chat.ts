/** Chat seeding for tests: messages sent the way a browser sends them, through the chat route. */
import type { ChatMessage } from '@assent/shared';
import type { TestApp } from './test-app';

/** `token`'s seat says `text` in its call; throws unless the server stored it. */
export async function say(t: TestApp, token: string, text: string): Promise<ChatMessage> {
  const res = await t.app.request('/api/call/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ text }),
  });
  if (res.status !== 201) throw new Error(`chat send failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as ChatMessage;
}

/** The call's chat as `token`'s seat loads it. */
export async function chatOf(t: TestApp, token: string): Promise<ChatMessage[]> {
  const res = await t.app.request('/api/call/chat', { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`chat list failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { messages: ChatMessage[] }).messages;
}
