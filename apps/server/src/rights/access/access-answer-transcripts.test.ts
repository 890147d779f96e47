import { describe, expect, it } from 'vitest';
import { createLogger } from '../../logger';
import { seatsOf } from '../../test-support/organisation';
import { recordedSession } from '../../test-support/recordings';
import { type TestApp, useTestApp } from '../../test-support/test-app';
import { testDatabases } from '../../test-support/test-databases';
import { fakeTranscriber } from '../../transcripts/transcript-test-support';
import { createTranscriptWorker } from '../../transcripts/transcript-worker';
import { recordingsOf } from './access-answer-recordings';
import { transcriptSection } from './access-answer-transcripts';

async function samScope(t: TestApp, sessionId: string) {
  const sam = (await seatsOf(t, sessionId)).find((s) => s.name === 'Sam Student');
  if (!sam) throw new Error('no Sam');
  return {
    subject: { kind: 'student' as const, name: 'Sam Student', userId: null, studentId: null },
    seats: [{ id: sam.personId, sessionId, name: 'Sam Student', role: 'student' as const }],
  };
}

describe.each(testDatabases)('the access answer’s transcripts ($name)', (database) => {
  const ctx = useTestApp(database);

  it('lists the transcripts of the subject’s recordings, and no other, without their text', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    await recordedSession(t);
    await createTranscriptWorker({
      db: t.db,
      vault: t.vault,
      policies: t.consent.policies,
      transcriber: fakeTranscriber([{ start: 0, end: 1, text: 'Secret words.' }]),
      logger: createLogger('silent'),
      now: () => t.clock.now,
      pollMs: 60_000,
    }).runOnce();
    const scope = await samScope(t, rec.sessionId);
    const section = await transcriptSection(t.db, await recordingsOf(t.db, scope));
    expect(section).toEqual([
      {
        recordingId: rec.recordingId,
        sessionTitle: 'Algebra, week 3',
        status: 'ready',
        createdAt: t.clock.now.toISOString(),
        readyAt: t.clock.now.toISOString(),
        retainUntil: expect.any(String),
        destroyedAt: null,
      },
    ]);
    expect(JSON.stringify(section)).not.toContain('Secret');
  });
});
