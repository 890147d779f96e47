import { describe, expect, it } from 'vitest';
import { saveBoard } from '../../board/save-board';
import { createRecordingSession, type RecordingSession } from '../../test-support/recording-session';
import { type TestApp, useTestApp } from '../../test-support/test-app';
import { testDatabases } from '../../test-support/test-databases';
import { boardSection } from './access-answer-board';

const element = (id: string, isDeleted = false) => ({
  id,
  type: 'text',
  version: 1,
  versionNonce: 1,
  isDeleted,
});

async function draw(t: TestApp, s: RecordingSession, elements: object[]) {
  const post = (path: string, token: string, body: unknown) =>
    t.app.request(`/api/call/board/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  expect((await post('open', s.tutor.token, { open: true })).status).toBe(200);
  expect((await post('elements', s.tutor.token, { elements })).status).toBe(200);
}

const scopeOf = (s: RecordingSession) => ({
  subject: { kind: 'student' as const, name: 'Sam Student', userId: null, studentId: null },
  seats: [{ id: s.student.personId, sessionId: s.sessionId, name: 'Sam Student', role: 'student' as const }],
});

describe.each(testDatabases)('the access answer’s whiteboards ($name)', { timeout: 30_000 }, (database) => {
  const ctx = useTestApp(database);

  it('holds the saved board of each session the subject was in, as the editor’s JSON, and no other', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const other = await createRecordingSession(t);
    await draw(t, s, [element('x = 2'), element('erased', true)]);
    await draw(t, other, [element('elsewhere')]);
    // A board still live in the call is not yet session record.
    expect(await boardSection(t.db, scopeOf(s))).toEqual([]);
    await saveBoard(t.db, s.sessionId, t.clock.now);
    await saveBoard(t.db, other.sessionId, t.clock.now);
    expect(await boardSection(t.db, scopeOf(s))).toEqual([
      { sessionTitle: expect.any(String), savedAt: t.clock.now.toISOString(), elements: [element('x = 2')] },
    ]);
    expect(await boardSection(t.db, { ...scopeOf(s), seats: [] })).toEqual([]);
  });
});
