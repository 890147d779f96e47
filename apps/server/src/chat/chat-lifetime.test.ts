import { describe, expect, it } from 'vitest';
import { say } from '../test-support/chat';
import { createRecordingSession } from '../test-support/recording-session';
import { useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';
import { destroyExpiredChat } from './chat-lifetime';

const day = 24 * 3600 * 1000;

describe.each(testDatabases)('chat-log retention ($name)', (database) => {
  const ctx = useTestApp(database);

  it('destroys a chat log once the policy’s days have passed since its last message, with a deletion record', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const start = t.clock.now;
    await say(t, s.student.token, 'first');
    t.clock.now = new Date(start.getTime() + 60_000);
    await say(t, s.tutor.token, 'last');
    const sweep = (at: number) =>
      destroyExpiredChat({ db: t.db, policies: t.consent.policies }, new Date(at));
    const lastAt = start.getTime() + 60_000;

    // 90 days by default: a minute short of it, nothing goes.
    expect(await sweep(lastAt + 90 * day - 60_000)).toEqual({ destroyed: 0, held: 0 });
    expect(await countRows(t.db, 'chat_messages')).toBe(2);

    const at = lastAt + 90 * day;
    expect(await sweep(at)).toEqual({ destroyed: 1, held: 0 });
    expect(await countRows(t.db, 'chat_messages')).toBe(0);
    const record = await t.db.selectFrom('deletion_records').selectAll().executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      session_id: s.sessionId,
      purpose: 'chat_log',
      reason: 'retention',
      destroyed_at: new Date(at).toISOString(),
      recorded_at: start.toISOString(),
      decided_by_user_id: null,
    });
    expect(record.detail).toContain('90 days after its last message');
    expect(record.detail).toContain('2 messages destroyed');
    expect(record.detail).not.toContain('first');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'detail'])
      .where('action', '=', 'chat.destroyed')
      .execute();
    expect(audit).toEqual([
      {
        action: 'chat.destroyed',
        actor_role: 'system',
        detail: JSON.stringify({ sessionId: s.sessionId, reason: 'retention', messages: 2 }),
      },
    ]);
    // A second sweep finds nothing more.
    expect(await sweep(at + day)).toEqual({ destroyed: 0, held: 0 });
  });

  it('keeps the chat of a session an open report holds, past its retention', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await say(t, s.student.token, 'hello');
    const res = await t.app.request('/api/call/concern', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.guardian.token}` },
      body: JSON.stringify({ category: 'conduct', description: 'Please look at this session.' }),
    });
    expect(res.status).toBe(201);
    const later = new Date(t.clock.now.getTime() + 400 * day);
    expect(await destroyExpiredChat({ db: t.db, policies: t.consent.policies }, later)).toEqual({
      destroyed: 0,
      held: 1,
    });
    expect(await countRows(t.db, 'chat_messages')).toBe(1);
    expect(await countRows(t.db, 'deletion_records')).toBe(0);
  });
});
