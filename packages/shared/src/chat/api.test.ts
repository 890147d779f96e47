import { describe, expect, it } from 'vitest';
import { ChatPacket, SendChatMessageBody } from './api';

describe('chat schemas', () => {
  it('trims a message and takes 1 to 2000 characters', () => {
    expect(SendChatMessageBody.parse({ text: '  x = 2  ' })).toEqual({ text: 'x = 2' });
    expect(SendChatMessageBody.safeParse({ text: '   ' }).success).toBe(false);
    expect(SendChatMessageBody.safeParse({ text: 'a'.repeat(2000) }).success).toBe(true);
    expect(SendChatMessageBody.safeParse({ text: 'a'.repeat(2001) }).success).toBe(false);
    expect(SendChatMessageBody.safeParse({}).success).toBe(false);
  });

  it('reads only the packet shapes the server sends', () => {
    expect(ChatPacket.safeParse({ type: 'removed', id: 'm1', removedAt: 'now' }).success).toBe(true);
    expect(ChatPacket.safeParse({ type: 'message', message: { id: 'm1' } }).success).toBe(false);
  });
});
