import { describe, expect, it } from 'vitest';
import { say } from '../../test-support/chat';
import { createRecordingSession } from '../../test-support/recording-session';
import { useTestApp } from '../../test-support/test-app';
import { testDatabases } from '../../test-support/test-databases';
import { chatSection } from './access-answer-chat';

describe.each(testDatabases)('the access answer’s chat section ($name)', (database) => {
  const ctx = useTestApp(database);

  it('holds the subject’s own messages, removed ones with their text, and nobody else’s', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const mine = await say(t, s.student.token, 'my question');
    t.clock.now = new Date(t.clock.now.getTime() + 1000);
    await say(t, s.tutor.token, 'the tutor’s answer');
    await t.app.request(`/api/call/chat/${mine.id}/remove`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.tutor.token}` },
    });
    const scope = {
      subject: { kind: 'student' as const, name: 'Sam Student', userId: null, studentId: null },
      seats: [
        { id: s.student.personId, sessionId: s.sessionId, name: 'Sam Student', role: 'student' as const },
      ],
    };
    const section = await chatSection(t.db, scope);
    expect(section).toEqual([
      {
        sessionTitle: expect.any(String),
        sentAt: expect.any(String),
        senderName: expect.any(String),
        text: 'my question',
        removedAt: t.clock.now.toISOString(),
      },
    ]);
    expect(await chatSection(t.db, { ...scope, seats: [] })).toEqual([]);
  });
});
