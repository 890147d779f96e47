/**
 * Sends calendar jobs when they fall due. Every poll a worker claims a batch of due jobs (PostgreSQL: a
 * `FOR UPDATE SKIP LOCKED` row lock, so two servers never take the same row; SQLite, one process: a
 * conditional update), sends each and marks it sent. A claim older than `staleClaimMs` is a worker that
 * stopped mid-job: the job is taken again (so a mail may, rarely, go twice; it is never lost). A failed
 * send is tried again later, with a growing pause, up to `maxAttempts` times.
 *
 * At send time the job is checked against the session as it is then: nobody is reminded of a cancelled
 * occurrence, of one that moved (its new reminders were planned with the move), or of one that started,
 * and a reminder more than half its lead late is dropped.
 */

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { PostgresAdapter, type Selectable } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import type { Mailer } from '../mail/mailer';
import { currentPolicy } from '../policy/policy-repository';
import { pollingLoop } from '../polling-loop';
import { calendarMail } from './calendar-mail';
import type { CalendarJobsTable } from './calendar-tables';

export interface CalendarWorkerDeps {
  db: Db;
  mailer: Mailer;
  logger: Logger;
  now: () => Date;
  publicUrl: string;
  pollMs: number;
  /** A claim older than this is taken again (the worker holding it is taken to have stopped). */
  staleClaimMs?: number;
  maxAttempts?: number;
  batchSize?: number;
  /** Names the claims this worker makes; unique per process by default. */
  workerId?: string;
}

export interface CalendarPass {
  sent: number;
  skipped: number;
  failed: number;
}

export interface CalendarWorker {
  /** One pass: claim what is due, send it. Passes never overlap. */
  runOnce(): Promise<CalendarPass>;
  start(): void;
  stop(): Promise<void>;
}

type Job = Selectable<CalendarJobsTable>;

const defaults = { staleClaimMs: 10 * 60_000, maxAttempts: 5, batchSize: 20 };

/** Finished jobs (sent, skipped, or out of attempts) are kept this long after they fell due, then deleted. */
export const finishedJobDays = 30;
const pruneEveryMs = 60 * 60_000;
const maxBatchesPerPass = 10;

/**
 * Deletes jobs finished more than `finishedJobDays` ago: they name people, and past their occurrence
 * nothing reads them (a reminder is never planned for a time already past, so no dedupe key is needed).
 */
export async function pruneFinishedJobs(
  db: Db,
  now: Date,
  maxAttempts = defaults.maxAttempts,
): Promise<number> {
  const before = new Date(now.getTime() - finishedJobDays * 86_400_000).toISOString();
  const result = await db
    .deleteFrom('calendar_jobs')
    .where('due_at', '<', before)
    .where((eb) =>
      eb.or([
        eb('sent_at', 'is not', null),
        eb('skipped_at', 'is not', null),
        eb('attempts', '>=', maxAttempts),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The pause before attempt n+1: 1, 2, 4, 8 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Claims up to `limit` due jobs for `workerId` and returns them. Exactly one worker gets each job: the
 * row lock keeps PostgreSQL's claimers apart, and the claim itself only succeeds while the row is free.
 */
export async function claimDueJobs(
  db: Db,
  workerId: string,
  now: Date,
  options: { limit: number; staleClaimMs: number; maxAttempts: number },
): Promise<Job[]> {
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - options.staleClaimMs).toISOString();
  return db.transaction().execute(async (trx) => {
    const postgres = trx.getExecutor().adapter instanceof PostgresAdapter;
    const due = await trx
      .selectFrom('calendar_jobs')
      .select('id')
      .where('sent_at', 'is', null)
      .where('skipped_at', 'is', null)
      .where('attempts', '<', options.maxAttempts)
      .where('due_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', staleBefore)]))
      .orderBy('due_at')
      .limit(options.limit)
      .$if(postgres, (qb) => qb.forUpdate().skipLocked())
      .execute();
    const claimed: Job[] = [];
    for (const { id } of due) {
      const row = await trx
        .updateTable('calendar_jobs')
        .set({ claimed_at: at, claimed_by: workerId })
        .where('id', '=', id)
        .where('sent_at', 'is', null)
        .where('skipped_at', 'is', null)
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', staleBefore)]))
        .returningAll()
        .executeTakeFirst();
      if (row) claimed.push(row);
    }
    return claimed;
  });
}

type Outcome = { sent: true } | { sent: false; reason: string };

