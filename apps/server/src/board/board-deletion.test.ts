import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import { createRecordingSession } from '../test-support/recording-session';
import { useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';
import { saveBoard } from './save-board';

describe.each(testDatabases)(
  'an approved deletion request and the saved whiteboard ($name)',
  { timeout: 30_000 },
  (database) => {
    const ctx = useTestApp(database);

    it('destroys the saved board of the session with a decision deletion record; a refused request keeps it', async () => {
      const t = ctx();
      const s = await createRecordingSession(t);
      const post = (path: string, body: unknown) =>
        t.app.request(`/api/call/board/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${s.tutor.token}` },
          body: JSON.stringify(body),
        });
      await post('open', { open: true });
      await post('elements', {
        elements: [{ id: 'a', type: 'text', version: 1, versionNonce: 1, isDeleted: false }],
      });
      await saveBoard(t.db, s.sessionId, t.clock.now);
      const request = (id: string) =>
        t.db
          .insertInto('deletion_requests')
          .values({
            id,
            session_id: s.sessionId,
            recording_id: null,
            requester_person_id: s.guardian.personId,
            requester_user_id: null,
            requester_name: 'Pat Guardian',
            origin: 'withdrawal',
            status: 'open',
            reason: null,
            created_at: t.clock.now.toISOString(),
            decided_at: null,
            decided_by_user_id: null,
            decision_reason: null,
          })
          .execute();
      const admin = await signedInAs(t, 'admin');
      await request('dreq_refused');
      const refused = await asAccount(
        t,
        admin,
        'POST',
        '/api/admin/deletion-requests/dreq_refused/decision',
        {
          decision: 'refuse',
          reason: 'Not ours to delete',
        },
      );
      expect(refused.status).toBe(200);
      expect(await countRows(t.db, 'session_boards')).toBe(1);
      await request('dreq_board');
      const res = await asAccount(t, admin, 'POST', '/api/admin/deletion-requests/dreq_board/decision', {
        decision: 'approve',
        reason: 'The family asked for it',
      });
      expect(res.status).toBe(200);
      expect(await countRows(t.db, 'session_boards')).toBe(0);
      const records = await t.db
        .selectFrom('deletion_records')
        .select(['purpose', 'reason', 'detail', 'decided_by_user_id', 'recording_id'])
        .execute();
      expect(records).toEqual([
        {
          purpose: 'chat_log',
          reason: 'decision',
          detail: expect.stringMatching(/approved: The family asked for it: the saved whiteboard destroyed$/),
          decided_by_user_id: admin.userId,
          recording_id: expect.stringMatching(/^board:/),
        },
      ]);
      const audit = await t.db
        .selectFrom('audit_log')
        .select(['detail', 'actor_user_id'])
        .where('action', '=', 'board.destroyed')
        .execute();
      expect(audit).toEqual([
        {
          actor_user_id: admin.userId,
          detail: JSON.stringify({ sessionId: s.sessionId, reason: 'decision' }),
        },
      ]);
    });
  },
);
