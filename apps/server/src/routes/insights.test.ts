import { randomUUID } from 'node:crypto';
import { SessionInsights, type TutorTalkTrend } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { buildSession, seatsOf } from '../test-support/organisation';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const spec = {
  title: 'Fractions',
  tutorName: 'Dana Tutor',
  participants: [
    { name: 'Sam Student', role: 'student' as const },
    { name: 'Lee Learner', role: 'student' as const },
    { name: 'Pat Guardian', role: 'guardian' as const, guardianOf: ['Sam Student'] },
    { name: 'Kim Guardian', role: 'guardian' as const, guardianOf: ['Lee Learner'] },
  ],
};

type Seats = Awaited<ReturnType<typeof seatsOf>>;
const seatNamed = (seats: Seats, name: string) => {
  const seat = seats.find((s) => s.name === name);
  if (!seat) throw new Error(`no seat ${name}: ${seats.map((s) => s.name).join(', ')}`);
  return seat;
};

/**
 * Talk time as the observer would have stored it, seconds from `t0`: an observation of 100 s, and per
 * seat name its stretches ([from, to], to null: still open).
 */
async function seedTalk(
  t: TestApp,
  sessionId: string,
  t0: Date,
  talk: Record<string, [number, number | null][]>,
  observation: { seconds: number | null } = { seconds: 100 },
) {
  const iso = (s: number) => new Date(t0.getTime() + s * 1000).toISOString();
  const seats = await seatsOf(t, sessionId);
  await t.db
    .insertInto('talk_observations')
    .values({
      id: randomUUID(),
      session_id: sessionId,
      room_name: 'room',
      observer_identity: 'talk-observer',
      policy_version: 1,
      started_at: iso(0),
      ended_at: observation.seconds === null ? null : iso(observation.seconds),
      destroyed_at: null,
    })
    .execute();
  for (const [name, spans] of Object.entries(talk)) {
    const seat = seatNamed(seats, name);
    for (const [from, to] of spans) {
      await t.db
        .insertInto('talk_intervals')
        .values({
          id: randomUUID(),
          session_id: sessionId,
          person_id: seat.personId,
          identity: seat.identity,
          started_at: iso(from),
          ended_at: to === null ? null : iso(to),
        })
        .execute();
    }
  }
  return { seats, iso };
}

/** A recording of 50–90 s with a request at 48 s, Sam's consent at 49 s and Lee's decline at 49.5 s. */
async function seedRecording(t: TestApp, sessionId: string, seats: Seats, iso: (s: number) => string) {
  const requestId = `req_${randomUUID()}`;
  const log = async (name: string, kind: 'request' | 'consent' | 'decline', at: number, seq: number) => {
    const seat = seatNamed(seats, name);
    await t.db
      .insertInto('consent_log')
      .values({
        id: randomUUID(),
        seq,
        session_id: sessionId,
        person_id: seat.personId,
        person_name: seat.name,
        role: seat.role,
        kind,
        request_id: requestId,
        purpose: 'quality_assurance',
        notice_version: 'policy-1',
        client_request_id: randomUUID(),
        user_agent: null,
        at: iso(at),
      })
      .execute();
  };
  await log('Dana Tutor', 'request', 48, 1);
  await log('Sam Student', 'consent', 49, 2);
  await log('Lee Learner', 'decline', 49.5, 3);
  const egressId = `EG_${randomUUID()}`;
  await t.db
    .insertInto('recording_segments')
    .values({
      egress_id: egressId,
      session_id: sessionId,
      request_id: requestId,
      status: 'EGRESS_COMPLETE',
      started_at: iso(50),
      ended_at: iso(90),
      file_path: null,
      chosen_path: null,
      error: null,
      updated_at: iso(90),
    })
    .execute();
  const recordingId = randomUUID();
  await t.db
    .insertInto('recordings')
    .values({
      id: recordingId,
      egress_id: egressId,
      session_id: sessionId,
      request_id: requestId,
      purpose: 'quality_assurance',
      policy_version: 1,
      status: 'stored',
      plaintext_path: null,
      size_bytes: 1000,
      cipher_bytes: 1100,
      started_at: iso(50),
      ended_at: iso(90),
      retain_until: null,
      retention_policy_version: null,
      ingest_error: null,
      created_at: iso(90),
      stored_at: iso(91),
      plaintext_removed_at: null,
      destroyed_at: null,
      destroy_after_hold: null,
    })
    .execute();
  return recordingId;
}

