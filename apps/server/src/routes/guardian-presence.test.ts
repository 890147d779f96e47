import { randomUUID } from 'node:crypto';
import type {
  GuardianPresencePage,
  JoinResponse,
  MySessionList,
  SessionGuardianPresence,
} from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { buildSession, type SessionSpec, sampleSpec, seatsOf } from '../test-support/organisation';
import { errorOf, postJson, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const twoFamilies: SessionSpec = {
  title: 'Reading group',
  participants: [
    { name: 'Kit', role: 'student', minor: true },
    { name: 'Tom', role: 'student', minor: true },
    { name: 'Pat Guardian', role: 'guardian', guardianOf: ['Kit'] },
    { name: 'Hugo Guardian', role: 'guardian', guardianOf: ['Tom'] },
  ],
};

/** Writes a presence interval as LiveKit's webhooks would, `from`/`to` in minutes after `start`. */
async function wasThere(
  t: TestApp,
  sessionId: string,
  name: string,
  from: number,
  to: number | null,
  start = t.clock.now.getTime(),
) {
  const person = await t.db
    .selectFrom('people')
    .innerJoin('sessions', 'sessions.id', 'people.session_id')
    .select(['people.id', 'people.livekit_identity', 'sessions.room_name'])
    .where('people.session_id', '=', sessionId)
    .where('people.name', '=', name)
    .executeTakeFirstOrThrow();
  const minute = (m: number) => new Date(start + m * 60_000).toISOString();
  await t.db
    .insertInto('participant_presence')
    .values({
      id: `evt_${randomUUID()}`,
      session_id: sessionId,
      room_name: person.room_name,
      identity: person.livekit_identity,
      person_id: person.id,
      known: 1,
      kind: 'STANDARD',
      joined_at: minute(from),
      left_at: to === null ? null : minute(to),
    })
    .execute();
}

async function presenceOf(t: TestApp, account: TestAccount, sessionId: string) {
  const res = await asAccount(t, account, 'GET', `/api/sessions/${sessionId}/guardian-presence`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as SessionGuardianPresence;
}

async function adminList(t: TestApp, admin: TestAccount, query = '') {
  const res = await asAccount(t, admin, 'GET', `/api/admin/guardian-presence${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as GuardianPresencePage;
}

describe.each(testDatabases)('guardian presence routes ($name)', (database) => {
  const ctx = useTestApp(database);

  it("shows the tutor whether a guardian was there at each child's start and end", async () => {
    const t = ctx();
    const built = await buildSession(t, sampleSpec);
    const id = built.created.sessionId;
    await wasThere(t, id, 'Dana Tutor', 0, 61);
    await wasThere(t, id, 'Sam Student', 1, 60);
    await wasThere(t, id, 'Pat Guardian', 8, 60);
    const record = await presenceOf(t, built.tutor, id);
    expect(record).toMatchObject({ sessionId: id, inProgress: false, missed: true });
    expect(record.minors).toEqual([
      {
        personId: expect.any(String),
        name: 'Sam Student',
        start: 'missed',
        end: 'present',
        guardiansAtStart: [],
        guardiansAtEnd: ['Pat Guardian'],
      },
    ]);
  });

  it('shows a guardian only their own child, and refuses people outside the session', async () => {
    const t = ctx();
    const built = await buildSession(t, twoFamilies);
    const id = built.created.sessionId;
    await wasThere(t, id, 'Kit', 0, 30);
    await wasThere(t, id, 'Tom', 0, 30);
    await wasThere(t, id, 'Pat Guardian', 0, 30);
    const pat = built.guardians['Pat Guardian'] as TestAccount;
    const hugo = built.guardians['Hugo Guardian'] as TestAccount;
    const forPat = await presenceOf(t, pat, id);
    expect(forPat.minors.map((m) => [m.name, m.start, m.end])).toEqual([['Kit', 'present', 'present']]);
    expect(forPat.missed).toBe(false);
    const forHugo = await presenceOf(t, hugo, id);
    expect(forHugo.minors.map((m) => [m.name, m.start, m.end])).toEqual([['Tom', 'missed', 'missed']]);
    expect(forHugo.missed).toBe(true);

    const outsider = await signedInAs(t, 'guardian', 'Olga Outsider');
    const refused = await asAccount(t, outsider, 'GET', `/api/sessions/${id}/guardian-presence`);
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe('forbidden');
    const denied = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('outcome', '=', 'denied')
      .executeTakeFirstOrThrow();
    expect(denied).toMatchObject({ action: 'session.read', target_id: id, actor_user_id: outsider.userId });
  });

  it('answers 404 for a session that does not exist', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const res = await asAccount(t, admin, 'GET', '/api/sessions/nope/guardian-presence');
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
    const signedOut = await asAccount(t, null, 'GET', '/api/sessions/nope/guardian-presence');
    expect(signedOut.status).toBe(401);
  });

  it('lists sessions where a guardian was missed for admins, newest first, paged', async () => {
    const t = ctx();
    const admin = await signedInAs(t, 'admin');
    const start = t.clock.now.getTime();
    const fine = await buildSession(t, { ...sampleSpec, title: 'All present' });
    await wasThere(t, fine.created.sessionId, 'Sam Student', 0, 30, start);
    await wasThere(t, fine.created.sessionId, 'Pat Guardian', 0, 30, start);
    t.clock.now = new Date(start + 3_600_000);
    const missed = await buildSession(t, { ...sampleSpec, title: 'Nobody at the end' });
    await wasThere(t, missed.created.sessionId, 'Sam Student', 0, 30);
    await wasThere(t, missed.created.sessionId, 'Pat Guardian', 0, 10);
    t.clock.now = new Date(start + 7_200_000);
    const live = await buildSession(t, { ...sampleSpec, title: 'Still going' });
    await wasThere(t, live.created.sessionId, 'Sam Student', 0, null);
    await wasThere(t, live.created.sessionId, 'Pat Guardian', 1, null);
    // No minors: never listed.
    await buildSession(t, {
      title: 'Adults only',
      participants: [{ name: 'Ola Adult', role: 'student', minor: false }],
    });

    const onlyMissed = await adminList(t, admin);
    expect(onlyMissed.sessions.map((s) => s.title)).toEqual(['Nobody at the end']);
    expect(onlyMissed.sessions[0]).toMatchObject({
      tutorName: 'Dana Tutor',
      missed: true,
      minors: [{ name: 'Sam Student', start: 'present', end: 'missed' }],
    });
    expect(onlyMissed.nextBefore).toBeNull();

    const all = await adminList(t, admin, '?missedOnly=false');
    expect(all.sessions.map((s) => [s.title, s.inProgress])).toEqual([
      ['Still going', true],
      ['Nobody at the end', false],
      ['All present', false],
    ]);
    expect(all.sessions[0]?.minors[0]).toMatchObject({ start: 'present', end: 'in_progress' });

    const first = await adminList(t, admin, '?missedOnly=false&limit=2');
    expect(first.sessions.map((s) => s.title)).toEqual(['Still going', 'Nobody at the end']);
    expect(first.nextBefore).toBe(missed.created.sessionId);
    const second = await adminList(t, admin, `?missedOnly=false&limit=2&before=${first.nextBefore}`);
    expect(second.sessions.map((s) => s.title)).toEqual(['All present']);
    expect(second.nextBefore).toBeNull();
  });

  it('lets only admins list sessions, and checks the query', async () => {
    const t = ctx();
    for (const role of ['reviewer', 'tutor', 'guardian', 'student'] as const) {
      const account = await signedInAs(t, role);
      const res = await asAccount(t, account, 'GET', '/api/admin/guardian-presence');
      expect(res.status, role).toBe(403);
    }
    expect((await asAccount(t, null, 'GET', '/api/admin/guardian-presence')).status).toBe(401);
    const admin = await signedInAs(t, 'admin');
    for (const query of ['?limit=101', '?missedOnly=maybe', '?limit=0']) {
      const res = await asAccount(t, admin, 'GET', `/api/admin/guardian-presence${query}`);
      expect(res.status, query).toBe(400);
      expect((await errorOf(res)).code).toBe('validation_failed');
    }
  });

  it('adds the verdicts to "Your sessions" for the tutor and the child\'s own guardian only', async () => {
    const t = ctx();
    const built = await buildSession(t, twoFamilies);
    const id = built.created.sessionId;
    await wasThere(t, id, 'Kit', 0, 30);
    await wasThere(t, id, 'Pat Guardian', 0, 30);
    const mine = async (account: TestAccount) => {
      const res = await asAccount(t, account, 'GET', '/api/me/sessions');
      const list = (await res.json()) as MySessionList;
      return list.sessions.find((s) => s.sessionId === id)?.guardianPresence;
    };
    expect((await mine(built.tutor))?.map((m) => [m.name, m.start])).toEqual([
      ['Kit', 'present'],
      ['Tom', 'not_joined'],
    ]);
    expect((await mine(built.guardians['Pat Guardian'] as TestAccount))?.map((m) => m.name)).toEqual(['Kit']);
    expect((await mine(built.guardians['Hugo Guardian'] as TestAccount))?.map((m) => m.start)).toEqual([
      'not_joined',
    ]);
  });

  it("tells only the tutor's call which minors need a guardian, and whose", async () => {
    const t = ctx();
    const built = await buildSession(t, twoFamilies);
    const seats = await seatsOf(t, built.created.sessionId);
    const joinAs = async (name: string) => {
      const seat = seats.find((s) => s.name === name);
      const res = await postJson(t.app, '/api/join', { inviteToken: seat?.token });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as JoinResponse;
    };
    const idOf = (name: string) => seats.find((s) => s.name === name)?.personId;
    const tutor = await joinAs('Dana Tutor');
    expect(tutor.minors).toEqual([
      { personId: idOf('Kit'), name: 'Kit', guardianPersonIds: [idOf('Pat Guardian')] },
      { personId: idOf('Tom'), name: 'Tom', guardianPersonIds: [idOf('Hugo Guardian')] },
    ]);
    expect((await joinAs('Pat Guardian')).minors).toBeUndefined();
  });
});