/** Builds and sends one job's mail from the session as it is now, or says why there is none to send. */
async function sendJob(deps: CalendarWorkerDeps, job: Job, now: Date): Promise<Outcome> {
  const session = await deps.db
    .selectFrom('sessions')
    .select([
      'id',
      'title',
      'owner_user_id',
      'starts_at',
      'duration_minutes',
      'time_zone',
      'calendar_sequence',
      'cancelled_at',
    ])
    .where('id', '=', job.session_id)
    .executeTakeFirst();
  if (!session?.starts_at) return { sent: false, reason: 'the session has no time' };
  const recipient = await deps.db
    .selectFrom('users')
    .select(['name', 'email'])
    .where('id', '=', job.recipient_user_id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!recipient) return { sent: false, reason: 'the recipient has no account that can sign in' };
  const cancelled = session.cancelled_at !== null;
  if (job.kind === 'reminder') {
    if (cancelled) return { sent: false, reason: 'cancelled' };
    if (job.planned_start !== session.starts_at) return { sent: false, reason: 'moved' };
    const start = new Date(session.starts_at).getTime();
    if (start <= now.getTime()) return { sent: false, reason: 'the session has started' };
    // A reminder more than half its lead late (a server that was down) would come at a misleading
    // time: a day's reminder an hour before. The shorter reminder that follows it is sent instead.
    const lead = (job.lead_minutes ?? 0) * 60_000;
    if (now.getTime() > start - lead + lead / 2) return { sent: false, reason: 'too late to remind' };
  } else if (job.kind !== 'cancel') {
    if (cancelled) return { sent: false, reason: 'cancelled before it was sent' };
    const end = new Date(session.starts_at).getTime() + (session.duration_minutes ?? 0) * 60_000;
    if (end <= now.getTime()) return { sent: false, reason: 'the session is over' };
  }
  if (!deps.mailer.enabled) return { sent: false, reason: 'mail is off (no SMTP_URL)' };
  const organizer = session.owner_user_id
    ? await deps.db
        .selectFrom('users')
        .select(['name', 'email'])
        .where('id', '=', session.owner_user_id)
        .executeTakeFirst()
    : undefined;
  const policy = await currentPolicy(deps.db);
  const mail = calendarMail({
    kind: job.kind,
    to: recipient,
    organizer: organizer ?? { name: 'Your tutor', email: 'no-reply@assent.invalid' },
    sessionId: session.id,
    title: session.title,
    startsAt: session.starts_at,
    durationMinutes: session.duration_minutes ?? 60,
    timeZone: session.time_zone ?? 'UTC',
    sequence: Number(session.calendar_sequence),
    leadMinutes: job.lead_minutes,
    joinOpensMinutesBefore: policy?.policy.joinOpensMinutesBefore ?? 10,
    publicUrl: deps.publicUrl,
    now,
  });
  await deps.mailer.send(mail);
  return { sent: true };
}

export function createCalendarWorker(deps: CalendarWorkerDeps): CalendarWorker {
  const options = {
    staleClaimMs: deps.staleClaimMs ?? defaults.staleClaimMs,
    maxAttempts: deps.maxAttempts ?? defaults.maxAttempts,
    limit: deps.batchSize ?? defaults.batchSize,
  };
  const workerId = deps.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const logger = deps.logger.child({ component: 'calendar' });
  let halting = false;
  let prunedAt = 0;

  /** Marks the job done (or failed) only while this worker still holds its claim. */
  const finish = (job: Job, set: Partial<Selectable<CalendarJobsTable>>) =>
    deps.db
      .updateTable('calendar_jobs')
      .set(set)
      .where('id', '=', job.id)
      .where('claimed_by', '=', workerId)
      .where('sent_at', 'is', null)
      .execute();

  async function pass(): Promise<CalendarPass> {
    const counts: CalendarPass = { sent: 0, skipped: 0, failed: 0 };
    const started = deps.now().getTime();
    if (started - prunedAt >= pruneEveryMs) {
      prunedAt = started;
      await pruneFinishedJobs(deps.db, deps.now(), options.maxAttempts).catch((err) =>
        logger.warn({ err }, 'finished calendar jobs could not be pruned'),
      );
    }
    // Batch after batch while there is more due (a new series is one mail per person per occurrence),
    // up to a bound, so one pass never holds the worker for long.
    for (let batch = 0; batch < maxBatchesPerPass && !halting; batch++) {
      let jobs: Job[];
      try {
        jobs = await claimDueJobs(deps.db, workerId, deps.now(), options);
      } catch (err) {
        logger.warn({ err }, 'calendar jobs could not be claimed; trying next poll');
        break;
      }
      for (const [index, job] of jobs.entries()) {
        if (halting) {
          // Stopping: hand the rest back at once rather than leave them claimed until the claim is stale.
          await release(jobs.slice(index)).catch((err) =>
            logger.warn({ err }, 'calendar jobs could not be released'),
          );
          break;
        }
        await runJob(job, counts);
      }
      if (jobs.length < options.limit) break;
    }
    if (counts.sent + counts.skipped + counts.failed > 0) logger.info(counts, 'calendar jobs done');
    return counts;
  }

  const release = (jobs: Job[]) =>
    deps.db
      .updateTable('calendar_jobs')
      .set({ claimed_at: null, claimed_by: null })
      .where(
        'id',
        'in',
        jobs.map((j) => j.id),
      )
      .where('claimed_by', '=', workerId)
      .where('sent_at', 'is', null)
      .execute();

  async function runJob(job: Job, counts: CalendarPass): Promise<void> {
    const now = deps.now();
    try {
      const outcome = await sendJob(deps, job, now);
      if (outcome.sent) {
        await finish(job, { sent_at: now.toISOString(), attempts: job.attempts + 1, last_error: null });
        counts.sent += 1;
      } else {
        await finish(job, { skipped_at: now.toISOString(), last_error: outcome.reason });
        counts.skipped += 1;
      }
    } catch (err) {
      const attempts = job.attempts + 1;
      // SECURITY: the error only, never the address or the subject.
      logger.warn({ err, jobId: job.id, kind: job.kind, attempts }, 'calendar mail failed');
      await finish(job, {
        attempts,
        last_error: err instanceof Error ? err.message.slice(0, 500) : String(err).slice(0, 500),
        claimed_at: null,
        claimed_by: null,
        due_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
      }).catch((e) => logger.error({ err: e, jobId: job.id }, 'calendar job could not be released'));
      counts.failed += 1;
    }
  }

  const loop = pollingLoop(pass, deps.pollMs);
  return {
    runOnce: loop.runOnce,
    start: loop.start,
    async stop() {
      halting = true;
      await loop.stop();
      halting = false;
    },
  };
}
