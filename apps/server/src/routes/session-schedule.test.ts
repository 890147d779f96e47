import type {
  CancelOccurrenceResponse,
  CreateSessionResponse,
  MoveOccurrenceResponse,
  MyResearchConsents,
  MySessionList,
} from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { agreedGuardian, enrolledBy, enrolStudent } from '../test-support/organisation';
import { joinRoom, leaveRoom, type RecordingSession } from '../test-support/recording-session';
import { errorOf, postJson, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

/** Wednesday 10 March 2027, noon UTC: London is on GMT until 28 March, New York on EDT from 14 March. */
const start = new Date('2027-03-10T12:00:00.000Z');

async function family(t: TestApp) {
  t.clock.now = start;
  const tutor = await signedInAs(t, 'tutor', 'Dana Tutor');
  const pat = await agreedGuardian(t, 'Pat Guardian');
  const sam = await enrolStudent(t, 'Sam Student', true, [pat]);
  await enrolledBy(t, tutor, sam);
  return { tutor, pat, sam };
}

async function create(t: TestApp, tutor: TestAccount, body: Record<string, unknown>) {
  const res = await asAccount(t, tutor, 'POST', '/api/sessions', { title: 'Maths', ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as CreateSessionResponse;
}

const weeklyLondon = (weeks = 3) => ({
  startsAt: '2027-03-22T16:30',
  durationMinutes: 60,
  timeZone: 'Europe/London',
  repeat: { weekdays: [], weeks },
});

const tokenOf = (url: string) => url.split('/join/')[1] ?? '';

async function sessionAudit(t: TestApp, action: string) {
  const rows = await t.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'target_id', 'detail'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}

describe.each(testDatabases)('scheduled sessions ($name)', (database) => {
  const ctx = useTestApp(database);

  it('offers research sharing only for occurrences that have come (or are about to), never a cancelled one', async () => {
    const t = ctx();
    const { tutor, pat, sam } = await family(t);
    const body = await create(t, tutor, { studentIds: [sam], schedule: weeklyLondon(3) });
    const [first, second] = body.occurrences ?? [];
    const listed = async () =>
      (
        (await (await asAccount(t, pat, 'GET', '/api/me/research')).json()) as MyResearchConsents
      ).sessions.map((s) => s.sessionId);
    expect(await listed()).toEqual([]);
    // The first occurrence is an hour away: listed; the second, a week later, not yet.
    t.clock.now = new Date(Date.parse(first?.startsAt ?? '') - 60 * 60_000);
    expect(await listed()).toEqual([first?.sessionId]);
    const cancelled = await asAccount(t, tutor, 'POST', `/api/sessions/${second?.sessionId}/cancel`);
    expect(cancelled.status).toBe(200);
    t.clock.now = new Date(Date.parse(second?.startsAt ?? '') + 60 * 60_000);
    expect(await listed()).toEqual([first?.sessionId]);
  });

  it('creates a weekly series across the change to summer time: each occurrence its own session and seats, one audit entry', async () => {
    const t = ctx();
    const { tutor, pat, sam } = await family(t);
    const body = await create(t, tutor, {
      studentIds: [sam],
      guests: [{ name: 'Ola Adult' }],
      schedule: weeklyLondon(3),
    });
    expect(body.seriesId).toMatch(/^ser_/);
    expect(body.occurrences?.map((o) => [o.startsAt, o.endsAt])).toEqual([
      ['2027-03-22T16:30:00.000Z', '2027-03-22T17:30:00.000Z'],
      ['2027-03-29T15:30:00.000Z', '2027-03-29T16:30:00.000Z'],
      ['2027-04-05T15:30:00.000Z', '2027-04-05T16:30:00.000Z'],
    ]);
    expect(body.sessionId).toBe(body.occurrences?.[0]?.sessionId);
    expect(body.overlaps).toEqual([]);
    // Each occurrence hands out its own tutor's and guest's links, alive until its Join closes.
    const last = body.occurrences?.[2];
    expect(last?.invites?.map((i) => i.name)).toEqual(['Dana Tutor', 'Ola Adult']);
    expect(Date.parse(last?.invites?.[0]?.expiresAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse('2027-04-05T16:45:00.000Z'),
    );
    expect(body.invites).toEqual(body.occurrences?.[0]?.invites);

    const sessions = await t.db.selectFrom('sessions').selectAll().orderBy('occurrence_index').execute();
    expect(sessions.map((s) => [s.occurrence_index, s.starts_at, s.duration_minutes, s.time_zone])).toEqual([
      [0, '2027-03-22T16:30:00.000Z', 60, 'Europe/London'],
      [1, '2027-03-29T15:30:00.000Z', 60, 'Europe/London'],
      [2, '2027-04-05T15:30:00.000Z', 60, 'Europe/London'],
    ]);
    expect(new Set(sessions.map((s) => s.room_name)).size).toBe(3);
    expect(new Set(sessions.map((s) => s.series_id))).toEqual(new Set([body.seriesId]));
    const series = await t.db.selectFrom('session_series').selectAll().executeTakeFirstOrThrow();
    expect(series).toMatchObject({
      rule: 'FREQ=WEEKLY;WKST=MO;BYDAY=MO;COUNT=3',
      local_start: '2027-03-22T16:30',
      time_zone: 'Europe/London',
      duration_minutes: 60,
      owner_user_id: tutor.userId,
    });
    // The same people in each, with seats and guardian links of their own.
    const people = await t.db
      .selectFrom('people')
      .select(['id', 'session_id', 'name', 'livekit_identity'])
      .execute();
    expect(people).toHaveLength(12);
    for (const s of sessions) {
      expect(
        people
          .filter((p) => p.session_id === s.id)
          .map((p) => p.name)
          .sort(),
      ).toEqual(['Dana Tutor', 'Ola Adult', 'Pat Guardian', 'Sam Student']);
    }
    expect(new Set(people.map((p) => p.livekit_identity)).size).toBe(12);
    const links = await t.db.selectFrom('guardian_links').selectAll().execute();
    expect(links.map((l) => l.session_id).sort()).toEqual(sessions.map((s) => s.id).sort());
    const audit = await sessionAudit(t, 'session.create');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toMatchObject({
      seriesId: body.seriesId,
      occurrences: 3,
      timeZone: 'Europe/London',
    });

    // The guardian sees each occurrence, the next first, numbered within the series.
    const mine = (await (await asAccount(t, pat, 'GET', '/api/me/sessions')).json()) as MySessionList;
    expect(mine.sessions.map((s) => [s.time?.startsAt, s.time?.occurrence])).toEqual([
      ['2027-03-22T16:30:00.000Z', { number: 1, of: 3 }],
      ['2027-03-29T15:30:00.000Z', { number: 2, of: 3 }],
      ['2027-04-05T15:30:00.000Z', { number: 3, of: 3 }],
    ]);
    expect(mine.sessions[0]?.time).toMatchObject({
      timeZone: 'Europe/London',
      seriesId: body.seriesId,
      cancelledAt: null,
      joinOpensAt: '2027-03-22T16:20:00.000Z',
      joinClosesAt: '2027-03-22T17:45:00.000Z',
    });
    expect(mine.sessions[0]?.joinUrl).toMatch(/\/join\//);
  });

  it('keeps New York’s wall clock across its own change, a week before London’s', async () => {
    const t = ctx();
    const { tutor, sam } = await family(t);
    t.clock.now = new Date('2027-03-01T12:00:00.000Z');
    const body = await create(t, tutor, {
      studentIds: [sam],
      schedule: {
        startsAt: '2027-03-08T16:30',
        durationMinutes: 45,
        timeZone: 'America/New_York',
        repeat: { weekdays: [], weeks: 2 },
      },
    });
    expect(body.occurrences?.map((o) => o.startsAt)).toEqual([
      '2027-03-08T21:30:00.000Z',
      '2027-03-15T20:30:00.000Z',
    ]);
  });

  it('refuses a start in the past, a series over a year, with no or too many sessions, or an absurd duration, writing nothing', async () => {
    const t = ctx();
    const { tutor, sam } = await family(t);
    const refused = async (schedule: Record<string, unknown>) => {
      const res = await asAccount(t, tutor, 'POST', '/api/sessions', {
        title: 'No',
        studentIds: [sam],
        schedule,
      });
      expect(res.status).toBe(400);
      return errorOf(res);
    };
    const base = { durationMinutes: 60, timeZone: 'Europe/London' };
    expect((await refused({ ...base, startsAt: '2027-03-10T11:59' })).code).toBe('start_in_past');
    const long = await refused({
      ...base,
      startsAt: '2027-03-15T16:00',
      repeat: { weekdays: [], until: '2028-03-16' },
    });
    expect(long.code).toBe('series_too_long');
    expect(long.message).toContain('2028-03-15');
    expect(long.issues?.[0]?.path).toBe('schedule.repeat.until');
    expect(
      (
        await refused({
          ...base,
          startsAt: '2027-03-12T16:00',
          repeat: { weekdays: ['TH'], until: '2027-03-17' },
        })
      ).code,
    ).toBe('no_occurrences');
    expect(
      (
        await refused({
          ...base,
          startsAt: '2027-03-15T16:00',
          repeat: { weekdays: ['MO', 'WE', 'FR'], weeks: 20 },
        })
      ).code,
    ).toBe('too_many_occurrences');
    for (const durationMinutes of [0, 4, 481, 30.5]) {
      expect((await refused({ ...base, durationMinutes, startsAt: '2027-03-15T16:00' })).code).toBe(
        'validation_failed',
      );
    }
    expect((await refused({ ...base, startsAt: '2027-03-15T16:00', timeZone: 'Mars/Olympus' })).code).toBe(
      'validation_failed',
    );
    expect(await countRows(t.db, 'sessions')).toBe(0);
    expect(await countRows(t.db, 'session_series')).toBe(0);
    expect(await countRows(t.db, 'people')).toBe(0);
    expect(await sessionAudit(t, 'session.create')).toEqual([]);
  });

  it('leaves a session without a schedule as before: no time, Join open at once', async () => {
    const t = ctx();
    const { tutor, sam } = await family(t);
    const body = await create(t, tutor, { studentIds: [sam] });
    expect(body.occurrences).toBeUndefined();
    expect(body.seriesId).toBeUndefined();
    const row = await t.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect([row.starts_at, row.series_id, row.calendar_sequence]).toEqual([null, null, 0]);
    const token = tokenOf(body.invites[0]?.url ?? '');
    expect((await t.app.request(`/api/invites/${token}`)).status).toBe(200);
    expect((await postJson(t.app, '/api/join', { inviteToken: token })).status).toBe(200);
    const mine = (await (await asAccount(t, tutor, 'GET', '/api/me/sessions')).json()) as MySessionList;
    expect(mine.sessions[0]?.time).toBeNull();
  });

  it('warns of the tutor’s own overlapping sessions, not cancelled ones or another tutor’s', async () => {
    const t = ctx();
    const { tutor, sam } = await family(t);
    const other = await signedInAs(t, 'tutor', 'Olga Other');
    const single = (startsAt: string) => ({ startsAt, durationMinutes: 60, timeZone: 'Europe/London' });
    const clash = await create(t, tutor, {
      studentIds: [sam],
      title: 'Clash',
      schedule: single('2027-03-29T17:00'),
    });
    const cancelled = await create(t, tutor, { studentIds: [sam], schedule: single('2027-04-05T16:00') });
    await create(t, other, { guests: [{ name: 'Ola' }], schedule: single('2027-03-22T16:30') });
    // Touching end to start is no overlap.
    await create(t, tutor, { studentIds: [sam], schedule: single('2027-03-22T15:30') });
    expect((await asAccount(t, tutor, 'POST', `/api/sessions/${cancelled.sessionId}/cancel`)).status).toBe(
      200,
    );
    const body = await create(t, tutor, { studentIds: [sam], schedule: weeklyLondon(3) });
    // 2027-03-29 16:30 BST is 15:30Z–16:30Z; "Clash" at 17:00 BST is 16:00Z–17:00Z.
    expect(body.overlaps).toEqual([
      {
        sessionId: clash.sessionId,
        title: 'Clash',
        startsAt: '2027-03-29T16:00:00.000Z',
        endsAt: '2027-03-29T17:00:00.000Z',
      },
    ]);
  });

  it('moves one occurrence: a higher sequence, the rest of the series where it was, audited, overlaps warned', async () => {
    const t = ctx();
    const { tutor, pat, sam } = await family(t);
    const body = await create(t, tutor, { studentIds: [sam], schedule: weeklyLondon(3) });
    const [first, second, third] = body.occurrences ?? [];
    const move = (who: TestAccount, id: string | undefined, input: Record<string, unknown>) =>
      asAccount(t, who, 'PATCH', `/api/sessions/${id}/schedule`, input);

    const res = await move(tutor, second?.sessionId, {
      startsAt: '2027-04-06T16:30',
      timeZone: 'Europe/London',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const moved = (await res.json()) as MoveOccurrenceResponse;
    expect(moved).toEqual({
      occurrence: {
        sessionId: second?.sessionId,
        startsAt: '2027-04-06T15:30:00.000Z',
        endsAt: '2027-04-06T16:30:00.000Z',
      },
      sequence: 1,
      overlaps: [],
    });
    // Onto the third occurrence's hour, longer: warned, not refused.
    const again = await move(tutor, second?.sessionId, {
      startsAt: '2027-04-05T16:00',
      durationMinutes: 90,
      timeZone: 'Europe/London',
    });
    const clash = (await again.json()) as MoveOccurrenceResponse;
    expect(clash.sequence).toBe(2);
    expect(clash.overlaps.map((o) => o.sessionId)).toEqual([third?.sessionId]);
    const rows = await t.db
      .selectFrom('sessions')
      .select(['id', 'starts_at', 'duration_minutes', 'calendar_sequence'])
      .orderBy('occurrence_index')
      .execute();
    expect(rows.map((r) => [r.starts_at, r.duration_minutes, r.calendar_sequence])).toEqual([
      [first?.startsAt, 60, 0],
      ['2027-04-05T15:00:00.000Z', 90, 2],
      [third?.startsAt, 60, 0],
    ]);
    const audit = await sessionAudit(t, 'session.reschedule');
    expect(audit.map((a) => [a.outcome, a.target_id, a.detail.sequence])).toEqual([
      ['done', second?.sessionId, 1],
      ['done', second?.sessionId, 2],
    ]);
    expect(audit[0]?.detail).toMatchObject({
      from: '2027-03-29T15:30:00.000Z',
      to: '2027-04-06T15:30:00.000Z',
    });

    // Into the past: 400, nothing changed. By a guardian: 403, audited.
    const past = await move(tutor, first?.sessionId, {
      startsAt: '2027-03-09T16:30',
      timeZone: 'Europe/London',
    });
    expect([past.status, (await errorOf(past)).code]).toEqual([400, 'start_in_past']);
    const denied = await move(pat, first?.sessionId, {
      startsAt: '2027-04-20T16:30',
      timeZone: 'Europe/London',
    });
    expect(denied.status).toBe(403);
    expect((await sessionAudit(t, 'session.reschedule')).filter((a) => a.outcome === 'denied')).toHaveLength(
      1,
    );
    // An admin may.
    const admin = await signedInAs(t, 'admin');
    expect(
      (await move(admin, first?.sessionId, { startsAt: '2027-04-20T16:30', timeZone: 'Europe/London' }))
        .status,
    ).toBe(200);

    // Once it has ended, and once cancelled: 409.
    t.clock.now = new Date('2027-04-05T15:30:00.000Z');
    expect((await asAccount(t, tutor, 'POST', `/api/sessions/${third?.sessionId}/cancel`)).status).toBe(200);
    const cancelled = await move(tutor, third?.sessionId, {
      startsAt: '2027-05-06T16:30',
      timeZone: 'Europe/London',
    });
    expect([cancelled.status, (await errorOf(cancelled)).code]).toEqual([409, 'session_cancelled']);
    t.clock.now = new Date('2027-04-05T17:00:00.000Z');
    const ended = await move(tutor, second?.sessionId, {
      startsAt: '2027-05-06T16:30',
      timeZone: 'Europe/London',
    });
    expect([ended.status, (await errorOf(ended)).code]).toEqual([409, 'session_ended']);
    const unscheduled = await create(t, tutor, { studentIds: [sam] });
    const none = await move(tutor, unscheduled.sessionId, {
      startsAt: '2027-05-06T16:30',
      timeZone: 'Europe/London',
    });
    expect([none.status, (await errorOf(none)).code]).toEqual([409, 'not_scheduled']);
  });

  it('cancels one occurrence: its links answer 410, it stays listed as cancelled, a running call must end first', async () => {
    const t = ctx();
    const { tutor, pat, sam } = await family(t);
    const body = await create(t, tutor, { studentIds: [sam], schedule: weeklyLondon(2) });
    const [first, second] = body.occurrences ?? [];
    const cancel = (who: TestAccount, id: string | undefined) =>
      asAccount(t, who, 'POST', `/api/sessions/${id}/cancel`);

    expect((await cancel(pat, second?.sessionId)).status).toBe(403);
    const res = await cancel(tutor, second?.sessionId);
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()) as CancelOccurrenceResponse).toEqual({
      sessionId: second?.sessionId,
      cancelledAt: start.toISOString(),
      sequence: 1,
    });
    const twice = await cancel(tutor, second?.sessionId);
    expect([twice.status, (await errorOf(twice)).code]).toEqual([409, 'session_cancelled']);
    const audit = await sessionAudit(t, 'session.cancel');
    expect(audit.map((a) => [a.outcome, a.target_id])).toEqual([
      ['denied', second?.sessionId],
      ['done', second?.sessionId],
    ]);
    // The series stands while one occurrence is left.
    const series = () => t.db.selectFrom('session_series').select('cancelled_at').executeTakeFirstOrThrow();
    expect((await series()).cancelled_at).toBeNull();

    // Its tutor link now answers 410, at any time.
    t.clock.now = new Date('2027-03-29T15:25:00.000Z');
    const token = tokenOf(body.occurrences?.[1]?.invites?.[0]?.url ?? '');
    const gone = await postJson(t.app, '/api/join', { inviteToken: token });
    expect([gone.status, (await errorOf(gone)).code]).toEqual([410, 'session_cancelled']);
    expect((await t.app.request(`/api/invites/${token}`)).status).toBe(410);
    // The guardian still sees it, marked, with no link.
    t.clock.now = start;
    const mine = (await (await asAccount(t, pat, 'GET', '/api/me/sessions')).json()) as MySessionList;
    const listed = mine.sessions.find((s) => s.sessionId === second?.sessionId);
    expect(listed?.time?.cancelledAt).toBe(start.toISOString());
    expect(listed?.joinUrl).toBeNull();

    // While people are in the first occurrence's call it cannot be cancelled.
    t.clock.now = new Date('2027-03-22T16:25:00.000Z');
    const room = await t.db
      .selectFrom('sessions')
      .select(['id', 'room_name'])
      .where('id', '=', first?.sessionId ?? '')
      .executeTakeFirstOrThrow();
    const s = { sessionId: room.id, roomName: room.room_name } as RecordingSession;
    const tutorSeat = await t.db
      .selectFrom('people')
      .select('livekit_identity')
      .where('session_id', '=', room.id)
      .where('role', '=', 'tutor')
      .executeTakeFirstOrThrow();
    await joinRoom(t, s, tutorSeat.livekit_identity);
    const live = await cancel(tutor, first?.sessionId);
    expect([live.status, (await errorOf(live)).code]).toEqual([409, 'call_in_progress']);
    await leaveRoom(t, s, tutorSeat.livekit_identity);
    expect((await cancel(tutor, first?.sessionId)).status).toBe(200);
    // Every occurrence cancelled: so is the series.
    expect((await series()).cancelled_at).toBe('2027-03-22T16:25:00.000Z');
  });

  it('opens Join ten minutes before the start and closes it fifteen after the end, saying when; a live call lets its people back', async () => {
    const t = ctx();
    const { tutor, sam } = await family(t);
    const body = await create(t, tutor, { studentIds: [sam], schedule: weeklyLondon(1) });
    const token = tokenOf(body.invites[0]?.url ?? '');
    const join = () => postJson(t.app, '/api/join', { inviteToken: token });

    t.clock.now = new Date('2027-03-22T16:19:59.000Z');
    const early = await join();
    expect(early.status).toBe(403);
    const error = await errorOf(early);
    expect(error.code).toBe('join_not_open');
    expect(error.message).toBe(
      'Join opens at 16:20 UTC on Monday, 22 March 2027 (16:20 in Europe/London), 10 minutes before the session starts.',
    );
    expect(error.details).toMatchObject({
      opensAt: '2027-03-22T16:20:00.000Z',
      startsAt: '2027-03-22T16:30:00.000Z',
    });
    expect((await t.app.request(`/api/invites/${token}`)).status).toBe(403);

    t.clock.now = new Date('2027-03-22T16:20:00.000Z');
    expect((await t.app.request(`/api/invites/${token}`)).status).toBe(200);
    expect((await join()).status).toBe(200);
    t.clock.now = new Date('2027-03-22T17:45:00.000Z');
    expect((await join()).status).toBe(200);

    t.clock.now = new Date('2027-03-22T17:45:01.000Z');
    const late = await join();
    expect([late.status, (await errorOf(late)).code]).toEqual([403, 'join_not_open']);

    // Someone still in the call after the window closed may reconnect.
    const room = await t.db.selectFrom('sessions').select(['id', 'room_name']).executeTakeFirstOrThrow();
    const s = { sessionId: room.id, roomName: room.room_name } as RecordingSession;
    const seat = await t.db
      .selectFrom('people')
      .select('livekit_identity')
      .where('role', '=', 'tutor')
      .executeTakeFirstOrThrow();
    await joinRoom(t, s, seat.livekit_identity);
    expect((await join()).status).toBe(200);
  });

  it('lists upcoming sessions by start, the next first, then past ones, latest first', async () => {
    const t = ctx();
    const { tutor, sam } = await family(t);
    const single = (startsAt: string) => ({ startsAt, durationMinutes: 60, timeZone: 'UTC' });
    const past = await create(t, tutor, {
      studentIds: [sam],
      title: 'Past',
      schedule: single('2027-03-10T12:30'),
    });
    const later = await create(t, tutor, {
      studentIds: [sam],
      title: 'Later',
      schedule: single('2027-03-20T09:00'),
    });
    const now = await create(t, tutor, { studentIds: [sam], title: 'Now' });
    const soon = await create(t, tutor, {
      studentIds: [sam],
      title: 'Soon',
      schedule: single('2027-03-11T09:00'),
    });
    // A day on: "Past" is over, "Now" (no time) was made yesterday.
    t.clock.now = new Date('2027-03-11T08:00:00.000Z');
    const mine = (await (await asAccount(t, tutor, 'GET', '/api/me/sessions')).json()) as MySessionList;
    expect(mine.sessions.map((s) => s.title)).toEqual(['Soon', 'Later', 'Past', 'Now']);
    expect(mine.sessions.map((s) => s.sessionId)).toEqual([
      soon.sessionId,
      later.sessionId,
      past.sessionId,
      now.sessionId,
    ]);
    // Join links are given ahead of the window (the page says when it opens).
    expect(mine.sessions[1]?.joinUrl).toMatch(/\/join\//);
  });
});
