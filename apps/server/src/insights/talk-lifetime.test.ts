import { days } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { createRecordingSession } from '../test-support/recording-session';
import { recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';
import { heldSessionIds } from '../vault/lifetime/holds';
import { destroyExpiredTalkTime } from './talk-lifetime';

/** A session observed for a minute from `start`, the tutor speaking 20 s and the student 10 s. */
async function observed(t: TestApp, sessionId: string, start: number) {
  const iso = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  await t.db
    .insertInto('talk_observations')
    .values({
      id: `obs-${sessionId}`,
      session_id: sessionId,
      room_name: 'room',
      observer_identity: `assent-talk-observer-${sessionId}`,
      policy_version: 1,
      started_at: iso(0),
      ended_at: iso(60),
      destroyed_at: null,
    })
    .execute();
  await t.db
    .insertInto('talk_intervals')
    .values([
      {
        id: `a-${sessionId}`,
        session_id: sessionId,
        person_id: 'tutor',
        identity: 'tutor',
        started_at: iso(1),
        ended_at: iso(21),
      },
      {
        id: `b-${sessionId}`,
        session_id: sessionId,
        person_id: 'student',
        identity: 'student',
        started_at: iso(22),
        ended_at: iso(32),
      },
    ])
    .execute();
  return new Date(start + 60_000);
}

describe.each(testDatabases)('talk-time retention ($name)', (database) => {
  const ctx = useTestApp(database);
  const sweep = (t: TestApp, at: Date) =>
    destroyExpiredTalkTime({ db: t.db, policies: t.consent.policies, heldSessionIds }, at);

  it("destroys a session's talk time once the policy's days have passed since it ended, with a deletion record", async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const ended = await observed(t, s.sessionId, t.clock.now.getTime());
    // 1095 days by default: a minute short of it, nothing goes.
    expect(await sweep(t, new Date(ended.getTime() + days(1095) - 60_000))).toEqual({
      destroyed: 0,
      held: 0,
    });
    expect(await countRows(t.db, 'talk_intervals')).toBe(2);

    const at = new Date(ended.getTime() + days(1095));
    expect(await sweep(t, at)).toEqual({ destroyed: 1, held: 0 });
    expect(await countRows(t.db, 'talk_intervals')).toBe(0);
    const observation = await t.db.selectFrom('talk_observations').selectAll().executeTakeFirstOrThrow();
    expect(observation.destroyed_at).toBe(at.toISOString());
    const record = await t.db.selectFrom('deletion_records').selectAll().executeTakeFirstOrThrow();
    expect(record).toMatchObject({
      session_id: s.sessionId,
      purpose: 'talk_time',
      reason: 'retention',
      destroyed_at: at.toISOString(),
      decided_by_user_id: null,
    });
    expect(record.detail).toContain('1095 days after the session ended');
    expect(record.detail).toContain('2 stretches of speaking destroyed');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'talk_time.destroyed')
      .execute();
    expect(audit).toEqual([
      {
        action: 'talk_time.destroyed',
        detail: JSON.stringify({ sessionId: s.sessionId, reason: 'retention', stretches: 2 }),
      },
    ]);
    expect(await sweep(t, new Date(at.getTime() + days(1)))).toEqual({ destroyed: 0, held: 0 });
  });

  it('keeps the talk time of a session an open report holds, past its retention', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const ended = await observed(t, s.sessionId, t.clock.now.getTime());
    const res = await t.app.request('/api/call/concern', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${s.guardian.token}` },
      body: JSON.stringify({ category: 'conduct', description: 'Please look at this session.' }),
    });
    expect(res.status).toBe(201);
    expect(await sweep(t, new Date(ended.getTime() + days(1200)))).toEqual({ destroyed: 0, held: 1 });
    expect(await countRows(t.db, 'talk_intervals')).toBe(2);
    expect(await countRows(t.db, 'deletion_records')).toBe(0);
  });

  it('never destroys the talk time of a session still observed', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const ended = await observed(t, s.sessionId, t.clock.now.getTime());
    await t.db
      .insertInto('talk_observations')
      .values({
        id: 'obs-again',
        session_id: s.sessionId,
        room_name: 'room',
        observer_identity: 'assent-talk-observer-x',
        policy_version: 1,
        started_at: ended.toISOString(),
        ended_at: null,
        destroyed_at: null,
      })
      .execute();
    expect(await sweep(t, new Date(ended.getTime() + days(2000)))).toEqual({ destroyed: 0, held: 0 });
    expect(await countRows(t.db, 'talk_intervals')).toBe(2);
  });

  it('outlives the recording that retention destroys: the vault sweep leaves talk time alone', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    await observed(t, rec.sessionId, t.clock.now.getTime());
    t.clock.now = new Date(t.clock.now.getTime() + days(91));
    const result = await t.vault.sweep();
    expect(result.expired).toBe(1);
    expect(result.dataClasses.talk_time).toEqual({ destroyed: 0, held: 0 });
    expect(await countRows(t.db, 'talk_intervals')).toBe(2);
    const observation = await t.db.selectFrom('talk_observations').selectAll().executeTakeFirstOrThrow();
    expect(observation.destroyed_at).toBeNull();
  });
});
