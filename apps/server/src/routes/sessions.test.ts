import type { CreateSessionResponse, MySession, MySessionList } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { asAccount, signedInAs } from '../test-support/accounts';
import {
  agreedGuardian,
  buildSession,
  enrolledBy,
  enrolStudent,
  sampleSpec,
} from '../test-support/organisation';
import { errorOf, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('sessions belong to tutors ($name)', (database) => {
  const ctx = useTestApp(database);

  it('creates the session for enrolled students, their guardians following, and hands out only the tutor’s and guests’ links', async () => {
    const t = ctx();
    const tutor = await signedInAs(t, 'tutor', 'Dana Tutor');
    const pat = await agreedGuardian(t, 'Pat Guardian');
    const sam = await enrolStudent(t, 'Sam Student', true, [pat]);
    await enrolledBy(t, tutor, sam);
    const res = await asAccount(t, tutor, 'POST', '/api/sessions', {
      title: 'Algebra, week 3',
      studentIds: [sam],
      guests: [{ name: 'Ola Adult' }],
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as CreateSessionResponse;
    expect(body.sessionId).toMatch(/^ses_[\w-]{22}$/);
    expect(body.invites.map((i) => [i.name, i.role, i.minor])).toEqual([
      ['Dana Tutor', 'tutor', false],
      ['Ola Adult', 'student', false],
    ]);
    for (const invite of body.invites) {
      expect(invite.url).toMatch(/^http:\/\/assent\.test\/join\/[\w-]+\.[\w-]+\.[\w-]+$/);
    }

    const session = await t.db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(session.owner_user_id).toBe(tutor.userId);
    expect(session.room_name).toMatch(/^rm_[\w-]{22}$/);
    const people = await t.db.selectFrom('people').selectAll().orderBy('position').execute();
    expect(people.map((p) => [p.name, p.role, p.minor, p.user_id, p.student_id])).toEqual([
      ['Dana Tutor', 'tutor', 0, tutor.userId, null],
      ['Sam Student', 'student', 1, null, sam],
      ['Pat Guardian', 'guardian', 0, pat.userId, null],
      ['Ola Adult', 'student', 0, null, null],
    ]);
    for (const person of people) expect(person.livekit_identity).toMatch(/^p_[\w-]{22}$/);
    const links = await t.db.selectFrom('guardian_links').selectAll().execute();
    expect(links.map((l) => [l.guardian_person_id, l.student_person_id])).toEqual([
      [people[2]?.id, people[1]?.id],
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', '=', 'session.create')
      .execute();
    expect(audit).toEqual([{ action: 'session.create', target_id: body.sessionId }]);
  });

  it('gives a guardian with two children in one session one seat, guardian of both', async () => {
    const t = ctx();
    const tutor = await signedInAs(t, 'tutor');
    const pat = await agreedGuardian(t, 'Pat');
    const ana = await enrolStudent(t, 'Ana', true, [pat]);
    const ben = await enrolStudent(t, 'Ben', true, [pat]);
    for (const id of [ana, ben]) await enrolledBy(t, tutor, id);
    const res = await asAccount(t, tutor, 'POST', '/api/sessions', {
      title: 'Siblings',
      studentIds: [ana, ben],
    });
    expect(res.status).toBe(201);
    const people = await t.db.selectFrom('people').select(['name', 'role']).orderBy('position').execute();
    expect(people.map((p) => p.name)).toEqual([tutor.name, 'Ana', 'Ben', 'Pat']);
    expect(await countRows(t.db, 'guardian_links')).toBe(2);
  });

  it('refuses anyone signed out (401) and every role but tutor and admin (403, audited), writing nothing', async () => {
    const t = ctx();
    const body = { title: 'Nope', guests: [{ name: 'Ola' }] };
    const signedOut = await asAccount(t, null, 'POST', '/api/sessions', body);
    expect(signedOut.status).toBe(401);
    expect((await errorOf(signedOut)).code).toBe('unauthorized');
    for (const role of ['guardian', 'student', 'reviewer'] as const) {
      const account = await signedInAs(t, role);
      const res = await asAccount(t, account, 'POST', '/api/sessions', body);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe('forbidden');
    }
    expect(await countRows(t.db, 'sessions')).toBe(0);
    const denials = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role'])
      .where('outcome', '=', 'denied')
      .execute();
    expect(denials).toEqual([
      { action: 'session.create', actor_role: 'guardian' },
      { action: 'session.create', actor_role: 'student' },
      { action: 'session.create', actor_role: 'reviewer' },
    ]);
  });

  it('answers validation_failed with field issues for bad input and unknown students, writing nothing', async () => {
    const t = ctx();
    const tutor = await signedInAs(t, 'tutor');
    const empty = await asAccount(t, tutor, 'POST', '/api/sessions', { title: '' });
    expect(empty.status).toBe(400);
    const error = await errorOf(empty);
    expect(error.code).toBe('validation_failed');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['studentIds', 'title']);
    const unknown = await asAccount(t, tutor, 'POST', '/api/sessions', { title: 'X', studentIds: ['nope'] });
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).issues).toEqual([
      { path: 'studentIds.0', message: 'There is no such student' },
    ]);
    expect(await countRows(t.db, 'sessions')).toBe(0);
  });

  it('refuses a cookie-carrying change from another site', async () => {
    const t = ctx();
    const tutor = await signedInAs(t, 'tutor');
    const res = await t.app.request('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: tutor.cookie, origin: 'https://evil.example' },
      body: JSON.stringify({ title: 'X', guests: [{ name: 'Ola' }] }),
    });
    expect(res.status).toBe(403);
    expect(await countRows(t.db, 'sessions')).toBe(0);
  });

  it('answers validation_failed for malformed JSON and 415 for a body that is not JSON', async () => {
    const t = ctx();
    const tutor = await signedInAs(t, 'tutor');
    const headers = { cookie: tutor.cookie, origin: 'http://assent.test' };
    const malformed = await t.app.request('/api/sessions', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe('validation_failed');
    const form = await t.app.request('/api/sessions', { method: 'POST', headers, body: 'title=x' });
    expect(form.status).toBe(415);
  });
});

describe.each(testDatabases)('your sessions ($name)', (database) => {
  const ctx = useTestApp(database);

  it('lists each person’s sessions with their own join link, and a guardian’s child’s link', async () => {
    const t = ctx();
    const { created, tutor, guardians } = await buildSession(t, sampleSpec);
    const mine = async (account: typeof tutor) =>
      ((await (await asAccount(t, account, 'GET', '/api/me/sessions')).json()) as MySessionList).sessions;

    const [tutorView] = await mine(tutor);
    expect(tutorView).toMatchObject({
      sessionId: created.sessionId,
      role: 'tutor',
      refusal: null,
      children: [],
    });
    expect(tutorView?.joinUrl).toMatch(/\/join\//);

    const pat = guardians['Pat Guardian'];
    if (!pat) throw new Error('no guardian');
    const [patView] = await mine(pat);
    expect(patView).toMatchObject({ role: 'guardian', children: [{ name: 'Sam Student', refusal: null }] });
    expect(patView?.children[0]?.joinUrl).toMatch(/\/join\//);
    expect(patView?.people.map((p) => p.role)).toEqual(['tutor', 'student', 'guardian']);

    const stranger = await signedInAs(t, 'tutor');
    expect(await mine(stranger)).toEqual([]);
  });

  it('lets the owner, attendees and staff read a session, and refuses another tutor (audited)', async () => {
    const t = ctx();
    const { created, tutor, guardians } = await buildSession(t, sampleSpec);
    const path = `/api/sessions/${created.sessionId}`;
    for (const account of [
      tutor,
      guardians['Pat Guardian'],
      await signedInAs(t, 'admin'),
      await signedInAs(t, 'reviewer'),
    ]) {
      const res = await asAccount(t, account ?? null, 'GET', path);
      expect(res.status).toBe(200);
      expect(((await res.json()) as MySession).title).toBe(sampleSpec.title);
    }
    const other = await signedInAs(t, 'tutor', 'Olga Other');
    const refused = await asAccount(t, other, 'GET', path);
    expect(refused.status).toBe(403);
    const denial = await t.db
      .selectFrom('audit_log')
      .select(['action', 'target_id', 'actor_user_id'])
      .where('outcome', '=', 'denied')
      .executeTakeFirst();
    expect(denial).toEqual({
      action: 'session.read',
      target_id: created.sessionId,
      actor_user_id: other.userId,
    });
    expect((await asAccount(t, other, 'GET', '/api/sessions/ses_nope')).status).toBe(404);
  });
});
