/**
 * The bench stack's own SQLite database, read-only, through Node's built-in driver: the server's own
 * timestamps (a recording's `stored_at`, its transcript's `claimed_at` and `ready_at`) and what the
 * talk-time observer wrote, as a check that it measured what the bench says it did.
 */
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

function query<T>(dataDir: string, sql: string, ...params: string[]): T[] {
  const db = new DatabaseSync(join(dataDir, 'assent.sqlite'), { readOnly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Observations and speaking stretches stored for these sessions. */
export function talkRowsOf(
  dataDir: string,
  sessionIds: string[],
): { observations: number; stretches: number } {
  if (sessionIds.length === 0) return { observations: 0, stretches: 0 };
  const [observations] = query<{ n: number }>(
    dataDir,
    `select count(*) as n from talk_observations where session_id in (${placeholders(sessionIds.length)})`,
    ...sessionIds,
  );
  const [stretches] = query<{ n: number }>(
    dataDir,
    `select count(*) as n from talk_intervals where session_id in (${placeholders(sessionIds.length)})`,
    ...sessionIds,
  );
  return { observations: Number(observations?.n ?? 0), stretches: Number(stretches?.n ?? 0) };
}

/** Observations of these sessions not yet ended. */
export function openObservations(dataDir: string, sessionIds: string[]): number {
  if (sessionIds.length === 0) return 0;
  const [row] = query<{ n: number }>(
    dataDir,
    `select count(*) as n from talk_observations where ended_at is null and session_id in (${placeholders(sessionIds.length)})`,
    ...sessionIds,
  );
  return Number(row?.n ?? 0);
}

export interface RecordingTimes {
  recordingId: string;
  status: string;
  startedAt: string | null;
  endedAt: string | null;
  storedAt: string | null;
  transcript?: {
    status: string;
    createdAt: string;
    claimedAt: string | null;
    readyAt: string | null;
    audioSeconds: number | null;
    transcribeMs: number | null;
    wordCount: number | null;
    lastError: string | null;
  };
}

/** The recording egress `egressId` made, and its transcript job when there is one. */
export function recordingTimes(dataDir: string, egressId: string): RecordingTimes | undefined {
  const [row] = query<Record<string, string | number | null>>(
    dataDir,
    `select r.id, r.status, r.started_at, r.ended_at, r.stored_at,
            t.status as t_status, t.created_at as t_created, t.claimed_at, t.ready_at, t.audio_seconds,
            t.transcribe_ms, t.word_count, t.last_error
     from recordings r left join transcripts t on t.recording_id = r.id
     where r.egress_id = ?`,
    egressId,
  );
  if (!row) return undefined;
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));
  const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return {
    recordingId: String(row.id),
    status: String(row.status),
    startedAt: text(row.started_at),
    endedAt: text(row.ended_at),
    storedAt: text(row.stored_at),
    transcript:
      row.t_status === null || row.t_status === undefined
        ? undefined
        : {
            status: String(row.t_status),
            createdAt: String(row.t_created),
            claimedAt: text(row.claimed_at),
            readyAt: text(row.ready_at),
            audioSeconds: num(row.audio_seconds),
            transcribeMs: num(row.transcribe_ms),
            wordCount: num(row.word_count),
            lastError: text(row.last_error),
          },
  };
}
