import { describe, expect, it } from 'vitest';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { signedInAs } from '../test-support/accounts';
import { chatOf, say } from '../test-support/chat';
import { answer, createRecordingSession, recordWithEveryone } from '../test-support/recording-session';
import { logEntry } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function setWithdrawalRule(t: TestApp, rule: 'keep' | 'erase') {
  const admin = await signedInAs(t, 'admin');
  const current = await t.consent.policies.current();
  await savePolicy(
    t.db,
    { userId: admin.userId, role: 'admin' },
    { ...current.policy, withdrawalRule: rule, basedOnVersion: (await latestPolicyVersion(t.db)) ?? 1 },
    t.clock.now,
  );
}

const later = (t: TestApp, ms = 1000) => {
  t.clock.now = new Date(t.clock.now.getTime() + ms);
};

async function settled(t: TestApp) {
  await t.consent.idle();
  await t.vault.idle();
}

describe.each(testDatabases)('the erase rule in the chat ($name)', (database) => {
  const ctx = useTestApp(database);

  it('under "erase", a withdrawal erases what the withdrawer wrote, keeps the row and the others’ words, and says so', async () => {
    const t = ctx();
    await setWithdrawalRule(t, 'erase');
    const s = await createRecordingSession(t);
    const { requestId } = await recordWithEveryone(t, s);
    const mine = await say(t, s.student.token, 'my secret words');
    later(t);
    const theirs = await say(t, s.tutor.token, 'the tutor’s words');
    later(t);
    expect((await answer(t, 'withdraw', s.student, requestId)).status).toBe(200);
    await settled(t);

    const messages = await chatOf(t, s.tutor.token);
    expect(messages).toEqual([
      { ...mine, text: null, erasedAt: expect.any(String) },
      { ...theirs, text: 'the tutor’s words' },
    ]);
    const rows = await t.db
      .selectFrom('chat_messages')
      .select(['id', 'text', 'erased_at'])
      .orderBy('sent_at')
      .execute();
    expect(rows[0]).toMatchObject({ id: mine.id, text: '' });
    expect(rows[0]?.erased_at).not.toBeNull();
    expect(rows[1]).toEqual({ id: theirs.id, text: 'the tutor’s words', erased_at: null });

    const records = await t.db
      .selectFrom('deletion_records')
      .selectAll()
      .where('purpose', '=', 'chat_log')
      .execute();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      session_id: s.sessionId,
      reason: 'withdrawal',
      decided_by_user_id: null,
    });
    expect(records[0]?.detail).toMatch(/^Sam Student withdrew consent on .*1 message erased$/);
    expect(records[0]?.detail).not.toContain('secret');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['actor_role', 'detail'])
      .where('action', '=', 'chat.destroyed')
      .execute();
    expect(audit).toEqual([
      {
        actor_role: 'system',
        detail: JSON.stringify({ sessionId: s.sessionId, reason: 'withdrawal', messages: 1 }),
      },
    ]);
    // The room is told, so every screen shows it erased.
    const packets = t.roomService.roomMessages.map((m) => JSON.parse(m.payload as string));
    expect(packets).toContainEqual({ type: 'erased', ids: [mine.id], erasedAt: rows[0]?.erased_at });

    // What they write after withdrawing is theirs to keep; a sweep erases nothing more.
    later(t);
    const after = await say(t, s.student.token, 'still here');
    expect((await t.vault.sweep()).dataClasses.chat_log).toEqual({ destroyed: 0, held: 0 });
    expect((await chatOf(t, s.student.token)).at(-1)).toEqual(after);
    expect(await t.db.selectFrom('deletion_records').select('id').execute()).toHaveLength(1);
  });

  it('under "keep", a withdrawal erases nothing in the chat', async () => {
    const t = ctx();
    await setWithdrawalRule(t, 'keep');
    const s = await createRecordingSession(t);
    const { requestId } = await recordWithEveryone(t, s);
    const mine = await say(t, s.student.token, 'my words');
    later(t);
    expect((await answer(t, 'withdraw', s.student, requestId)).status).toBe(200);
    await settled(t);
    expect(await chatOf(t, s.tutor.token)).toEqual([mine]);
    expect(await t.db.selectFrom('deletion_records').select('id').execute()).toEqual([]);
  });

  it('waits while a report holds the session; the sweep erases what a missed withdrawal left', async () => {
    const t = ctx();
    await setWithdrawalRule(t, 'erase');
    const s = await createRecordingSession(t);
    const mine = await say(t, s.student.token, 'my words');
    const report = await t.app.request('/api/call/concern', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.guardian.token}` },
      body: JSON.stringify({ category: 'conduct', description: 'Please look at this session.' }),
    });
    expect(report.status).toBe(201);
    later(t);
    // A withdrawal the server wrote but never acted on (it stopped first).
    const seat = { personId: s.student.personId, name: 'Sam Student', role: 'student' };
    await logEntry(t, s.sessionId, seat, 'request', 'req_missed', 'quality_assurance', 1);
    await logEntry(t, s.sessionId, seat, 'withdraw', 'req_missed', 'quality_assurance', 2);
    await t.vault.sweep();
    expect(await chatOf(t, s.tutor.token)).toEqual([mine]);

    await t.db.updateTable('concern_reports').set({ status: 'closed' }).execute();
    await t.vault.sweep();
    expect(await chatOf(t, s.tutor.token)).toEqual([{ ...mine, text: null, erasedAt: expect.any(String) }]);
  });
});
