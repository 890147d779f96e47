import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logger';
import { latestPolicyVersion } from '../policy/policy-repository';
import { savePolicy } from '../policy/policy-service';
import { signedInAs } from '../test-support/accounts';
import { seatsOf } from '../test-support/organisation';
import { recordedSession } from '../test-support/recordings';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { transcriptBlobPath } from '../vault/transcript-blobs';
import { fakeTranscriber, talked } from './transcript-test-support';
import { claimTranscriptJob, createTranscriptWorker, queueMissingTranscripts } from './transcript-worker';

const segments = [
  { start: 1, end: 4, text: 'Today we factorise quadratics, Sam.' },
  { start: 5, end: 8, text: 'I think x equals two.' },
  { start: 30, end: 31, text: 'Hmm.' },
];

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

function workerFor(t: TestApp, transcriber = fakeTranscriber(segments), workerId = 'worker-a') {
  const worker = createTranscriptWorker({
    db: t.db,
    vault: t.vault,
    policies: t.consent.policies,
    transcriber,
    logger: createLogger('silent'),
    now: () => t.clock.now,
    pollMs: 60_000,
    workerId,
  });
  return { worker, transcriber };
}

/** A stored recording with talk stretches: Dana speaks at 1–4 s of the recording, Sam at 5–8 s. */
async function recordedWithTalk(t: TestApp) {
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
  return rec;
}

