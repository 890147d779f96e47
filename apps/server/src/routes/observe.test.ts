import type { JoinResponse, LiveSessionList, MySession, ObserveResponse } from '@assent/shared';
import { ParticipantAttribute } from '@assent/shared';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { buildSession } from '../test-support/organisation';
import {
  answer,
  createRecordingSession,
  joinRoom,
  type RecordingSession,
  requestRecording,
  type SessionPerson,
  stateOf,
} from '../test-support/recording-session';
import { errorOf, postJson, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function auditOf(t: TestApp, sessionId: string) {
  const rows = await t.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'actor_user_id', 'detail'])
    .where('target_id', '=', sessionId)
    .where('action', '=', 'session.observe')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ outcome: r.outcome, actor: r.actor_user_id, detail: JSON.parse(r.detail) }));
}

/** Observes through the route and joins with the link, as the Observe button and the join page do. */
async function observe(t: TestApp, s: RecordingSession, staff: TestAccount): Promise<SessionPerson> {
  const res = await asAccount(t, staff, 'POST', `/api/sessions/${s.sessionId}/observe`);
  expect(res.status, await res.clone().text()).toBe(200);
  const { joinUrl } = (await res.json()) as ObserveResponse;
  const token = joinUrl.split('/join/')[1] ?? '';
  const joined = await postJson(t.app, '/api/join', { inviteToken: token });
  expect(joined.status, await joined.clone().text()).toBe(200);
  const join = (await joined.json()) as JoinResponse;
  expect(join.preview).toMatchObject({ role: 'observer', name: staff.name });
  const attributes = decodeJwt(join.token).attributes as Record<string, string>;
  expect(attributes[ParticipantAttribute.role]).toBe('observer');
  return { personId: join.preview.personId, role: 'observer', token, identity: join.identity };
}

describe.each(testDatabases)('live observers ($name)', (database) => {
  const ctx = useTestApp(database);

  it('lists a live session to a reviewer, who joins it as an Observer seen by everyone', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const reviewer = await signedInAs(t, 'reviewer');
    const list = async () =>
      ((await (await asAccount(t, reviewer, 'GET', '/api/live-sessions')).json()) as LiveSessionList)
        .sessions;
    expect(await list()).toEqual([]);

    await joinRoom(t, s, s.tutor.identity);
    const [live] = await list();
    expect(live?.sessionId).toBe(s.sessionId);
    expect(live?.people.filter((p) => p.inCall).map((p) => p.role)).toEqual(['tutor']);

    const observer = await observe(t, s, reviewer);
    await joinRoom(t, s, observer.identity);
    const [after] = await list();
    expect(after?.people.find((p) => p.role === 'observer')).toEqual({
      name: reviewer.name,
      role: 'observer',
      inCall: true,
    });
    // No hidden observers: the session's people list (what everyone's "Your sessions" shows) names the seat.
    const read = await asAccount(t, reviewer, 'GET', `/api/sessions/${s.sessionId}`);
    expect(((await read.json()) as MySession).people).toContainEqual({
      name: reviewer.name,
      role: 'observer',
    });
    expect(await auditOf(t, s.sessionId)).toEqual([
      { outcome: 'done', actor: reviewer.userId, detail: { personId: observer.personId, newSeat: true } },
    ]);

    // A second visit reuses the same seat.
    const again = await observe(t, s, reviewer);
    expect(again.personId).toBe(observer.personId);
    expect((await auditOf(t, s.sessionId)).at(-1)?.detail).toEqual({
      personId: observer.personId,
      newSeat: false,
    });
  }, 20_000);

  it('tells an admin observer, the tutor and nobody else that they run the whiteboard', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await joinRoom(t, s, s.tutor.identity);
    const runsBoard = async (inviteToken: string) => {
      const joined = await postJson(t.app, '/api/join', { inviteToken });
      expect(joined.status).toBe(200);
      return ((await joined.json()) as JoinResponse).runsBoard;
    };
    expect(await runsBoard(s.tutor.token)).toBe(true);
    for (const person of s.everyone.filter((p) => p.role !== 'tutor')) {
      expect(await runsBoard(person.token)).toBe(false);
    }
    expect(await runsBoard((await observe(t, s, await signedInAs(t, 'admin'))).token)).toBe(true);
    expect(await runsBoard((await observe(t, s, await signedInAs(t, 'reviewer'))).token)).toBe(false);
  }, 20_000);

  it('counts the observer at the consent gate: no recording until the observer consents too', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const admin = await signedInAs(t, 'admin');
    const observer = await observe(t, s, admin);
    await joinRoom(t, s, observer.identity);
    const requestId = await requestRecording(t, s);
    for (const person of s.everyone) expect((await answer(t, 'consent', person, requestId)).status).toBe(200);
    await t.consent.idle();
    expect(t.egress.running()).toEqual([]);
    expect((await stateOf(t, s)).state.banner).toContain('3 of 4');

    expect((await answer(t, 'consent', observer, requestId)).status).toBe(200);
    await t.consent.idle();
    expect(t.egress.running()).toHaveLength(1);
  }, 20_000);

  it('refuses tutors, guardians and students (audited), and a session nobody is in', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const role of ['tutor', 'guardian', 'student'] as const) {
      const account = await signedInAs(t, role);
      expect((await asAccount(t, account, 'GET', '/api/live-sessions')).status).toBe(403);
    }
    const reviewer = await signedInAs(t, 'reviewer');
    const idle = await asAccount(t, reviewer, 'POST', `/api/sessions/${s.sessionId}/observe`);
    expect(idle.status).toBe(409);
    expect((await errorOf(idle)).code).toBe('session_not_live');
    expect(await auditOf(t, s.sessionId)).toEqual([]);
    expect((await asAccount(t, reviewer, 'POST', '/api/sessions/ses_nope/observe')).status).toBe(404);

    // The session's own tutor may read it, but observing is for the quality and safeguarding staff.
    const built = await buildSession(t);
    await joinRoom(t, s, s.tutor.identity);
    const refused = await asAccount(
      t,
      built.tutor,
      'POST',
      `/api/sessions/${built.created.sessionId}/observe`,
    );
    expect(refused.status).toBe(403);
    const denied = await t.db
      .selectFrom('audit_log')
      .select(['outcome', 'actor_user_id'])
      .where('action', '=', 'session.observe')
      .where('target_id', '=', built.created.sessionId)
      .execute();
    expect(denied).toEqual([{ outcome: 'denied', actor_user_id: built.tutor.userId }]);
  }, 20_000);
});
