import { randomUUID } from 'node:crypto';
import type { ConsentCommandResponse, ConsentLogResponse, RecordingOptions } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { raiseSeatLinkVersion } from '../invites/seat-link-version';
import {
  answer,
  command,
  createRecordingSession,
  get,
  joinRoom,
  recordWithEveryone,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import { errorOf, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('recording routes ($name)', (database) => {
  const ctx = useTestApp(database);

  it('lists the allowed purposes, viewers, retention and notice', async () => {
    const res = await ctx().app.request('/api/recording/options');
    expect(res.status).toBe(200);
    const options = (await res.json()) as RecordingOptions;
    expect(options.purposes.map((p) => p.id)).toEqual([
      'quality_assurance',
      'safeguarding',
      'student_playback',
    ]);
    expect(options.purposes[0]?.label).toBe('Quality assurance');
    expect(options.viewers).toContain('guardians');
    expect(options.retentionDays).toBe(90);
    expect(options.notice.version).toBe('policy-1');
  });

  it('answers the state with the caller decision, and 401 without a valid bearer token', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const state = await stateOf(t, s);
    expect(state).toMatchObject({
      myDecision: 'pending',
      state: { status: 'not_requested', banner: 'Not recording' },
    });
    const none = await get(t, 'state', undefined);
    expect(none.status).toBe(401);
    expect((await errorOf(none)).code).toBe('unauthorized');
    const forged = await get(t, 'state', `${s.student.token.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
    expect((await errorOf(forged)).code).toBe('invite_invalid');
  });

  it('lets the tutor request with an allowed purpose and logs it', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const res = await command(t, 'request', s.tutor.token, {
      clientRequestId: randomUUID(),
      purpose: 'safeguarding',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as ConsentCommandResponse;
    expect(body.state).toMatchObject({
      status: 'waiting',
      request: {
        purpose: 'safeguarding',
        purposeLabel: 'Safeguarding',
        retentionDays: 90,
        noticeVersion: 'policy-1',
      },
    });
    expect(body.state.banner).toContain('Not recording');
    const log = await t.db.selectFrom('consent_log').selectAll().execute();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      kind: 'request',
      role: 'tutor',
      purpose: 'safeguarding',
      user_agent: 'test-agent/1',
    });
  });

  it('refuses a request from a student (403) or with a purpose not allowed (400), writing nothing', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const student = await command(t, 'request', s.student.token, {
      clientRequestId: randomUUID(),
      purpose: 'safeguarding',
    });
    expect(student.status).toBe(403);
    expect((await errorOf(student)).code).toBe('forbidden');
    const purpose = await command(t, 'request', s.tutor.token, {
      clientRequestId: randomUUID(),
      purpose: 'marketing',
    });
    expect(purpose.status).toBe(400);
    expect((await errorOf(purpose)).code).toBe('purpose_not_allowed');
    const noToken = await command(t, 'request', undefined, {
      clientRequestId: randomUUID(),
      purpose: 'safeguarding',
    });
    expect(noToken.status).toBe(401);
    const bad = await command(t, 'request', s.tutor.token, {
      clientRequestId: 'nope',
      purpose: 'safeguarding',
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('validation_failed');
    expect(await countRows(t.db, 'consent_log')).toBe(0);
  });

  it('a link replaced while its holder is in the call can still withdraw, but never say yes again', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const requestId = await requestRecording(t, s);
    expect((await answer(t, 'consent', s.student, requestId)).status).toBe(200);
    // The guardian replaces the child's link mid-call .
    await raiseSeatLinkVersion(t.db, s.student.personId, 'someone', t.clock.now);
    const withdraw = await answer(t, 'withdraw', s.student, requestId);
    expect(withdraw.status).toBe(200);
    expect(((await withdraw.json()) as ConsentCommandResponse).state.status).toBe('stopped_withdrawn');
    t.clock.now = new Date(t.clock.now.getTime() + 10 * 60_000); // the policy's cool-down after a no
    const second = await requestRecording(t, s);
    const yes = await answer(t, 'consent', s.student, second);
    expect(yes.status).toBe(410);
    expect((await errorOf(yes)).code).toBe('link_replaced');
    expect((await answer(t, 'decline', s.student, second)).status).toBe(200);
  });

  it('records consent, decline and withdrawal, each logged with who, role, purpose and notice', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const requestId = await requestRecording(t, s);
    const consent = await answer(t, 'consent', s.student, requestId);
    expect(consent.status).toBe(200);
    expect(((await consent.json()) as ConsentCommandResponse).myDecision).toBe('consented');
    const withdraw = await answer(t, 'withdraw', s.student, requestId);
    expect(withdraw.status).toBe(200);
    const after = (await withdraw.json()) as ConsentCommandResponse;
    expect(after.myDecision).toBe('withdrawn');
    expect(after.state.status).toBe('stopped_withdrawn');
    expect(after.state.banner).toBe('Recording stopped — a participant withdrew consent');

    t.clock.now = new Date(t.clock.now.getTime() + 10 * 60_000); // the policy's cool-down after a no
    const second = await requestRecording(t, s);
    const decline = await answer(t, 'decline', s.guardian, second);
    expect(((await decline.json()) as ConsentCommandResponse).myDecision).toBe('declined');
    const kinds = (
      await t.db.selectFrom('consent_log').select(['kind', 'role']).orderBy('seq').execute()
    ).map((r) => `${r.kind}:${r.role}`);
    expect(kinds).toEqual([
      'request:tutor',
      'consent:student',
      'withdraw:student',
      'request:tutor',
      'decline:guardian',
    ]);
  });

  it('answers 409 request_stale for an old or unknown request id and writes nothing', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const none = await answer(t, 'consent', s.student, 'req_unknown');
    expect(none.status).toBe(409);
    expect((await errorOf(none)).code).toBe('request_stale');
    const first = await requestRecording(t, s);
    await requestRecording(t, s);
    const before = await countRows(t.db, 'consent_log');
    const stale = await answer(t, 'consent', s.student, first);
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).code).toBe('request_stale');
    expect(await countRows(t.db, 'consent_log')).toBe(before);
  });

  it('answers 409 conflict when consenting after declining', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const requestId = await requestRecording(t, s);
    await answer(t, 'decline', s.student, requestId);
    const res = await answer(t, 'consent', s.student, requestId);
    expect(res.status).toBe(409);
  });

  it('applies a repeated clientRequestId once and returns the same result', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const requestId = await requestRecording(t, s);
    const id = randomUUID();
    const first = await answer(t, 'consent', s.student, requestId, id);
    const logged = await countRows(t.db, 'consent_log');
    const version = (await t.db.selectFrom('session_consent').select('version').executeTakeFirstOrThrow())
      .version;
    const again = await answer(t, 'consent', s.student, requestId, id);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(await countRows(t.db, 'consent_log')).toBe(logged);
    const after = (await t.db.selectFrom('session_consent').select('version').executeTakeFirstOrThrow())
      .version;
    expect(after).toBe(version);
  });

  it('refuses a clientRequestId reused for a different command (409) and changes nothing', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const requestId = await requestRecording(t, s);
    await answer(t, 'consent', s.tutor, requestId);
    await answer(t, 'consent', s.guardian, requestId);
    const reused = randomUUID();
    expect((await answer(t, 'consent', s.student, requestId, reused)).status).toBe(200);
    await t.consent.idle();
    const running = t.egress.running();
    expect(running).toHaveLength(1);

    const res = await answer(t, 'withdraw', s.student, requestId, reused);
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('conflict');
    await t.consent.idle();
    expect(t.egress.running()).toEqual(running);
  });

  it('lets someone whose invite expired during the call withdraw or decline, but not consent', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { requestId } = await recordWithEveryone(t, s);
    t.clock.now = new Date(t.clock.now.getTime() + (t.config.inviteTtlHours + 1) * 3600_000);
    expect((await get(t, 'state', s.student.token)).status).toBe(200);
    expect((await answer(t, 'withdraw', s.student, requestId)).status).toBe(200);
    await t.consent.idle();
    expect(t.egress.running()).toEqual([]);

    const next = await requestRecording(t, s).catch(() => undefined);
    // The tutor's own invite has expired too: asking again takes a live invite.
    expect(next).toBeUndefined();
    expect((await answer(t, 'consent', s.guardian, requestId)).status).toBe(410);
  });

  it('lets only the tutor cancel', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const requestId = await requestRecording(t, s);
    const student = await answer(t, 'cancel', s.student, requestId);
    expect(student.status).toBe(403);
    const tutor = await answer(t, 'cancel', s.tutor, requestId);
    expect(tutor.status).toBe(200);
    expect(((await tutor.json()) as ConsentCommandResponse).state).toMatchObject({
      status: 'not_requested',
      request: null,
    });
  });

  it("never lets a token for session B act on session A's request", async () => {
    const t = ctx();
    const a = await createRecordingSession(t);
    const b = await createRecordingSession(t);
    const requestId = await requestRecording(t, a);
    const logged = await countRows(t.db, 'consent_log');
    for (const kind of ['consent', 'decline', 'withdraw'] as const) {
      const res = await answer(t, kind, b.student, requestId);
      expect(res.status).toBe(409);
    }
    const cancel = await answer(t, 'cancel', b.student, requestId);
    expect(cancel.status).toBe(403);
    const tutorB = await answer(t, 'cancel', b.tutor, requestId);
    expect(tutorB.status).toBe(409);
    expect(await countRows(t.db, 'consent_log')).toBe(logged);
    expect((await stateOf(t, a)).state.status).toBe('waiting');
  });

  it("shows the tutor their own entries and others' answers as counts, everyone else only their own", async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const requestId = await requestRecording(t, s);
    await answer(t, 'consent', s.student, requestId);
    await answer(t, 'consent', s.guardian, requestId);
    const tutorLog = (await (await get(t, 'log', s.tutor.token)).json()) as ConsentLogResponse;
    expect(tutorLog.entries.map((e) => e.kind)).toEqual(['request']);
    expect(tutorLog.entries[0]).toMatchObject({ role: 'tutor', purpose: 'quality_assurance' });
    expect(tutorLog.counts).toEqual([
      { requestId, purpose: 'quality_assurance', consented: 2, declined: 0, withdrawn: 0 },
    ]);
    const studentLog = (await (await get(t, 'log', s.student.token)).json()) as ConsentLogResponse;
    expect(studentLog.entries.map((e) => e.personName)).toEqual(['Sam Student']);
    expect((await get(t, 'log', undefined)).status).toBe(401);
  });

  it('tells the invite preview whether recording is on', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const preview = async () =>
      (
        (await (await t.app.request(`/api/invites/${s.student.token}`)).json()) as {
          recording: { active: boolean };
        }
      ).recording.active;
    expect(await preview()).toBe(false);
    await recordWithEveryone(t, s);
    expect(await preview()).toBe(true);
  });

  it('starts the egress once everyone present has consented, and stops it on withdrawal', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const requestId = await requestRecording(t, s);
    await answer(t, 'consent', s.tutor, requestId);
    await answer(t, 'consent', s.student, requestId);
    await t.consent.idle();
    expect(t.egress.starts).toHaveLength(0);
    await answer(t, 'consent', s.guardian, requestId);
    await t.consent.idle();
    expect(t.egress.starts).toHaveLength(1);
    expect(t.egress.starts[0]?.filepath).toMatch(new RegExp(`^/.*/${s.sessionId}/${requestId}-1\\.mp4$`));
    const [egressId] = t.egress.running();
    await t.consent.apply(s.sessionId, { type: 'egress_active', egressId: egressId ?? '' });
    expect((await stateOf(t, s)).state).toMatchObject({
      status: 'recording',
      banner: 'Recording — quality assurance',
    });

    await answer(t, 'withdraw', s.guardian, requestId);
    await t.consent.idle();
    expect(t.egress.running()).toEqual([]);
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
  });
});
