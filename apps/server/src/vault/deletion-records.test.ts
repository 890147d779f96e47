import { describe, expect, it } from 'vitest';
import { signedInAs } from '../test-support/accounts';
import { recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { recordDestruction } from './deletion-records';
import { findRecording } from './recording-repository';

const auditOf = (t: TestApp, action: string) =>
  t.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'actor_role', 'target_type', 'target_id', 'at'])
    .where('action', '=', action)
    .execute();

describe.each(testDatabases)('the deletion record of a destruction ($name)', (database) => {
  const ctx = useTestApp(database);

  it('says what was destroyed, in which session, when, why and by whose decision, audited by them', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const admin = await signedInAs(t, 'admin');
    const recording = await findRecording(t.db, rec.recordingId);
    if (!recording) throw new Error('no recording');
    const { title } = await t.db
      .selectFrom('sessions')
      .select('title')
      .where('id', '=', rec.sessionId)
      .executeTakeFirstOrThrow();
    const decidedBy = { userId: admin.userId, role: 'admin' };
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);

    expect(
      await t.vault.destroy(recording, { reason: 'decision', detail: 'Request approved', decidedBy }),
    ).toBe(true);
    const destroyedAt = t.clock.now.toISOString();
    expect(await t.db.selectFrom('deletion_records').selectAll().execute()).toEqual([
      {
        id: expect.any(String),
        recording_id: rec.recordingId,
        session_id: rec.sessionId,
        session_title: title,
        purpose: 'quality_assurance',
        recorded_at: recording.startedAt,
        destroyed_at: destroyedAt,
        reason: 'decision',
        detail: 'Request approved',
        decided_by_user_id: admin.userId,
      },
    ]);
    expect(await auditOf(t, 'recording.destroyed')).toEqual([
      {
        actor_user_id: admin.userId,
        actor_role: 'admin',
        target_type: 'recording',
        target_id: rec.recordingId,
        at: destroyedAt,
      },
    ]);
  });

  it('names the system when a rule destroyed it, and no title for a session no longer there', async () => {
    const t = ctx();
    const at = t.clock.now;
    const why = { reason: 'retention', detail: 'The transcript retention period ended' } as const;
    await t.db.transaction().execute((trx) =>
      recordDestruction(
        trx,
        { id: 'trn_1', sessionId: 'ses_gone', dataClass: 'transcript', recordedAt: null },
        why,
        at,
        {
          action: 'transcript.destroyed',
          target: { type: 'transcript', id: 'trn_1' },
          detail: { sessionId: 'ses_gone', recordingId: 'rec_1', ...why },
        },
      ),
    );
    expect(await t.db.selectFrom('deletion_records').selectAll().execute()).toEqual([
      expect.objectContaining({
        recording_id: 'trn_1',
        session_title: '',
        purpose: 'transcript',
        recorded_at: null,
        destroyed_at: at.toISOString(),
        decided_by_user_id: null,
      }),
    ]);
    expect(await auditOf(t, 'transcript.destroyed')).toEqual([
      {
        actor_user_id: null,
        actor_role: 'system',
        target_type: 'transcript',
        target_id: 'trn_1',
        at: at.toISOString(),
      },
    ]);
  });
});
