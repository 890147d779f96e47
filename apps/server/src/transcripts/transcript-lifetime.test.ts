import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { asAccount, signedInAs } from '../test-support/accounts';
import { seatsOf } from '../test-support/organisation';
import { logEntry, recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { findRecording } from '../vault/recording-repository';
import { transcriptBlobPath } from '../vault/transcript-blobs';
import { fakeTranscriber } from './transcript-test-support';
import { createTranscriptWorker } from './transcript-worker';

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

/** A recorded session with its transcript made. */
async function transcribed(t: TestApp) {
  const rec = await recordedSession(t);
  const worker = createTranscriptWorker({
    db: t.db,
    vault: t.vault,
    policies: t.consent.policies,
    transcriber: fakeTranscriber([{ start: 0, end: 2, text: 'Hello Sam.' }]),
    logger: createLogger('silent'),
    now: () => t.clock.now,
    pollMs: 60_000,
  });
  expect(await worker.runOnce()).toMatchObject({ ready: 1 });
  const row = await t.db
    .selectFrom('transcripts')
    .selectAll()
    .where('recording_id', '=', rec.recordingId)
    .executeTakeFirstOrThrow();
  expect(existsSync(transcriptBlobPath(t.vault.files, row.id))).toBe(true);
  return { rec, transcriptId: row.id };
}

async function transcriptState(t: TestApp, id: string) {
  const row = await t.db
    .selectFrom('transcripts')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const key = await t.db
    .selectFrom('transcript_keys')
    .select('transcript_id')
    .where('transcript_id', '=', id)
    .executeTakeFirst();
  return {
    status: row.status,
    key: key !== undefined,
    blob: existsSync(transcriptBlobPath(t.vault.files, id)),
  };
}

const ready = { status: 'ready', key: true, blob: true };
const destroyed = { status: 'destroyed', key: false, blob: false };

const transcriptRecords = (t: TestApp) =>
  t.db.selectFrom('deletion_records').selectAll().where('purpose', '=', 'transcript').execute();

async function openReport(t: TestApp, sessionId: string) {
  const id = `rep_${randomUUID()}`;
  await t.db
    .insertInto('concern_reports')
    .values({
      id,
      session_id: sessionId,
      reporter_user_id: null,
      reporter_person_id: null,
      reporter_name: 'Sam Student',
      reporter_role: 'student',
      category: 'safeguarding',
      description: 'Something worried me',
      during_call: 0,
      status: 'open',
      created_at: t.clock.now.toISOString(),
      closed_at: null,
      closed_by_user_id: null,
      outcome: null,
      corrective_actions: null,
      reporter_told_at: null,
    })
    .execute();
  return () => t.db.deleteFrom('concern_reports').where('id', '=', id).execute();
}

describe.each(testDatabases)('a transcript’s life ($name)', (database) => {
  const ctx = useTestApp(database);

  it('is destroyed with its recording when someone withdraws under the erase rule, with a deletion record', async () => {
    const t = ctx();
    await setPolicy(t, { withdrawalRule: 'erase' });
    const { rec, transcriptId } = await transcribed(t);
    const sam = (await seatsOf(t, rec.sessionId)).find((s) => s.name === 'Sam Student');
    if (!sam) throw new Error('no Sam');
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await logEntry(t, rec.sessionId, sam, 'withdraw', 'req_later', 'quality_assurance', 30);
    expect(await t.vault.afterWithdrawal(rec.sessionId)).toBe(1);
    expect(await transcriptState(t, transcriptId)).toEqual(destroyed);
    const records = await transcriptRecords(t);
    expect(records).toEqual([
      expect.objectContaining({
        recording_id: transcriptId,
        session_id: rec.sessionId,
        reason: 'withdrawal',
      }),
    ]);
    expect(records[0]?.detail).toMatch(/^Sam Student withdrew consent/);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'transcript.destroyed')
      .execute();
    expect(audit).toEqual([{ target_id: transcriptId }]);
  });

  it('is destroyed with its recording when a deletion request is approved', async () => {
    const t = ctx();
    const { rec, transcriptId } = await transcribed(t);
    const other = await transcribed(t);
    const asked = await asAccount(
      t,
      rec.guardian,
      'POST',
      `/api/recordings/${rec.recordingId}/deletion-request`,
      {
        reason: 'Please delete it',
      },
    );
    expect(asked.status).toBe(201);
    const request = (await asked.json()) as { id: string };
    const admin = await signedInAs(t, 'admin', 'Ada Admin');
    const res = await asAccount(t, admin, 'POST', `/api/admin/deletion-requests/${request.id}/decision`, {
      decision: 'approve',
      reason: 'Recorded by mistake',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await transcriptState(t, transcriptId)).toEqual(destroyed);
    expect(await transcriptState(t, other.transcriptId)).toEqual(ready);
    expect(await transcriptRecords(t)).toEqual([
      expect.objectContaining({
        recording_id: transcriptId,
        reason: 'decision',
        decided_by_user_id: admin.userId,
      }),
    ]);
  });

  it('outlives media destroyed by the recording’s retention, then goes by its own, unless a report holds it', async () => {
    const t = ctx();
    await setPolicy(t, { transcriptRetentionDays: 400 });
    const { rec, transcriptId } = await transcribed(t);
    const start = t.clock.now.getTime();
    // The purpose keeps media 90 days: the recording goes, the transcript stays.
    const swept = await t.vault.sweep(new Date(start + 91 * dayMs));
    expect(swept).toMatchObject({ expired: 1, dataClasses: { transcript: { destroyed: 0, held: 0 } } });
    expect((await findRecording(t.db, rec.recordingId))?.status).toBe('destroyed');
    expect(await transcriptState(t, transcriptId)).toEqual(ready);
    expect(await transcriptRecords(t)).toEqual([]);

    // Past its own retention, an open report holds it…
    const closeReport = await openReport(t, rec.sessionId);
    try {
      const held = await t.vault.sweep(new Date(start + 401 * dayMs));
      expect(held.dataClasses.transcript).toEqual({ destroyed: 0, held: 1 });
      expect(await transcriptState(t, transcriptId)).toEqual(ready);
    } finally {
      await closeReport();
    }
    // …and once closed, the next sweep destroys it, with a deletion record of the transcript class.
    const after = await t.vault.sweep(new Date(start + 401 * dayMs));
    expect(after.dataClasses.transcript).toEqual({ destroyed: 1, held: 0 });
    expect(await transcriptState(t, transcriptId)).toEqual(destroyed);
    expect(await transcriptRecords(t)).toEqual([
      expect.objectContaining({ recording_id: transcriptId, reason: 'retention', decided_by_user_id: null }),
    ]);
  });

  it('outliving its media, still follows its consent: a later withdrawal under the erase rule destroys it', async () => {
    const t = ctx();
    await setPolicy(t, { withdrawalRule: 'erase', transcriptRetentionDays: 400 });
    const { rec, transcriptId } = await transcribed(t);
    const start = t.clock.now.getTime();
    await t.vault.sweep(new Date(start + 91 * dayMs));
    expect((await findRecording(t.db, rec.recordingId))?.status).toBe('destroyed');
    expect(await transcriptState(t, transcriptId)).toEqual(ready);
    const sam = (await seatsOf(t, rec.sessionId)).find((s) => s.name === 'Sam Student');
    if (!sam) throw new Error('no Sam');
    t.clock.now = new Date(start + 92 * dayMs);
    await logEntry(t, rec.sessionId, sam, 'withdraw', 'req_later', 'quality_assurance', 30);
    // No recording left to destroy; the transcript goes, with its deletion record.
    expect(await t.vault.afterWithdrawal(rec.sessionId)).toBe(0);
    expect(await transcriptState(t, transcriptId)).toEqual(destroyed);
    const records = await transcriptRecords(t);
    expect(records).toEqual([expect.objectContaining({ recording_id: transcriptId, reason: 'withdrawal' })]);
    expect(records[0]?.detail).toMatch(/^Sam Student withdrew consent/);
  });

  it('is held with its recording: the erase rule waits for the report to close, then takes both', async () => {
    const t = ctx();
    await setPolicy(t, { withdrawalRule: 'erase' });
    const { rec, transcriptId } = await transcribed(t);
    const closeReport = await openReport(t, rec.sessionId);
    const sam = (await seatsOf(t, rec.sessionId)).find((s) => s.name === 'Sam Student');
    if (!sam) throw new Error('no Sam');
    try {
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      await logEntry(t, rec.sessionId, sam, 'withdraw', 'req_later', 'quality_assurance', 30);
      await t.vault.afterWithdrawal(rec.sessionId);
      expect(await transcriptState(t, transcriptId)).toEqual(ready);
    } finally {
      await closeReport();
    }
    await t.vault.sweep();
    expect(await transcriptState(t, transcriptId)).toEqual(destroyed);
  });
});
