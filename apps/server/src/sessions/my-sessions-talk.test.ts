import { randomUUID } from 'node:crypto';
import type { CreateSessionResponse, MySessionList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { buildSession } from '../test-support/organisation';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const spec = {
  title: 'Fractions',
  tutorName: 'Dana Tutor',
  participants: [
    { name: 'Sam Student', role: 'student' as const },
    { name: 'Lee Learner', role: 'student' as const, minor: false },
    { name: 'Pat Guardian', role: 'guardian' as const, guardianOf: ['Sam Student'] },
  ],
};

/** An observation of the session, as the observer leaves it (the talk itself does not matter here). */
async function observed(t: TestApp, sessionId: string, destroyed = false) {
  const at = t.clock.now.toISOString();
  await t.db
    .insertInto('talk_observations')
    .values({
      id: randomUUID(),
      session_id: sessionId,
      room_name: 'room',
      observer_identity: 'assent-talk-observer-x',
      policy_version: 1,
      started_at: at,
      ended_at: at,
      destroyed_at: destroyed ? at : null,
    })
    .execute();
}

/** What "Your sessions" says about reading each session's talk time, by session id. */
async function listed(t: TestApp, account: TestAccount) {
  const res = await asAccount(t, account, 'GET', '/api/me/sessions');
  expect(res.status).toBe(200);
  const list = (await res.json()) as MySessionList;
  return new Map(list.sessions.map((s) => [s.sessionId, s.mayReadTalkTime]));
}

/** Whether the insights route lets the account read the session's talk time. */
async function readable(t: TestApp, account: TestAccount, sessionId: string) {
  const res = await asAccount(t, account, 'GET', `/api/sessions/${sessionId}/insights`);
  expect([200, 403]).toContain(res.status);
  return res.status === 200;
}

async function changePolicy(t: TestApp, change: Record<string, unknown>) {
  const admin = await signedInAs(t, 'admin');
  const current = await t.consent.policies.current();
  await savePolicy(
    t.db,
    { userId: admin.userId, role: 'admin' },
    { ...current.policy, ...change, basedOnVersion: current.version } as never,
    t.clock.now,
  );
}

describe.each(testDatabases)('talk time in "Your sessions" ($name)', (database) => {
  const ctx = useTestApp(database);

  it('says where talk time was measured and the caller may read it, as the insights route decides', {
    timeout: 30_000,
  }, async () => {
    const t = ctx();
    const measured = await buildSession(t, spec);
    const sessionId = measured.created.sessionId;
    const again = await asAccount(t, measured.tutor, 'POST', '/api/sessions', {
      title: 'Not measured',
      studentIds: [measured.studentIds['Sam Student']],
    });
    expect(again.status).toBe(201);
    const unmeasured = (await again.json()) as CreateSessionResponse;
    await observed(t, sessionId);
    const pat = measured.guardians['Pat Guardian'] as TestAccount;
    const lee = await signedInAs(t, 'student', 'Lee Learner');
    await t.db
      .updateTable('people')
      .set({ user_id: lee.userId })
      .where('session_id', '=', sessionId)
      .where('name', '=', 'Lee Learner')
      .execute();
    const callers = { tutor: measured.tutor, pat, lee };

    const said = async () => {
      const out: Record<string, boolean | undefined> = {};
      for (const [name, account] of Object.entries(callers)) {
        const list = await listed(t, account);
        out[name] = list.get(sessionId);
        // The same rule as reading it: what the list says, the route does.
        expect(await readable(t, account, sessionId), name).toBe(list.get(sessionId));
      }
      return out;
    };

    // The default policy: the session's tutor (and staff), not the family.
    expect(await said()).toEqual({ tutor: true, pat: false, lee: false });
    // Never measured: nothing to read, though the tutor would be let in.
    expect((await listed(t, measured.tutor)).get(unmeasured.sessionId)).toBe(false);
    expect((await listed(t, pat)).get(unmeasured.sessionId)).toBe(false);

    // Learners see their own share: the student with a sign-in, and a minor's guardian.
    await changePolicy(t, { talkTimeLearnersSeeOwn: true });
    expect(await said()).toEqual({ tutor: true, pat: true, lee: true });

    // Tutors taken off the readers: the session's own tutor is refused too.
    await changePolicy(t, { talkTimeLearnersSeeOwn: false, talkTimeReaderRoles: ['reviewer'] });
    expect(await said()).toEqual({ tutor: false, pat: false, lee: false });
  });

  it('offers talk time destroyed by its retention, whose page says so', async () => {
    const t = ctx();
    const built = await buildSession(t, spec);
    await observed(t, built.created.sessionId, true);
    expect((await listed(t, built.tutor)).get(built.created.sessionId)).toBe(true);
  });
});
