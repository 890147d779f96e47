import type { AccessRequest } from '@assent/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logger';
import { asAccount, signedInAs, type TestAccount } from '../../test-support/accounts';
import { seatsOf } from '../../test-support/organisation';
import { recordedSession } from '../../test-support/recordings';
import { type TestApp, useTestApp } from '../../test-support/test-app';
import { testDatabases } from '../../test-support/test-databases';
import { fakeTranscriber, talked } from '../../transcripts/transcript-test-support';
import { createTranscriptWorker } from '../../transcripts/transcript-worker';
import { spokenBy } from './access-transcript-lines';

const segments = [
  { start: 1, end: 4, text: 'Today we factorise quadratics, Sam.' },
  { start: 5, end: 8, text: 'I think x equals two.' },
  { start: 10, end: 12, text: 'Yes, "two", well done.' },
  { start: 30, end: 31, text: 'Hmm.' },
];

/** A stored, transcribed recording: Dana speaks at 1–4 s and 10–12 s of it, Sam at 5–8 s. */
async function transcribedSession(t: TestApp) {
  const rec = await recordedSession(t);
  const recording = await t.db
    .selectFrom('recordings')
    .select('started_at')
    .where('id', '=', rec.recordingId)
    .executeTakeFirstOrThrow();
  const seats = await seatsOf(t, rec.sessionId);
  const base = recording.started_at ?? '';
  const dana = seats.find((s) => s.role === 'tutor');
  const sam = seats.find((s) => s.name === 'Sam Student');
  if (!dana || !sam) throw new Error('no seats');
  await talked(t, rec.sessionId, dana.personId, base, 0.5, 4.2);
  await talked(t, rec.sessionId, sam.personId, base, 4.8, 8.5);
  await talked(t, rec.sessionId, dana.personId, base, 9.5, 12.5);
  await createTranscriptWorker({
    db: t.db,
    vault: t.vault,
    policies: t.consent.policies,
    transcriber: fakeTranscriber(segments),
    logger: createLogger('silent'),
    now: () => t.clock.now,
    pollMs: 60_000,
  }).runOnce();
  return { ...rec, base, sam: rec.built.studentIds['Sam Student'] as string };
}

/** Asked by `asker`, compiled and released by an admin; answers the downloaded archive's files. */
async function answered(t: TestApp, asker: TestAccount, subject: unknown) {
  const created = await asAccount(t, asker, 'POST', '/api/me/access-requests', { subject });
  const request = (await created.json()) as AccessRequest;
  const admin = await signedInAs(t, 'admin', 'Ada Admin');
  expect((await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/answer`)).status).toBe(
    200,
  );
  expect((await asAccount(t, admin, 'POST', `/api/admin/access-requests/${request.id}/release`)).status).toBe(
    200,
  );
  const download = async () => {
    const res = await asAccount(t, asker, 'GET', `/api/me/access-requests/${request.id}/archive`);
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    return (name: string) => strFromU8(files[name] as Uint8Array);
  };
  return { id: request.id, download };
}

const transcriptReads = (t: TestApp) =>
  t.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'target_id', 'detail', 'outcome'])
    .where('action', '=', 'transcript.read')
    .orderBy('seq')
    .execute();

describe('whose a transcript line is', () => {
  const seats = [
    { id: 'p-sam', sessionId: 's', name: 'Sam Student', role: 'student' as const },
    { id: 'p-sam-2', sessionId: 's', name: 'Sam', role: 'guardian' as const },
  ];
  const sam = { name: 'Sam Student', role: 'student' };

  it('is the seat the transcript attributed it to, whatever the name says', () => {
    expect(spokenBy(seats, 'p-sam', sam)?.id).toBe('p-sam');
    expect(spokenBy(seats, 'p-other', sam)).toBeUndefined();
    expect(spokenBy(seats, null, null)).toBeUndefined();
  });

  it('in a transcript from before seats were kept with its lines, the seat of that name and part', () => {
    expect(spokenBy(seats, undefined, sam)?.id).toBe('p-sam');
    expect(spokenBy(seats, undefined, { name: 'Sam', role: 'student' })).toBeUndefined();
    expect(spokenBy(seats, undefined, null)).toBeUndefined();
  });
});

describe.each(testDatabases)('the access archive’s talk time and transcripts ($name)', (database) => {
  const ctx = useTestApp(database);
  afterEach(async () => {
    await ctx().db.deleteFrom('access_requests').execute();
  });

  it('holds the lines the subject spoke in a recording they may watch, their talk time and the transcripts', async () => {
    const t = ctx();
    const rec = await transcribedSession(t);
    const { id, download } = await answered(t, rec.tutor, { kind: 'self' });
    const file = await download();

    expect(file('transcript-lines.csv')).toBe(
      [
        'recording_id,session,start_seconds,end_seconds,speaker,text',
        `${rec.recordingId},"Algebra, week 3",1,4,Dana Tutor,"Today we factorise quadratics, Sam."`,
        `${rec.recordingId},"Algebra, week 3",10,12,Dana Tutor,"Yes, ""two"", well done."`,
        '',
      ].join('\r\n'),
    );
    expect(file('transcript-lines.csv')).not.toContain('x equals two');
    const at = (s: number) => new Date(Date.parse(rec.base) + s * 1000).toISOString();
    expect(file('talk-time.csv')).toBe(
      [
        'session_id,session,started_at,ended_at,seconds',
        `${rec.sessionId},"Algebra, week 3",${at(0.5)},${at(4.2)},3.7`,
        `${rec.sessionId},"Algebra, week 3",${at(9.5)},${at(12.5)},3`,
        '',
      ].join('\r\n'),
    );
    expect(file('transcripts.csv')).toMatch(
      new RegExp(`^recording_id,session,status,.*\\r\\n${rec.recordingId},"Algebra, week 3",ready,`),
    );
    expect(file('README.txt')).toContain('transcript-lines.csv');
    // The stored answer never holds the text; the archive read it from the vault, and that reading is audited.
    expect(file('answer.json')).not.toContain('quadratics');
    expect(await transcriptReads(t)).toEqual([
      {
        actor_user_id: rec.tutor.userId,
        target_id: rec.recordingId,
        outcome: 'done',
        detail: JSON.stringify({
          sessionId: rec.sessionId,
          recordingId: rec.recordingId,
          status: 'ready',
          accessRequestId: id,
          subjectLines: 2,
        }),
      },
    ]);

    // A transcript no longer held gives no lines.
    await t.db.updateTable('transcripts').set({ status: 'destroyed' }).execute();
    const later = await download();
    expect(later('transcript-lines.csv')).toBe(
      'recording_id,session,start_seconds,end_seconds,speaker,text\r\n',
    );
    expect(await transcriptReads(t)).toHaveLength(1);
  });

  it('gives no lines of a recording the subject may not watch, and reads no transcript for it', async () => {
    const t = ctx();
    const rec = await transcribedSession(t);
    // Sam has no sign-in of their own: they may watch nothing, though Sam spoke.
    const { download } = await answered(t, rec.guardian, { kind: 'student', studentId: rec.sam });
    const file = await download();
    expect(file('transcript-lines.csv')).toBe(
      'recording_id,session,start_seconds,end_seconds,speaker,text\r\n',
    );
    expect(file('talk-time.csv').split('\r\n')).toHaveLength(3);
    expect(file('talk-time.csv')).toContain(',3.7\r\n');
    expect(await transcriptReads(t)).toEqual([]);
  });
});