/**
 * The measured session: tutor 0–40 and 45–60 (55 s), Sam 40–45 and 60–70 (15 s), Lee 70–80 (10 s),
 * Pat (a guardian) 80–85. Learners 25 of 80 tutor-and-learner seconds: 31.25 %, the middle band.
 */
async function measuredSession(t: TestApp) {
  const built = await buildSession(t, spec);
  const sessionId = built.created.sessionId;
  const t0 = new Date(t.clock.now.getTime() - 200_000);
  const { seats, iso } = await seedTalk(t, sessionId, t0, {
    'Dana Tutor': [
      [0, 40],
      [45, 60],
    ],
    'Sam Student': [
      [40, 45],
      [60, 70],
    ],
    'Lee Learner': [[70, 80]],
    'Pat Guardian': [[80, 85]],
  });
  const recordingId = await seedRecording(t, sessionId, seats, iso);
  return { ...built, sessionId, seats, t0, recordingId };
}

const get = async (t: TestApp, account: TestAccount | null, path: string) => {
  const res = await asAccount(t, account, 'GET', path);
  return {
    status: res.status,
    body: res.status === 200 ? ((await res.json()) as unknown) : await errorOf(res),
  };
};

const readings = (t: TestApp) =>
  t.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'actor_user_id', 'detail'])
    .where('action', 'in', ['insights.read', 'insights.trend'])
    .orderBy('seq')
    .execute();

async function letLearnersSeeOwn(t: TestApp) {
  const admin = await signedInAs(t, 'admin');
  const current = await t.consent.policies.current();
  await savePolicy(
    t.db,
    { userId: admin.userId, role: 'admin' },
    { ...current.policy, talkTimeLearnersSeeOwn: true, basedOnVersion: current.version },
    t.clock.now,
  );
}

