/**
 * The transcript job. A stored recording whose policy version (the one it was made under) has
 * transcripts on gets a `queued` row (each pass first queues any stored recording missing one, so a
 * crash or a recording stored while the worker was down is caught up). A worker claims queued rows
 * (PostgreSQL: a `FOR UPDATE SKIP LOCKED` row lock; SQLite, one process: a conditional update); a claim
 * older than `staleClaimMs` is a worker that stopped mid-job and is taken again. Each claim counts as an
 * attempt; after `maxAttempts` the row is `failed` with its last error.
 *
 * A job decrypts the recording through the vault's `openPlaintext` into memory-backed scratch space
 * (`/dev/shm` when present, mode 0600), transcribes it, removes the plaintext in `finally`, attributes
 * each segment to who was speaking (talk-time stretches), and has the vault encrypt the transcript under
 * its own data key. Only counts stay in the clear.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { PostgresAdapter, type Selectable } from 'kysely';
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log';
import { systemActor } from '../audit/system-actor';
import type { Db } from '../db/database';
import { newTranscriptId } from '../opaque-ids';
import type { PolicyBook } from '../policy/policy-book';
import { pollingLoop } from '../polling-loop';
import { findRecording } from '../vault/recording-repository';
import { scratchPath } from '../vault/transcript-blobs';
import type { Vault } from '../vault/vault';
import { attributeSegments, mediaStart, type Seat, type SpeakerRole } from './speakers';
import type { Transcriber } from './transcriber';
import type { TranscriptsTable } from './transcript-tables';

export interface TranscriptWorkerDeps {
  db: Db;
  vault: Pick<Vault, 'openPlaintext' | 'storeTranscript'>;
  policies: PolicyBook;
  transcriber: Transcriber;
  logger: Logger;
  now: () => Date;
  pollMs: number;
  /** A claim older than this is taken again (the worker holding it is taken to have stopped). */
  staleClaimMs?: number;
  maxAttempts?: number;
  /** A job that failed is not tried again before this pause has passed. */
  retryAfterMs?: number;
  /** Names the claims this worker makes; unique per process by default. */
  workerId?: string;
}

export interface TranscriptPass {
  queued: number;
  ready: number;
  failed: number;
  /** Tried, failed, and queued again for another attempt. */
  retried: number;
}

export interface TranscriptWorker {
  /** One pass: queue what is missing, then transcribe what is queued, one at a time. Never overlapping. */
  runOnce(): Promise<TranscriptPass>;
  /** A recording was stored: pass now rather than at the next poll (nothing once stopped or not started). */
  wake(): void;
  start(): void;
  stop(): Promise<void>;
}

type Job = Selectable<TranscriptsTable>;

/** Transcription is CPU-bound: long jobs, so a generous stale claim and few attempts. */
const defaults = { staleClaimMs: 60 * 60_000, maxAttempts: 3, retryAfterMs: 5 * 60_000 };
const maxJobsPerPass = 20;

/** Queues a job for every stored recording without one whose policy version has transcripts on. */
export async function queueMissingTranscripts(
  deps: Pick<TranscriptWorkerDeps, 'db' | 'policies' | 'now'>,
): Promise<number> {
  const missing = await deps.db
    .selectFrom('recordings')
    .leftJoin('transcripts', 'transcripts.recording_id', 'recordings.id')
    .select(['recordings.id', 'recordings.session_id', 'recordings.policy_version'])
    .where('recordings.status', '=', 'stored')
    .where('transcripts.id', 'is', null)
    .orderBy('recordings.created_at')
    .execute();
  let queued = 0;
  for (const recording of missing) {
    const policy = await deps.policies.version(recording.policy_version);
    if (!policy?.policy.transcriptsEnabled) continue;
    const result = await deps.db
      .insertInto('transcripts')
      .values({
        id: newTranscriptId(),
        recording_id: recording.id,
        session_id: recording.session_id,
        status: 'queued',
        attempts: 0,
        created_at: deps.now().toISOString(),
      })
      .onConflict((oc) => oc.column('recording_id').doNothing())
      .executeTakeFirst();
    queued += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return queued;
}

/**
 * Claims the oldest queued job (or one whose claim went stale) for `workerId`; exactly one worker gets
 * it. A queued job that failed before keeps the time of its last attempt in `claimed_at` (with no
 * `claimed_by`) and waits `retryAfterMs` from it.
 */
export async function claimTranscriptJob(
  db: Db,
  workerId: string,
  now: Date,
  options: { staleClaimMs: number; maxAttempts: number; retryAfterMs?: number },
): Promise<Job | undefined> {
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - options.staleClaimMs).toISOString();
  const retryBefore = new Date(now.getTime() - (options.retryAfterMs ?? defaults.retryAfterMs)).toISOString();
  return db.transaction().execute(async (trx) => {
    const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
    const candidates = await trx
      .selectFrom('transcripts')
      .select('id')
      .where('attempts', '<', options.maxAttempts)
      .where((eb) =>
        eb.or([
          eb.and([
            eb('status', '=', 'queued'),
            eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<=', retryBefore)]),
          ]),
          eb.and([eb('status', '=', 'running'), eb('claimed_at', '<', staleBefore)]),
        ]),
      )
      .orderBy('created_at')
      .limit(1)
      .$if(postgres, (qb) => qb.forUpdate().skipLocked())
      .execute();
    for (const { id } of candidates) {
      const row = await trx
        .updateTable('transcripts')
        .set((eb) => ({
          status: 'running',
          claimed_at: at,
          claimed_by: workerId,
          attempts: eb('attempts', '+', 1),
        }))
        .where('id', '=', id)
        .where('attempts', '<', options.maxAttempts)
        .where((eb) =>
          eb.or([
            eb.and([
              eb('status', '=', 'queued'),
              eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<=', retryBefore)]),
            ]),
            eb.and([eb('status', '=', 'running'), eb('claimed_at', '<', staleBefore)]),
          ]),
        )
        .returningAll()
        .executeTakeFirst();
      if (row) return row;
    }
    return undefined;
  });
}

