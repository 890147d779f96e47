import { describe, expect, it } from 'vitest';
import { createRecordingSession } from '../../test-support/recording-session';
import { useTestApp } from '../../test-support/test-app';
import { testDatabases } from '../../test-support/test-databases';
import { talkTimeSection } from './access-answer-talk';

describe.each(testDatabases)('the access answer’s talk time ($name)', (database) => {
  const ctx = useTestApp(database);

  it('holds the stretches the subject spoke, and nobody else’s', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const row = (id: string, personId: string, identity: string, from: string, to: string | null) => ({
      id,
      session_id: s.sessionId,
      person_id: personId,
      identity,
      started_at: from,
      ended_at: to,
    });
    await t.db
      .insertInto('talk_intervals')
      .values([
        row('1', s.tutor.personId, s.tutor.identity, '2026-12-07T10:00:01.000Z', '2026-12-07T10:00:09.000Z'),
        row(
          '2',
          s.student.personId,
          s.student.identity,
          '2026-12-07T10:00:10.000Z',
          '2026-12-07T10:00:14.000Z',
        ),
        row('3', s.student.personId, s.student.identity, '2026-12-07T10:00:20.000Z', null),
      ])
      .execute();
    const scope = {
      subject: { kind: 'student' as const, name: 'Sam Student', userId: null, studentId: null },
      seats: [
        { id: s.student.personId, sessionId: s.sessionId, name: 'Sam Student', role: 'student' as const },
      ],
    };
    const title = expect.any(String);
    expect(await talkTimeSection(t.db, scope)).toEqual([
      {
        sessionId: s.sessionId,
        sessionTitle: title,
        startedAt: '2026-12-07T10:00:10.000Z',
        endedAt: '2026-12-07T10:00:14.000Z',
      },
      { sessionId: s.sessionId, sessionTitle: title, startedAt: '2026-12-07T10:00:20.000Z', endedAt: null },
    ]);
    expect(await talkTimeSection(t.db, { ...scope, seats: [] })).toEqual([]);
  });
});
