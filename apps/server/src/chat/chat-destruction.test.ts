import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import { say } from '../test-support/chat';
import { createRecordingSession } from '../test-support/recording-session';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('an approved deletion request and the chat ($name)', (database) => {
  const ctx = useTestApp(database);

  it('destroys what the requester and the child they speak for wrote, keeps the others’, with a deletion record', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await say(t, s.student.token, 'from the child');
    await say(t, s.guardian.token, 'from the guardian');
    await say(t, s.tutor.token, 'from the tutor');
    const at = t.clock.now.toISOString();
    await t.db
      .insertInto('deletion_requests')
      .values({
        id: 'dreq_chat',
        session_id: s.sessionId,
        recording_id: null,
        requester_person_id: s.guardian.personId,
        requester_user_id: null,
        requester_name: 'Pat Guardian',
        origin: 'withdrawal',
        status: 'open',
        reason: null,
        created_at: at,
        decided_at: null,
        decided_by_user_id: null,
        decision_reason: null,
      })
      .execute();
    const admin = await signedInAs(t, 'admin');
    const res = await asAccount(t, admin, 'POST', '/api/admin/deletion-requests/dreq_chat/decision', {
      decision: 'approve',
      reason: 'The family asked for it',
    });
    expect(res.status).toBe(200);
    const left = await t.db.selectFrom('chat_messages').select('text').execute();
    expect(left.map((m) => m.text)).toEqual(['from the tutor']);
    const records = await t.db
      .selectFrom('deletion_records')
      .select(['purpose', 'reason', 'detail', 'decided_by_user_id'])
      .execute();
    expect(records).toEqual([
      {
        purpose: 'chat_log',
        reason: 'decision',
        detail: expect.stringMatching(/approved: The family asked for it: 2 chat messages destroyed$/),
        decided_by_user_id: admin.userId,
      },
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'chat.destroyed')
      .execute();
    expect(audit.map((a) => JSON.parse(a.detail))).toEqual([
      { sessionId: s.sessionId, reason: 'decision', messages: 2 },
    ]);
  });
});
