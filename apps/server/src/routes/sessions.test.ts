import type { CreateSessionResponse } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { createSampleSession, errorOf, postJson, sampleSession, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('POST /api/sessions ($name)', (database) => {
  const ctx = useTestApp(database);

  it('creates the session, one person per invitee plus the tutor, and one invite link each', async () => {
    const { app, db } = ctx();
    const body = await createSampleSession(app);

    expect(body.sessionId).toMatch(/^ses_[\w-]{22}$/);
    expect(body.title).toBe(sampleSession.title);
    expect(body.invites.map((i) => [i.name, i.role, i.minor])).toEqual([
      ['Dana Tutor', 'tutor', false],
      ['Sam Student', 'student', true],
      ['Pat Guardian', 'guardian', false],
    ]);
    for (const invite of body.invites) {
      expect(invite.url).toMatch(/^http:\/\/assent\.test\/join\/[\w-]+\.[\w-]+\.[\w-]+$/);
      expect(Date.parse(invite.expiresAt) - Date.now()).toBeGreaterThan(71 * 3600 * 1000);
    }

    const session = await db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
    expect(session.room_name).toMatch(/^rm_[\w-]{22}$/);
    expect(session.room_name).not.toContain('Algebra');
    const people = await db.selectFrom('people').selectAll().orderBy('position').execute();
    expect(people).toHaveLength(3);
    for (const person of people) {
      expect(person.livekit_identity).toMatch(/^p_[\w-]{22}$/);
      expect(person.livekit_identity).not.toContain(person.name.split(' ')[0]);
    }
    expect(new Set(people.map((p) => p.livekit_identity)).size).toBe(3);
  });

  it('answers validation_failed with field issues and writes nothing', async () => {
    const { app, db } = ctx();
    const res = await postJson(app, '/api/sessions', { title: '', tutorName: 'T', participants: [] });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['participants', 'title']);
    expect(error.issues?.[0]?.message).toEqual(expect.any(String));
    expect(await countRows(db, 'sessions')).toBe(0);
  });

  it('reports nested paths for a bad invitee', async () => {
    const { app } = ctx();
    const res = await postJson(app, '/api/sessions', {
      ...sampleSession,
      participants: [{ name: 'X', role: 'admin' }],
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).issues?.[0]?.path).toBe('participants.0.role');
  });

  it('stores whose guardian each guardian is; a guardian who names nobody is guardian of every student', async () => {
    const { app, db } = ctx();
    const res = await postJson(app, '/api/sessions', {
      ...sampleSession,
      participants: [
        { name: 'Ana', role: 'student', minor: true },
        { name: 'Ben', role: 'student', minor: true },
        { name: 'Gail', role: 'guardian', guardianOf: [' Ana '] },
        { name: 'Pat', role: 'guardian' },
      ],
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as CreateSessionResponse;
    expect(body.invites.map((i) => [i.name, i.guardianOf])).toEqual([
      ['Dana Tutor', []],
      ['Ana', []],
      ['Ben', []],
      ['Gail', ['Ana']],
      ['Pat', ['Ana', 'Ben']],
    ]);
    const idOf = new Map(body.invites.map((i) => [i.personId, i.name]));
    const links = await db.selectFrom('guardian_links').selectAll().execute();
    expect(
      links.map((l) => `${idOf.get(l.guardian_person_id)}→${idOf.get(l.student_person_id)}`).sort(),
    ).toEqual(['Gail→Ana', 'Pat→Ana', 'Pat→Ben']);
    expect(new Set(links.map((l) => l.session_id))).toEqual(new Set([body.sessionId]));
  });

  it('refuses guardian links that name no student of the request, or come from a student, and writes nothing', async () => {
    const { app, db } = ctx();
    const res = await postJson(app, '/api/sessions', {
      ...sampleSession,
      participants: [
        { name: 'Ana', role: 'student', minor: true, guardianOf: ['Ana'] },
        { name: 'Gail', role: 'guardian' },
        { name: 'Hugo', role: 'guardian', guardianOf: ['Ana', 'Benn', 'Gail'] },
      ],
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toEqual([
      { path: 'participants.0.guardianOf', message: 'Only a guardian can be guardian of a student' },
      { path: 'participants.2.guardianOf.1', message: 'No student called “Benn” is invited' },
      { path: 'participants.2.guardianOf.2', message: 'No student called “Gail” is invited' },
    ]);
    expect(await countRows(db, 'sessions')).toBe(0);
    expect(await countRows(db, 'guardian_links')).toBe(0);
  });

  it('answers validation_failed for malformed JSON', async () => {
    const { app } = ctx();
    const res = await app.request('/api/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"title": ',
    });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('validation_failed');
  });

  it('refuses a body that is not JSON', async () => {
    const { app } = ctx();
    const res = await app.request('/api/sessions', { method: 'POST', body: 'title=x' });
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('validation_failed');
  });
});
