import { RecordingTranscript } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs, type TestAccount } from '../test-support/accounts';
import { seatsOf } from '../test-support/organisation';
import { recordedSession } from '../test-support/recordings';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { fakeTranscriber, talked } from '../transcripts/transcript-test-support';
import { createTranscriptWorker } from '../transcripts/transcript-worker';

const dayMs = 86_400_000;

async function setPolicy(t: TestApp, change: Record<string, unknown>) {
  const admin = await signedInAs(t, 'admin');
  const current = await t.consent.policies.current();
  await savePolicy(
    t.db,
    { userId: admin.userId, role: 'admin' },
    { ...current.policy, ...change, basedOnVersion: (await latestPolicyVersion(t.db)) ?? 1 } as never,
    t.clock.now,
  );
}

const runWorker = (t: TestApp) =>
  createTranscriptWorker({
    db: t.db,
    vault: t.vault,
    policies: t.consent.policies,
    transcriber: fakeTranscriber([
      { start: 1, end: 3, text: 'What is seven squared?' },
      { start: 4, end: 5, text: 'Forty-nine.' },
    ]),
    logger: createLogger('silent'),
    now: () => t.clock.now,
    pollMs: 60_000,
  }).runOnce();

async function read(t: TestApp, who: TestAccount, recordingId: string) {
  return asAccount(t, who, 'GET', `/api/recordings/${recordingId}/transcript`);
}

async function body(res: Response): Promise<RecordingTranscript> {
  expect(res.status, await res.clone().text()).toBe(200);
  return RecordingTranscript.parse(await res.json());
}

const reads = (t: TestApp) =>
  t.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'outcome', 'target_id'])
    .where('action', '=', 'transcript.read')
    .orderBy('seq')
    .execute();

describe.each(testDatabases)('GET /api/recordings/:recordingId/transcript ($name)', (database) => {
  const ctx = useTestApp(database);

  it('gives whoever may watch the recording its status, then its lines with speakers, auditing each read', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    const started = await t.db
      .selectFrom('recordings')
      .select('started_at')
      .where('id', '=', rec.recordingId)
      .executeTakeFirstOrThrow();
    const seats = await seatsOf(t, rec.sessionId);
    const tutorSeat = seats.find((s) => s.role === 'tutor');
    const sam = seats.find((s) => s.name === 'Sam Student');
    if (!tutorSeat || !sam) throw new Error('no seats');
    await talked(t, rec.sessionId, tutorSeat.personId, started.started_at ?? '', 1, 3);
    await talked(t, rec.sessionId, sam.personId, started.started_at ?? '', 3.9, 5.2);

    expect(await body(await read(t, rec.tutor, rec.recordingId))).toEqual({
      recordingId: rec.recordingId,
      status: 'none',
      lines: [],
    });
    await runWorker(t);
    expect(await body(await read(t, rec.tutor, rec.recordingId))).toEqual({
      recordingId: rec.recordingId,
      status: 'ready',
      lines: [
        { start: 1, end: 3, text: 'What is seven squared?', speaker: { name: 'Dana Tutor', role: 'tutor' } },
        { start: 4, end: 5, text: 'Forty-nine.', speaker: { name: 'Sam Student', role: 'student' } },
      ],
    });
    expect(await reads(t)).toEqual([
      { actor_user_id: rec.tutor.userId, outcome: 'done', target_id: rec.recordingId },
      { actor_user_id: rec.tutor.userId, outcome: 'done', target_id: rec.recordingId },
    ]);
  });

  it('answers 404 alike to someone who may not watch it and for a missing recording, auditing both', async () => {
    const t = ctx();
    const rec = await recordedSession(t);
    await runWorker(t);
    const stranger = await signedInAs(t, 'tutor', 'Other Tutor');
    const refused = await read(t, stranger, rec.recordingId);
    expect(refused.status).toBe(404);
    const refusal = await errorOf(refused);
    expect(refusal.code).toBe('not_found');
    const missing = await read(t, stranger, 'rec_missing');
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toEqual(refusal);
    expect(await reads(t)).toEqual([
      { actor_user_id: stranger.userId, outcome: 'denied', target_id: rec.recordingId },
      { actor_user_id: stranger.userId, outcome: 'denied', target_id: 'rec_missing' },
    ]);
    const signedOut = await t.app.request(`/api/recordings/${rec.recordingId}/transcript`);
    expect(signedOut.status).toBe(401);
  });

  it('says queued, failed and destroyed as they are, and reads a transcript that outlived its media', async () => {
    const t = ctx();
    await setPolicy(t, { transcriptRetentionDays: 30 });
    const rec = await recordedSession(t);
    const other = await recordedSession(t);
    await createTranscriptWorker({
      db: t.db,
      vault: t.vault,
      policies: t.consent.policies,
      transcriber: fakeTranscriber([]),
      logger: createLogger('silent'),
      now: () => t.clock.now,
      pollMs: 60_000,
      maxAttempts: 0,
    }).runOnce();
    expect((await body(await read(t, rec.tutor, rec.recordingId))).status).toBe('queued');
    await t.db
      .updateTable('transcripts')
      .set({ status: 'failed' })
      .where('recording_id', '=', other.recordingId)
      .execute();
    expect((await body(await read(t, other.tutor, other.recordingId))).status).toBe('failed');
    await runWorker(t);
    // Past the transcript's own retention (30 days) but not the media's (90): destroyed, media kept.
    const start = t.clock.now.getTime();
    await t.vault.sweep(new Date(start + 31 * dayMs));
    expect(await body(await read(t, rec.tutor, rec.recordingId))).toEqual({
      recordingId: rec.recordingId,
      status: 'destroyed',
      lines: [],
    });
  });

  it('keeps a transcript readable after the recording’s retention destroyed the media', async () => {
    const t = ctx();
    await setPolicy(t, { transcriptRetentionDays: 400 });
    const rec = await recordedSession(t);
    await runWorker(t);
    await t.vault.sweep(new Date(t.clock.now.getTime() + 91 * dayMs));
    const row = await t.db.selectFrom('recordings').select('status').executeTakeFirstOrThrow();
    expect(row.status).toBe('destroyed');
    const admin = await signedInAs(t, 'admin');
    const answer = await body(await read(t, admin, rec.recordingId));
    expect(answer.status).toBe('ready');
    expect(answer.lines).toHaveLength(2);
  });
});
