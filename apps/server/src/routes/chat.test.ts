import type { ChatLog, ChatMessage, ChatPacket } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { createRecordingSession, type RecordingSession } from '../test-support/recording-session';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

function send(t: TestApp, token: string | undefined, body: unknown) {
  return t.app.request('/api/call/chat', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function remove(t: TestApp, token: string | undefined, id: string) {
  return t.app.request(`/api/call/chat/${id}/remove`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

async function logOf(t: TestApp, token: string): Promise<ChatLog> {
  const res = await t.app.request('/api/call/chat', { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as ChatLog;
}

async function sent(t: TestApp, token: string, text: string): Promise<ChatMessage> {
  const res = await send(t, token, { text });
  expect(res.status).toBe(201);
  return (await res.json()) as ChatMessage;
}

const packets = (t: TestApp) =>
  t.roomService.roomMessages.map((m) => ({ ...m, packet: JSON.parse(m.payload) as ChatPacket }));

async function auditActions(t: TestApp) {
  return t.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'target_id', 'detail'])
    .orderBy('seq')
    .execute();
}

describe.each(testDatabases)('chat routes ($name)', (database) => {
  const ctx = useTestApp(database);
  let s: RecordingSession;

  it('stores a message with the sender’s name and role, audits it and sends it to the whole room', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    const message = await sent(t, s.student.token, '  Is it x = 2? See https://example.org/sheet  ');
    expect(message).toMatchObject({
      senderPersonId: s.student.personId,
      senderRole: 'student',
      text: 'Is it x = 2? See https://example.org/sheet',
      removedAt: null,
      sentAt: t.clock.now.toISOString(),
    });
    expect(message.senderName).not.toBe('');
    const row = await t.db.selectFrom('chat_messages').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      id: message.id,
      session_id: s.sessionId,
      sender_identity: s.student.identity,
      sender_name: message.senderName,
      sender_role: 'student',
    });
    // Sent by the server to everyone (no destination), reliably, on the chat topic.
    expect(packets(t)).toEqual([
      {
        roomName: s.roomName,
        topic: 'chat',
        payload: expect.any(String),
        packet: { type: 'message', message },
      },
    ]);
    const audit = (await auditActions(t)).filter((a) => a.action.startsWith('chat.'));
    expect(audit).toEqual([
      {
        action: 'chat.send',
        outcome: 'done',
        target_id: message.id,
        detail: JSON.stringify({ sessionId: s.sessionId }),
      },
    ]);
    // The text is in the chat log, never in the audit log.
    expect(JSON.stringify(await auditActions(t))).not.toContain('x = 2');
    // Everyone in the session reads the same log.
    expect((await logOf(t, s.guardian.token)).messages).toEqual([message]);
  });

  it('lists the call’s messages oldest first, and only this session’s', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    const other = await createRecordingSession(t);
    const first = await sent(t, s.tutor.token, 'Hello');
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    const second = await sent(t, s.student.token, 'Hi');
    await sent(t, other.tutor.token, 'Elsewhere');
    expect((await logOf(t, s.student.token)).messages.map((m) => m.id)).toEqual([first.id, second.id]);
    expect((await logOf(t, other.student.token)).messages.map((m) => m.text)).toEqual(['Elsewhere']);
  });

  it.each([
    ['an empty message', { text: '   ' }],
    ['a message over 2000 characters', { text: 'a'.repeat(2001) }],
    ['no text', {}],
    ['a number', { text: 42 }],
    ['not JSON', '{"text":'],
  ])('refuses %s with validation_failed, writing and sending nothing', async (_, body) => {
    const t = ctx();
    s = await createRecordingSession(t);
    const res = await send(t, s.student.token, body);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('validation_failed');
    expect(await countRows(t.db, 'chat_messages')).toBe(0);
    expect(t.roomService.roomMessages).toEqual([]);
  });

  it('takes exactly 2000 characters', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    expect((await send(t, s.student.token, { text: 'a'.repeat(2000) })).status).toBe(201);
  });

  it('refuses a missing or forged invite token, writing nothing', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    const none = await send(t, undefined, { text: 'hi' });
    expect(none.status).toBe(401);
    expect((await errorOf(none)).code).toBe('unauthorized');
    const forged = await send(t, `${s.student.token.slice(0, -4)}AAAA`, { text: 'hi' });
    expect(forged.status).toBe(401);
    expect((await errorOf(forged)).code).toBe('invite_invalid');
    expect((await t.app.request('/api/call/chat')).status).toBe(401);
    expect((await remove(t, undefined, 'msg_x')).status).toBe(401);
    expect(await countRows(t.db, 'chat_messages')).toBe(0);
  });

  it('refuses someone the tutor removed from the call (403 removed_from_call), writing nothing', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    await t.db
      .updateTable('people')
      .set({ removed_at: t.clock.now.toISOString() })
      .where('id', '=', s.student.personId)
      .execute();
    const res = await send(t, s.student.token, { text: 'still here?' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('removed_from_call');
    expect(await countRows(t.db, 'chat_messages')).toBe(0);
  });

  it('limits each sender to 10 messages in 10 seconds, with a clear error; others may still send', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    for (let i = 0; i < 10; i += 1) await sent(t, s.student.token, `m${i}`);
    const limited = await send(t, s.student.token, { text: 'one too many' });
    expect(limited.status).toBe(429);
    const error = await errorOf(limited);
    expect(error.code).toBe('rate_limited');
    expect(error.message).toContain('10 messages every 10 seconds');
    expect(await countRows(t.db, 'chat_messages')).toBe(10);
    expect(t.roomService.roomMessages).toHaveLength(10);
    await sent(t, s.tutor.token, 'The tutor is not limited by the student');
    t.clock.now = new Date(t.clock.now.getTime() + 10_001);
    await sent(t, s.student.token, 'after the window');
  });

  it('keeps the message when LiveKit does not take it: the log still has it', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    t.roomService.down = true;
    const message = await sent(t, s.student.token, 'still here');
    t.roomService.down = false;
    expect((await logOf(t, s.tutor.token)).messages).toEqual([message]);
  });

  it('lets the tutor remove a message for everyone: kept, marked removed, audited and told to the room', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    const message = await sent(t, s.student.token, 'something unkind');
    t.clock.now = new Date(t.clock.now.getTime() + 5000);
    const res = await remove(t, s.tutor.token, message.id);
    expect(res.status).toBe(200);
    const removed = (await res.json()) as ChatMessage;
    const removedAt = t.clock.now.toISOString();
    expect(removed).toEqual({ ...message, text: null, removedAt });
    expect((await logOf(t, s.student.token)).messages).toEqual([removed]);
    // Kept for reviewers, with who removed it.
    const row = await t.db.selectFrom('chat_messages').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      text: 'something unkind',
      removed_at: removedAt,
      removed_by_person_id: s.tutor.personId,
    });
    expect(packets(t).map((p) => p.packet)).toEqual([
      { type: 'message', message },
      { type: 'removed', id: message.id, removedAt },
    ]);
    const audit = (await auditActions(t)).filter((a) => a.action === 'chat.remove');
    expect(audit).toEqual([
      {
        action: 'chat.remove',
        outcome: 'done',
        target_id: message.id,
        detail: JSON.stringify({ sessionId: s.sessionId, senderPersonId: s.student.personId }),
      },
    ]);
    // Removing again changes nothing and tells nobody again.
    expect((await remove(t, s.tutor.token, message.id)).status).toBe(200);
    expect(t.roomService.roomMessages).toHaveLength(2);
    expect((await auditActions(t)).filter((a) => a.action === 'chat.remove')).toHaveLength(1);
  });

  it('refuses removal by anyone but the tutor (audited), and of another session’s message', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    const other = await createRecordingSession(t);
    const message = await sent(t, s.tutor.token, 'Hello');
    for (const person of [s.student, s.guardian]) {
      const res = await remove(t, person.token, message.id);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
    }
    const denied = (await auditActions(t)).filter((a) => a.action === 'call.remove_chat_message');
    expect(denied.map((a) => [a.outcome, a.target_id])).toEqual([
      ['denied', message.id],
      ['denied', message.id],
    ]);
    const elsewhere = await remove(t, other.tutor.token, message.id);
    expect(elsewhere.status).toBe(404);
    expect((await errorOf(elsewhere)).code).toBe('not_found');
    const tooLong = await remove(t, s.tutor.token, 'x'.repeat(65));
    expect(tooLong.status).toBe(400);
    const row = await t.db.selectFrom('chat_messages').selectAll().executeTakeFirstOrThrow();
    expect(row.removed_at).toBeNull();
    expect(t.roomService.roomMessages).toHaveLength(1);
  });

  it('reports a message through the concern report, with the message attached', async () => {
    const t = ctx();
    s = await createRecordingSession(t);
    const other = await createRecordingSession(t);
    const message = await sent(t, s.tutor.token, 'Send me your phone number');
    const report = (token: string, chatMessageId: string) =>
      t.app.request('/api/call/concern', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          category: 'safeguarding',
          description: 'This message worried me.',
          chatMessageId,
        }),
      });
    // Another session's message cannot be attached.
    const wrong = await report(other.student.token, message.id);
    expect(wrong.status).toBe(404);
    expect(await countRows(t.db, 'concern_reports')).toBe(0);
    const res = await report(s.student.token, message.id);
    expect(res.status).toBe(201);
    const stored = await t.db.selectFrom('concern_reports').selectAll().executeTakeFirstOrThrow();
    expect(stored.chat_message_id).toBe(message.id);
    const audit = (await auditActions(t)).find((a) => a.action === 'concern.report');
    expect(JSON.parse(audit?.detail ?? '{}')).toMatchObject({ chatMessageId: message.id });
    // Nothing about the report goes to the room.
    expect(t.roomService.roomMessages).toHaveLength(1);
  });
});