/** Stale running jobs out of attempts: failed, so they do not sit "running" for ever. */
async function failExhausted(db: Db, now: Date, options: { staleClaimMs: number; maxAttempts: number }) {
  const staleBefore = new Date(now.getTime() - options.staleClaimMs).toISOString();
  const result = await db
    .updateTable('transcripts')
    .set({ status: 'failed', claimed_at: null, claimed_by: null })
    .where('status', '=', 'running')
    .where('attempts', '>=', options.maxAttempts)
    .where('claimed_at', '<', staleBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

class JobRefused extends Error {}

export function createTranscriptWorker(deps: TranscriptWorkerDeps): TranscriptWorker {
  const options = {
    staleClaimMs: deps.staleClaimMs ?? defaults.staleClaimMs,
    maxAttempts: deps.maxAttempts ?? defaults.maxAttempts,
    retryAfterMs: deps.retryAfterMs ?? defaults.retryAfterMs,
  };
  const workerId = deps.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const logger = deps.logger.child({ component: 'transcripts' });
  let halting = false;
  let running = false;

  /** Writes the job's outcome only while this worker still holds its claim (and nobody destroyed it). */
  const finish = (job: Job, set: Partial<Selectable<TranscriptsTable>>) =>
    deps.db
      .updateTable('transcripts')
      .set(set)
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('claimed_by', '=', workerId)
      .execute();

  async function transcribe(job: Job): Promise<void> {
    const recording = await findRecording(deps.db, job.recording_id);
    if (recording?.status !== 'stored') throw new JobRefused('the recording is no longer stored');
    const scratch = await scratchPath('.media');
    const started = Date.now();
    let heard: Awaited<ReturnType<Transcriber['transcribe']>>;
    try {
      const plaintext = await deps.vault.openPlaintext(recording.id);
      await pipeline(plaintext, createWriteStream(scratch, { flags: 'wx', mode: 0o600 }));
      heard = await deps.transcriber.transcribe(scratch);
    } finally {
      await rm(scratch, { force: true });
    }
    const transcribeMs = Date.now() - started;
    const [stretches, people] = await Promise.all([
      deps.db
        .selectFrom('talk_intervals')
        .select(['person_id', 'started_at', 'ended_at'])
        .where('session_id', '=', recording.sessionId)
        .execute(),
      deps.db
        .selectFrom('people')
        .select(['id', 'name', 'role'])
        .where('session_id', '=', recording.sessionId)
        .execute(),
    ]);
    const seats = new Map<string, Seat>();
    for (const p of people)
      if (p.role !== 'observer') seats.set(p.id, { name: p.name, role: p.role as SpeakerRole });
    const recordingStart = Date.parse(mediaStart(recording));
    const until = recording.endedAt ? Date.parse(recording.endedAt) : deps.now().getTime();
    const attributed = attributeSegments(
      heard.segments,
      recordingStart,
      stretches.map((s) => ({
        personId: s.person_id,
        from: Date.parse(s.started_at),
        to: s.ended_at ? Date.parse(s.ended_at) : null,
      })),
      seats,
      until,
    );
    const text = Buffer.from(
      JSON.stringify({
        version: 1,
        model: heard.model,
        lines: attributed.lines,
        speakerIds: attributed.speakerIds,
      }),
      'utf8',
    );
    const policy = await deps.policies.current();
    const kept = await deps.vault.storeTranscript(job.id, text, async (trx, sealed) => {
      const at = deps.now();
      const retainUntil = new Date(
        at.getTime() + policy.policy.transcriptRetentionDays * 86_400_000,
      ).toISOString();
      const changed = await trx
        .updateTable('transcripts')
        .set({
          status: 'ready',
          ready_at: at.toISOString(),
          claimed_at: null,
          claimed_by: null,
          last_error: null,
          model: heard.model,
          audio_seconds: heard.audioSeconds,
          transcribe_ms: transcribeMs,
          blob_name: sealed.blobName,
          cipher_bytes: sealed.cipherBytes,
          word_count: attributed.wordCount,
          learner_word_count: attributed.learnerWordCount,
          retain_until: retainUntil,
        })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('claimed_by', '=', workerId)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) return false;
      // Destroyed between decryption and now: the transcript must not outlive its recording's consent.
      const still = await trx
        .selectFrom('recordings')
        .select('id')
        .where('id', '=', recording.id)
        .where('status', '=', 'stored')
        .executeTakeFirst();
      if (!still) return false;
      await appendAudit(trx, {
        actor: systemActor,
        action: 'transcript.stored',
        target: { type: 'transcript', id: job.id },
        detail: {
          sessionId: recording.sessionId,
          recordingId: recording.id,
          words: attributed.wordCount,
          learnerWords: attributed.learnerWordCount,
          keyId: sealed.keyId,
          retainUntil,
        },
        at,
      });
      return true;
    });
    text.fill(0);
    if (!kept)
      throw new JobRefused('the recording was destroyed, or the job taken, while it was transcribed');
    logger.info(
      {
        transcriptId: job.id,
        recordingId: recording.id,
        audioSeconds: heard.audioSeconds,
        transcribeMs,
        realTimeFactor: heard.audioSeconds > 0 ? transcribeMs / 1000 / heard.audioSeconds : undefined,
        words: attributed.wordCount,
      },
      'transcript stored in the vault',
    );
  }

  async function runJob(job: Job, counts: TranscriptPass): Promise<void> {
    try {
      await transcribe(job);
      counts.ready += 1;
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const final = err instanceof JobRefused || job.attempts >= options.maxAttempts;
      // SECURITY: the error only, never any of the text.
      logger.warn(
        { err: message, transcriptId: job.id, attempts: job.attempts, final },
        'transcription failed',
      );
      await finish(job, {
        status: final ? 'failed' : 'queued',
        last_error: message,
        // The last attempt's time: the retry waits from it.
        claimed_at: final ? null : deps.now().toISOString(),
        claimed_by: null,
      }).catch((e) => logger.error({ err: e, transcriptId: job.id }, 'transcript job could not be released'));
      if (final) counts.failed += 1;
      else counts.retried += 1;
    }
  }

  async function pass(): Promise<TranscriptPass> {
    const counts: TranscriptPass = { queued: 0, ready: 0, failed: 0, retried: 0 };
    try {
      counts.queued = await queueMissingTranscripts(deps);
      counts.failed += await failExhausted(deps.db, deps.now(), options);
    } catch (err) {
      logger.warn({ err }, 'transcript jobs could not be queued; trying next poll');
      return counts;
    }
    for (let n = 0; n < maxJobsPerPass && !halting; n++) {
      let job: Job | undefined;
      try {
        job = await claimTranscriptJob(deps.db, workerId, deps.now(), options);
      } catch (err) {
        logger.warn({ err }, 'transcript jobs could not be claimed; trying next poll');
        break;
      }
      if (!job) break;
      await runJob(job, counts);
    }
    if (counts.queued + counts.ready + counts.failed + counts.retried > 0)
      logger.info(counts, 'transcript jobs');
    return counts;
  }

  const loop = pollingLoop(pass, deps.pollMs);
  return {
    runOnce: loop.runOnce,
    wake() {
      if (!running) return;
      loop.runOnce().catch((err: unknown) => logger.error({ err }, 'transcript pass failed'));
    },
    start() {
      halting = false;
      running = true;
      loop.start();
    },
    async stop() {
      halting = true;
      running = false;
      // The engine first, so a transcription in progress ends now (its job is tried again later).
      await deps.transcriber.stop();
      await loop.stop();
    },
  };
}