describe.each(testDatabases)('session insights ($name)', (database) => {
  const ctx = useTestApp(database);

  it('gives the tutor the shares, band, monologue and timeline, and audits the reading', {
    timeout: 30_000,
  }, async () => {
    const t = ctx();
    const s = await measuredSession(t);
    const { status, body } = await get(t, s.tutor, `/api/sessions/${s.sessionId}/insights`);
    expect(status).toBe(200);
    const insights = body as SessionInsights;
    expect(insights).toMatchObject({
      sessionId: s.sessionId,
      title: 'Fractions',
      measured: true,
      live: false,
      axisStart: s.t0.toISOString(),
      axisSeconds: 100,
      lines: { engagingPercent: 10, lowPercent: 25, highPercent: 50 },
      tutorSeconds: 55,
      learnerSeconds: 25,
      learnerSharePercent: 31.25,
      band: 'middle',
      // Sam spoke in the 40–45 pause, which is anyway longer than two seconds.
      longestTutorMonologue: { from: 0, to: 40, seconds: 40 },
      ownShareOnly: false,
      words: null,
    });
    expect(insights.tutorUserId).toEqual(expect.any(String));
    expect(insights.speakers.map((p) => [p.name, p.role, p.learner, p.seconds, p.sharePercent])).toEqual([
      ['Dana Tutor', 'tutor', false, 55, 64.71],
      ['Sam Student', 'student', true, 15, 17.65],
      ['Lee Learner', 'student', true, 10, 11.76],
      ['Pat Guardian', 'guardian', false, 5, 5.88],
    ]);
    expect(insights.speakers[1]?.spans).toEqual([
      { from: 40, to: 45 },
      { from: 60, to: 70 },
    ]);
    expect(insights.recordings).toEqual([{ from: 50, to: 90, recordingId: s.recordingId }]);
    // Who declined is not the tutor's to know (consent_refusals.read): the decline is there, unnamed.
    expect(insights.consentEvents).toEqual([
      { at: 48, kind: 'requested', name: 'Dana Tutor' },
      { at: 49, kind: 'consented', name: 'Sam Student' },
      { at: 49.5, kind: 'declined', name: null },
      { at: 50, kind: 'recording_started', name: null },
      { at: 90, kind: 'recording_stopped', name: null },
    ]);
    // The answer parses with the shared schema the web app relies on.
    expect(SessionInsights.safeParse(insights).success).toBe(true);
    const reviewer = await signedInAs(t, 'reviewer');
    const asReviewer = (await get(t, reviewer, `/api/sessions/${s.sessionId}/insights`))
      .body as SessionInsights;
    expect(asReviewer.consentEvents.find((e) => e.kind === 'declined')?.name).toBe('Lee Learner');
    expect(asReviewer.learnerSharePercent).toBe(31.25);
    const audited = await readings(t);
    expect(audited.map((r) => [r.action, r.outcome, r.actor_user_id])).toEqual([
      ['insights.read', 'done', s.tutor.userId],
      ['insights.read', 'done', reviewer.userId],
    ]);
    expect(JSON.parse(audited[0]?.detail ?? '{}')).toEqual({
      sessionId: s.sessionId,
      view: 'all',
      measured: true,
    });
  });

  it('counts learners’ words from the chat (removed messages left out) and a ready transcript', {
    timeout: 30_000,
  }, async () => {
    const t = ctx();
    const s = await measuredSession(t);
    const say = async (name: string, text: string) => {
      const res = await t.app.request('/api/call/chat', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${seatNamed(s.seats, name).token}`,
        },
        body: JSON.stringify({ text }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    await say('Dana Tutor', 'What is a half of six?');
    await say('Sam Student', 'three');
    const unkind = await say('Lee Learner', 'this is a silly question');
    const removed = await t.app.request(`/api/call/chat/${unkind}/remove`, {
      method: 'POST',
      headers: { authorization: `Bearer ${seatNamed(s.seats, 'Dana Tutor').token}` },
    });
    expect(removed.status).toBe(200);
    const path = `/api/sessions/${s.sessionId}/insights`;
    expect(((await get(t, s.tutor, path)).body as SessionInsights).words).toEqual({
      learnerWords: 1,
      totalWords: 7,
      learnerSharePercent: 14.29,
      fromTranscript: false,
    });
    await t.db
      .insertInto('transcripts')
      .values({
        id: randomUUID(),
        recording_id: s.recordingId,
        session_id: s.sessionId,
        status: 'ready',
        attempts: 1,
        claimed_at: null,
        claimed_by: null,
        last_error: null,
        created_at: t.clock.now.toISOString(),
        ready_at: t.clock.now.toISOString(),
        destroyed_at: null,
        model: 'tiny.en',
        audio_seconds: 40,
        transcribe_ms: 2000,
        blob_name: null,
        cipher_bytes: null,
        word_count: 93,
        learner_word_count: 19,
        retain_until: null,
        destroy_after_hold: null,
      })
      .execute();
    expect(((await get(t, s.tutor, path)).body as SessionInsights).words).toEqual({
      learnerWords: 20,
      totalWords: 100,
      learnerSharePercent: 20,
      fromTranscript: true,
    });
  });

  it('refuses (and audits) another tutor and the family under the default policy; 404 and 401', {
    timeout: 30_000,
  }, async () => {
    const t = ctx();
    const s = await measuredSession(t);
    const otherTutor = await signedInAs(t, 'tutor', 'Olga Other');
    const path = `/api/sessions/${s.sessionId}/insights`;
    for (const caller of [otherTutor, s.guardians['Pat Guardian'] ?? null]) {
      const { status, body } = await get(t, caller, path);
      expect(status).toBe(403);
      expect(body).toMatchObject({ code: 'forbidden' });
    }
    expect((await get(t, null, path)).status).toBe(401);
    expect((await get(t, s.tutor, '/api/sessions/ses_nope/insights')).status).toBe(404);
    expect((await get(t, s.tutor, `/api/sessions/${'x'.repeat(65)}/insights`)).status).toBe(400);
    expect((await readings(t)).map((r) => [r.action, r.outcome])).toEqual([
      ['insights.read', 'denied'],
      ['insights.read', 'denied'],
    ]);
    // A policy that takes tutors off the readers refuses the session's own tutor too.
    const admin = await signedInAs(t, 'admin');
    const current = await t.consent.policies.current();
    await savePolicy(
      t.db,
      { userId: admin.userId, role: 'admin' },
      { ...current.policy, talkTimeReaderRoles: ['reviewer'], basedOnVersion: current.version },
      t.clock.now,
    );
    expect((await get(t, s.tutor, path)).status).toBe(403);
    expect((await get(t, admin, path)).status).toBe(403);
  });

  it('shows a learner, and a child’s guardian, only their own share beside the tutor’s', {
    timeout: 30_000,
  }, async () => {
    const t = ctx();
    const s = await measuredSession(t);
    await letLearnersSeeOwn(t);
    const path = `/api/sessions/${s.sessionId}/insights`;
    // Pat is Sam's guardian: Sam's share and Pat's own seat, the tutor's totals; Lee and Kim left out.
    const pat = s.guardians['Pat Guardian'] ?? null;
    const asPat = await get(t, pat, path);
    expect(asPat.status).toBe(200);
    const patView = asPat.body as SessionInsights;
    expect(patView.tutorUserId).toBeUndefined();
    expect(patView).toMatchObject({
      ownShareOnly: true,
      tutorSeconds: 55,
      learnerSeconds: 15,
      learnerSharePercent: 21.43,
      band: 'low',
      longestTutorMonologue: { from: 0, to: 40, seconds: 40 },
      words: null,
    });
    expect(patView.speakers.map((p) => [p.name, p.seconds])).toEqual([
      ['Dana Tutor', 55],
      ['Sam Student', 15],
      ['Pat Guardian', 5],
    ]);
    expect(JSON.stringify(patView)).not.toContain('Lee Learner');
    expect(patView.consentEvents.map((e) => e.kind)).toEqual([
      'requested',
      'consented',
      'recording_started',
      'recording_stopped',
    ]);
    // Lee with a sign-in of his own sees Lee's share (and his own decline, named).
    const lee = await signedInAs(t, 'student', 'Lee Learner');
    await t.db
      .updateTable('people')
      .set({ user_id: lee.userId })
      .where('id', '=', seatNamed(s.seats, 'Lee Learner').personId)
      .execute();
    const leeView = (await get(t, lee, path)).body as SessionInsights;
    expect(leeView.ownShareOnly).toBe(true);
    expect(leeView.speakers.map((p) => p.name)).toEqual(['Dana Tutor', 'Lee Learner']);
    expect(leeView.learnerSeconds).toBe(10);
    expect(leeView.consentEvents.find((e) => e.kind === 'declined')?.name).toBe('Lee Learner');
    expect(JSON.stringify(leeView)).not.toContain('Sam Student');
    // Another family's guardian and a student not in the session are still refused.
    const stranger = await signedInAs(t, 'guardian', 'Hugo Guardian');
    expect((await get(t, stranger, path)).status).toBe(403);
    const otherStudent = await signedInAs(t, 'student', 'Ola Other');
    expect((await get(t, otherStudent, path)).status).toBe(403);
    // The tutor still sees everyone.
    const tutorView = (await get(t, s.tutor, path)).body as SessionInsights;
    expect([tutorView.ownShareOnly, tutorView.speakers.length]).toEqual([false, 4]);
    const details = (await readings(t))
      .filter((r) => r.outcome === 'done')
      .map((r) => JSON.parse(r.detail ?? '{}'));
    expect(details.map((d) => d.view)).toEqual(['own', 'own', 'all']);
  });

  it('answers a session never measured with measured: false, and a live one up to now', {
    timeout: 30_000,
  }, async () => {
    const t = ctx();
    const built = await buildSession(t, spec);
    const never = await get(t, built.tutor, `/api/sessions/${built.created.sessionId}/insights`);
    expect(never.status).toBe(200);
    expect(never.body).toMatchObject({
      measured: false,
      live: false,
      axisStart: null,
      axisSeconds: 0,
      learnerSharePercent: null,
      band: null,
      speakers: [],
      words: null,
    });
    // A call going on: the observer is attached, Dana has been talking for the last 30 s.
    const live = await buildSession(t, { ...spec, title: 'Live' });
    const t0 = new Date(t.clock.now.getTime() - 60_000);
    await seedTalk(
      t,
      live.created.sessionId,
      t0,
      { 'Dana Tutor': [[30, null]], 'Sam Student': [[0, 10]] },
      { seconds: null },
    );
    const now = (await get(t, live.tutor, `/api/sessions/${live.created.sessionId}/insights`))
      .body as SessionInsights;
    expect(now).toMatchObject({
      measured: true,
      live: true,
      axisSeconds: 60,
      tutorSeconds: 30,
      learnerSeconds: 10,
      learnerSharePercent: 25,
      band: 'middle',
    });
  });
});

describe.each(testDatabases)('a tutor’s talk-time trend ($name)', (database) => {
  const ctx = useTestApp(database);

  it('lists both routes in the OpenAPI document', async () => {
    const doc = (await (await ctx().app.request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/sessions/{sessionId}/insights', '/api/insights/tutors/{userId}']),
    );
  });

  it('lists the tutor’s measured sessions oldest first for the tutor and reviewers, and refuses others', {
    timeout: 30_000,
  }, async () => {
    const t = ctx();
    const first = await measuredSession(t);
    // A later session of the same tutor: learners 30 of 40 s (75 %, high); and one never measured.
    // Without families, so the test signs in few enough accounts for the sign-in rate limit.
    const alone = (title: string) => ({
      title,
      participants: [{ name: 'Sam Student', role: 'student' as const }],
    });
    const later = await buildSession(t, alone('Decimals'));
    await t.db
      .updateTable('sessions')
      .set({ owner_user_id: first.tutor.userId })
      .where('id', '=', later.created.sessionId)
      .execute();
    await seedTalk(t, later.created.sessionId, new Date(t.clock.now.getTime() - 50_000), {
      'Dana Tutor': [[0, 10]],
      'Sam Student': [[10, 40]],
    });
    const never = await buildSession(t, alone('Never measured'));
    await t.db
      .updateTable('sessions')
      .set({ owner_user_id: first.tutor.userId })
      .where('id', '=', never.created.sessionId)
      .execute();
    const path = `/api/insights/tutors/${first.tutor.userId}`;
    const reviewer = await signedInAs(t, 'reviewer');
    for (const reader of [first.tutor, reviewer]) {
      const { status, body } = await get(t, reader, path);
      expect(status).toBe(200);
      const trend = body as TutorTalkTrend;
      expect(trend.tutor).toEqual({ userId: first.tutor.userId, name: 'Dana Tutor' });
      expect(trend.lines.lowPercent).toBe(25);
      expect(
        trend.sessions.map((x) => [x.title, x.tutorSeconds, x.learnerSeconds, x.learnerSharePercent, x.band]),
      ).toEqual([
        ['Fractions', 55, 25, 31.25, 'middle'],
        ['Decimals', 10, 30, 75, 'high'],
      ]);
      expect(trend.sessions[0]?.startedAt).toBe(first.t0.toISOString());
    }
    const otherTutor = await signedInAs(t, 'tutor', 'Olga Other');
    expect((await get(t, otherTutor, path)).status).toBe(403);
    expect((await get(t, first.guardians['Pat Guardian'] ?? null, path)).status).toBe(403);
    expect((await get(t, null, path)).status).toBe(401);
    expect((await get(t, reviewer, '/api/insights/tutors/usr_nope')).status).toBe(404);
    // The other tutor's own trend is empty, not someone else's.
    const own = (await get(t, otherTutor, `/api/insights/tutors/${otherTutor.userId}`))
      .body as TutorTalkTrend;
    expect(own.sessions).toEqual([]);
    expect(
      (await readings(t)).map((r) => [r.action, r.outcome, JSON.parse(r.detail ?? '{}').sessions]),
    ).toEqual([
      ['insights.trend', 'done', 2],
      ['insights.trend', 'done', 2],
      ['insights.trend', 'denied', undefined],
      ['insights.trend', 'denied', undefined],
      ['insights.trend', 'done', 0],
    ]);
  });
});