describe.each(testDatabases)('the transcript job ($name)', (database) => {
  const ctx = useTestApp(database);

  it('transcribes a stored recording from scratch plaintext it removes, and keeps only counts in the clear', async () => {
    const t = ctx();
    const rec = await recordedWithTalk(t);
    const { worker, transcriber } = workerFor(t);
    const pass = await worker.runOnce();
    expect(pass).toEqual({ queued: 1, ready: 1, failed: 0, retried: 0 });

    // The engine got the recording's plaintext, in scratch space, 0600, and it is gone now.
    expect(transcriber.calls).toHaveLength(1);
    const call = transcriber.calls[0];
    expect(call?.bytes.equals(rec.plaintext)).toBe(true);
    expect(call?.mode).toBe(0o600);
    if (existsSync('/dev/shm')) expect(call?.path.startsWith('/dev/shm/')).toBe(true);
    expect(existsSync(call?.path ?? '')).toBe(false);

    const row = await t.db.selectFrom('transcripts').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      recording_id: rec.recordingId,
      session_id: rec.sessionId,
      status: 'ready',
      attempts: 1,
      model: 'fake-tiny',
      word_count: 5 + 5 + 1,
      learner_word_count: 5,
      claimed_by: null,
    });
    expect(Date.parse(row.retain_until ?? '') - Date.parse(row.ready_at ?? '')).toBe(1095 * 86_400_000);

    // Encrypted under its own key: the blob holds none of the words, and it opens to the attributed lines.
    const blob = readFileSync(transcriptBlobPath(t.vault.files, row.id));
    expect(blob.includes(Buffer.from('quadratics'))).toBe(false);
    const key = await t.db.selectFrom('transcript_keys').selectAll().executeTakeFirstOrThrow();
    expect(key.transcript_id).toBe(row.id);
    const opened = JSON.parse((await t.vault.openTranscript(row.id)).toString('utf8'));
    expect(opened.lines).toEqual([
      {
        start: 1,
        end: 4,
        text: 'Today we factorise quadratics, Sam.',
        speaker: { name: 'Dana Tutor', role: 'tutor' },
      },
      { start: 5, end: 8, text: 'I think x equals two.', speaker: { name: 'Sam Student', role: 'student' } },
      { start: 30, end: 31, text: 'Hmm.', speaker: null },
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('action', '=', 'transcript.stored')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).not.toContain('quadratics');

    // Nothing more to do on the next pass.
    expect(await worker.runOnce()).toEqual({ queued: 0, ready: 0, failed: 0, retried: 0 });
  });

  it('places lines from when the file began, which ingest keeps from egress’s report', async () => {
    const t = ctx();
    // Egress began a minute ago; its file 3.5 s later (the layout page loading). Dana spoke for the
    // file's 1–4 s, Sam for its 5–8 s: 3.5 s later on the wall clock than egress's start says.
    const rec = await recordedSession(t, { mediaStartsAfter: 3.5 });
    const row = await t.db
      .selectFrom('recordings')
      .select(['started_at', 'media_started_at'])
      .where('id', '=', rec.recordingId)
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.media_started_at ?? '') - Date.parse(row.started_at ?? '')).toBe(3_500);
    const seats = await seatsOf(t, rec.sessionId);
    const base = row.media_started_at ?? '';
    const dana = seats.find((s) => s.role === 'tutor');
    const sam = seats.find((s) => s.name === 'Sam Student');
    if (!dana || !sam) throw new Error('no seats');
    await talked(t, rec.sessionId, dana.personId, base, 0.5, 4.2);
    await talked(t, rec.sessionId, sam.personId, base, 4.8, 8.5);
    const { worker } = workerFor(t);
    expect((await worker.runOnce()).ready).toBe(1);
    const { id } = await t.db.selectFrom('transcripts').select('id').executeTakeFirstOrThrow();
    const opened = JSON.parse((await t.vault.openTranscript(id)).toString('utf8'));
    expect(opened.lines.map((l: { speaker: { name: string } | null }) => l.speaker?.name ?? null)).toEqual([
      'Dana Tutor',
      'Sam Student',
      null,
    ]);
    const counts = await t.db
      .selectFrom('transcripts')
      .select('learner_word_count')
      .executeTakeFirstOrThrow();
    expect(counts.learner_word_count).toBe(5);
  });

  it('queues nothing when the recording’s policy version has transcripts off', async () => {
    const t = ctx();
    await setPolicy(t, { transcriptsEnabled: false });
    await recordedSession(t);
    expect(
      await queueMissingTranscripts({ db: t.db, policies: t.consent.policies, now: () => t.clock.now }),
    ).toBe(0);
    // Turning them on later does not reach back: the recording was made under the version with them off.
    await setPolicy(t, { transcriptsEnabled: true });
    expect(
      await queueMissingTranscripts({ db: t.db, policies: t.consent.policies, now: () => t.clock.now }),
    ).toBe(0);
  });

  it('retries a failed transcription, then marks it failed with its last error, never leaving plaintext', async () => {
    const t = ctx();
    await recordedSession(t);
    const transcriber = fakeTranscriber(segments);
    transcriber.failWith = 'engine crashed';
    const { worker } = workerFor(t, transcriber);
    // Each pass takes the job again until its attempts are spent (3).
    expect(await worker.runOnce()).toMatchObject({ ready: 0, retried: 1, failed: 0 });
    let row = await t.db.selectFrom('transcripts').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'queued',
      attempts: 1,
      last_error: 'engine crashed',
      claimed_by: null,
    });
    // Not again before the pause (five minutes) has passed.
    expect(await worker.runOnce()).toMatchObject({ retried: 0, failed: 0 });
    t.clock.now = new Date(t.clock.now.getTime() + 5 * 60_000);
    expect(await worker.runOnce()).toMatchObject({ retried: 1 });
    t.clock.now = new Date(t.clock.now.getTime() + 5 * 60_000);
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    row = await t.db.selectFrom('transcripts').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: 'engine crashed' });
    expect(transcriber.calls).toHaveLength(3);
    for (const call of transcriber.calls) expect(existsSync(call.path)).toBe(false);
    expect(await worker.runOnce()).toMatchObject({ ready: 0, failed: 0, retried: 0 });
    expect(await t.db.selectFrom('transcript_keys').selectAll().execute()).toEqual([]);
  });

  it('lets one worker claim a job, and another take it again once the claim is stale', async () => {
    const t = ctx();
    await recordedSession(t);
    await queueMissingTranscripts({ db: t.db, policies: t.consent.policies, now: () => t.clock.now });
    const options = { staleClaimMs: 60_000, maxAttempts: 3 };
    const first = await claimTranscriptJob(t.db, 'a', t.clock.now, options);
    expect(first).toMatchObject({ status: 'running', claimed_by: 'a', attempts: 1 });
    expect(await claimTranscriptJob(t.db, 'b', t.clock.now, options)).toBeUndefined();
    const later = new Date(t.clock.now.getTime() + 61_000);
    expect(await claimTranscriptJob(t.db, 'b', later, options)).toMatchObject({
      claimed_by: 'b',
      attempts: 2,
    });
  });

  it('fails a job whose recording is no longer stored', async () => {
    const t = ctx();
    await recordedSession(t);
    await queueMissingTranscripts({ db: t.db, policies: t.consent.policies, now: () => t.clock.now });
    await t.db.updateTable('recordings').set({ status: 'destroyed' }).execute();
    const { worker, transcriber } = workerFor(t);
    expect(await worker.runOnce()).toMatchObject({ failed: 1 });
    expect(transcriber.calls).toHaveLength(0);
    const row = await t.db.selectFrom('transcripts').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'failed', last_error: 'the recording is no longer stored' });
  });

  it('rewraps transcript keys with the recordings’ on key rotation', async () => {
    const t = ctx();
    await recordedWithTalk(t);
    await workerFor(t).worker.runOnce();
    const row = await t.db.selectFrom('transcripts').selectAll().executeTakeFirstOrThrow();
    // Rewrapping under the same key is a no-op; pretend the key was wrapped under an older KEK id by
    // rotating in the test vault's own config (see vault.test.ts for the recording half).
    const { loadConfig } = await import('../config');
    const { formatMasterKeys, newMasterKey, parseMasterKeys } = await import('../vault/master-keys-source');
    const { testEnv } = await import('../test-support/test-app');
    const { vaultFromConfig } = await import('../vault/vault-from-config');
    const rotated = formatMasterKeys([...parseMasterKeys(testEnv.VAULT_MASTER_KEYS), newMasterKey('test-2')]);
    const config = loadConfig({ ...testEnv, VAULT_MASTER_KEYS: rotated, VAULT_DIR: t.config.vault.dir });
    const deps = {
      db: t.db,
      policies: t.consent.policies,
      logger: createLogger('silent'),
      now: () => t.clock.now,
    };
    const result = await vaultFromConfig(config.vault, deps).rewrapKeys();
    expect(result.rewrapped).toBe(2);
    const key = await t.db.selectFrom('transcript_keys').selectAll().executeTakeFirstOrThrow();
    expect(key.kek_id).toBe('test-2');
    const onlyNew = loadConfig({
      ...testEnv,
      VAULT_MASTER_KEYS: formatMasterKeys(parseMasterKeys(rotated).filter((k) => k.id === 'test-2')),
      VAULT_DIR: t.config.vault.dir,
    });
    const opened = await vaultFromConfig(onlyNew.vault, deps).openTranscript(row.id);
    expect(JSON.parse(opened.toString('utf8')).lines).toHaveLength(3);
  });

  it('runs a pass as it starts, and stops the engine when it stops', async () => {
    const t = ctx();
    await recordedSession(t);
    const { worker, transcriber } = workerFor(t);
    worker.start();
    // The pass start() began is in flight: runOnce joins it rather than starting another.
    expect(await worker.runOnce()).toMatchObject({ queued: 1, ready: 1 });
    await worker.stop();
    expect(transcriber.stopped).toBe(true);
    const row = await t.db.selectFrom('transcripts').select('status').executeTakeFirstOrThrow();
    expect(row.status).toBe('ready');
  });

  it('transcribes a recording as soon as the vault stores it, not at the next poll, and not once stopped', async () => {
    const t = ctx();
    const { worker } = workerFor(t);
    t.vault.afterStored(() => worker.wake());
    worker.start();
    expect(await worker.runOnce()).toMatchObject({ queued: 0, ready: 0 });
    // The poll is a minute away: only the vault's word can start this pass.
    await recordedSession(t);
    await vi.waitFor(
      async () => {
        const row = await t.db.selectFrom('transcripts').select('status').executeTakeFirst();
        expect(row?.status).toBe('ready');
      },
      { timeout: 5000, interval: 50 },
    );
    await worker.stop();
    await recordedSession(t);
    expect(await t.db.selectFrom('transcripts').select('id').execute()).toHaveLength(1);
  });

  it('keeps no transcript files but ready ones through the leftovers sweep', async () => {
    const t = ctx();
    await recordedWithTalk(t);
    await workerFor(t).worker.runOnce();
    await t.vault.sweep();
    const names = readdirSync(t.config.vault.dir).filter((n) => n.startsWith('trn_'));
    expect(names).toHaveLength(1);
    expect(existsSync(join(t.config.vault.dir, names[0] ?? ''))).toBe(true);
  });
});
