import type { MySessionList, SessionChatLog } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs } from '../test-support/accounts';
import { buildSession, seatsOf } from '../test-support/organisation';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function chatSession(t: TestApp) {
  const built = await buildSession(t);
  const seats = await seatsOf(t, built.created.sessionId);
  const tutorSeat = seats.find((seat) => seat.role === 'tutor');
  const studentSeat = seats.find((seat) => seat.role === 'student');
  const say = async (token: string, text: string) => {
    const res = await t.app.request('/api/call/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ text }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { id: string };
  };
  const unkind = await say(studentSeat?.token ?? '', 'something unkind');
  t.clock.now = new Date(t.clock.now.getTime() + 1000);
  await say(tutorSeat?.token ?? '', 'Let us keep it kind.');
  await t.app.request(`/api/call/chat/${unkind.id}/remove`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tutorSeat?.token}` },
  });
  return { ...built, sessionId: built.created.sessionId };
}

/** What the caller's sessions list says about reading this session's chat log. */
async function listedAsReadable(t: TestApp, account: Parameters<typeof asAccount>[1], sessionId: string) {
  const list = (await (await asAccount(t, account, 'GET', '/api/me/sessions')).json()) as MySessionList;
  return list.sessions.find((s) => s.sessionId === sessionId)?.mayReadChatLog;
}

const readings = (t: TestApp) =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'actor_user_id', 'detail'])
    .where('action', 'in', ['chat.read', 'session.read_chat'])
    .orderBy('seq')
    .execute();

describe.each(testDatabases)('the chat log afterwards ($name)', (database) => {
  const ctx = useTestApp(database);

  it('lets the session’s tutor and a reviewer read it (removed text kept for them), auditing every reading', {
    timeout: 20_000,
  }, async () => {
    const t = ctx();
    const s = await chatSession(t);
    const reviewer = await signedInAs(t, 'reviewer');
    for (const reader of [s.tutor, reviewer]) {
      const res = await asAccount(t, reader, 'GET', `/api/sessions/${s.sessionId}/chat`);
      expect(res.status).toBe(200);
      const log = (await res.json()) as SessionChatLog;
      expect(log.keptDays).toBe(90);
      expect(log.messages.map((m) => [m.senderRole, m.text, m.removedText])).toEqual([
        ['student', null, 'something unkind'],
        ['tutor', 'Let us keep it kind.', null],
      ]);
    }
    expect((await readings(t)).map((r) => [r.action, r.outcome, r.actor_user_id])).toEqual([
      ['chat.read', 'done', s.tutor.userId],
      ['chat.read', 'done', reviewer.userId],
    ]);
    expect(JSON.parse((await readings(t))[0]?.detail ?? '{}')).toEqual({
      sessionId: s.sessionId,
      messages: 2,
    });
  });

  it('refuses (and audits) an admin, another tutor and the family under the default policy', {
    timeout: 20_000,
  }, async () => {
    const t = ctx();
    const s = await chatSession(t);
    const admin = await signedInAs(t, 'admin');
    const otherTutor = await signedInAs(t, 'tutor');
    const guardian = s.guardians['Pat Guardian'];
    for (const caller of [admin, otherTutor, guardian]) {
      if (!caller) throw new Error('no caller');
      const res = await asAccount(t, caller, 'GET', `/api/sessions/${s.sessionId}/chat`);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
    }
    expect((await readings(t)).map((r) => [r.action, r.outcome])).toEqual([
      ['session.read_chat', 'denied'],
      ['session.read_chat', 'denied'],
      ['session.read_chat', 'denied'],
    ]);
    expect((await t.app.request(`/api/sessions/${s.sessionId}/chat`)).status).toBe(401);
    const missing = await asAccount(t, s.tutor, 'GET', '/api/sessions/ses_nope/chat');
    expect(missing.status).toBe(404);
    const tooLong = await asAccount(t, s.tutor, 'GET', `/api/sessions/${'x'.repeat(65)}/chat`);
    expect(tooLong.status).toBe(400);
    expect((await readings(t)).filter((r) => r.outcome === 'done')).toEqual([]);
  });

  it('lets participants read their own session’s chat where the policy allows, the removed text still hidden', {
    timeout: 20_000,
  }, async () => {
    const t = ctx();
    const s = await chatSession(t);
    // Under the default policy their sessions list offers no chat log; once the policy allows, it does.
    expect(await listedAsReadable(t, s.guardians['Pat Guardian'] ?? null, s.sessionId)).toBe(false);
    const admin = await signedInAs(t, 'admin');
    const current = await t.consent.policies.current();
    await savePolicy(
      t.db,
      { userId: admin.userId, role: 'admin' },
      {
        ...current.policy,
        chatParticipantsRead: true,
        chatRetentionDays: 1095,
        basedOnVersion: current.version,
      },
      t.clock.now,
    );
    const guardian = s.guardians['Pat Guardian'];
    if (!guardian) throw new Error('no guardian');
    expect(await listedAsReadable(t, guardian, s.sessionId)).toBe(true);
    expect(await listedAsReadable(t, s.tutor, s.sessionId)).toBe(true);
    const res = await asAccount(t, guardian, 'GET', `/api/sessions/${s.sessionId}/chat`);
    expect(res.status).toBe(200);
    const log = (await res.json()) as SessionChatLog;
    expect(log.keptDays).toBe(1095);
    expect(log.messages.map((m) => [m.text, m.removedText])).toEqual([
      [null, null],
      ['Let us keep it kind.', null],
    ]);
    // Another family is still refused.
    const stranger = await signedInAs(t, 'guardian');
    expect((await asAccount(t, stranger, 'GET', `/api/sessions/${s.sessionId}/chat`)).status).toBe(403);
  });
});
