/** A session's time and its series: rows in, rows out, and the tutor's overlapping sessions. */
import type { ScheduleOverlap } from '@assent/shared';
import type { DbOrTrx } from '../db/database';
import type { Session } from './session-repository';

export interface SessionScheduleFields {
  /** ISO UTC; absent or null for a session made to start at once. */
  startsAt?: string | null;
  durationMinutes?: number | null;
  timeZone?: string | null;
  seriesId?: string | null;
  occurrenceIndex?: number | null;
}

export type ScheduledSession = Session & SessionScheduleFields;

export interface Series {
  id: string;
  ownerUserId: string | null;
  title: string;
  timeZone: string;
  rule: string;
  localStart: string;
  durationMinutes: number;
  createdAt: string;
}

export async function insertSeries(db: DbOrTrx, series: Series): Promise<void> {
  await db
    .insertInto('session_series')
    .values({
      id: series.id,
      owner_user_id: series.ownerUserId,
      title: series.title,
      time_zone: series.timeZone,
      rule: series.rule,
      local_start: series.localStart,
      duration_minutes: series.durationMinutes,
      created_at: series.createdAt,
    })
    .execute();
}

/** A session row with its time (an unscheduled one leaves the time null). */
export async function insertScheduledSession(db: DbOrTrx, session: ScheduledSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      title: session.title,
      room_name: session.roomName,
      created_at: session.createdAt,
      owner_user_id: session.ownerUserId,
      starts_at: session.startsAt ?? null,
      duration_minutes: session.durationMinutes ?? null,
      time_zone: session.timeZone ?? null,
      series_id: session.seriesId ?? null,
      occurrence_index: session.occurrenceIndex ?? null,
    })
    .execute();
}

/** What the schedule rules need of one session. */
export interface SessionTimeRow {
  id: string;
  title: string;
  ownerUserId: string | null;
  startsAt: string | null;
  durationMinutes: number | null;
  timeZone: string | null;
  seriesId: string | null;
  occurrenceIndex: number | null;
  calendarSequence: number;
  cancelledAt: string | null;
}

const timeColumns = [
  'id',
  'title',
  'owner_user_id',
  'starts_at',
  'duration_minutes',
  'time_zone',
  'series_id',
  'occurrence_index',
  'calendar_sequence',
  'cancelled_at',
] as const;

type TimeRow = {
  id: string;
  title: string;
  owner_user_id: string | null;
  starts_at: string | null;
  duration_minutes: number | null;
  time_zone: string | null;
  series_id: string | null;
  occurrence_index: number | null;
  calendar_sequence: number;
  cancelled_at: string | null;
};

export const toSessionTimeRow = (row: TimeRow): SessionTimeRow => ({
  id: row.id,
  title: row.title,
  ownerUserId: row.owner_user_id,
  startsAt: row.starts_at,
  durationMinutes: row.duration_minutes,
  timeZone: row.time_zone,
  seriesId: row.series_id,
  occurrenceIndex: row.occurrence_index,
  calendarSequence: Number(row.calendar_sequence),
  cancelledAt: row.cancelled_at,
});

export async function findSessionTime(db: DbOrTrx, sessionId: string): Promise<SessionTimeRow | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(timeColumns)
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row ? toSessionTimeRow(row) : undefined;
}

/** How many occurrences each series has, for "2 of 6". */
export async function seriesLengths(db: DbOrTrx, seriesIds: readonly string[]): Promise<Map<string, number>> {
  if (seriesIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('sessions')
    .select(['series_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('series_id', 'in', [...new Set(seriesIds)])
    .groupBy('series_id')
    .execute();
  return new Map(rows.flatMap((r) => (r.series_id ? [[r.series_id, Number(r.n)] as const] : [])));
}

/** The longest a session may last (the schema's limit), to bound the overlap query. */
const longestMs = 480 * 60 * 1000;

/**
 * The owner's other scheduled, not cancelled sessions that overlap any of `windows` (a warning for the
 * tutor, never a refusal), leaving out `exceptIds` (the sessions being scheduled), soonest first.
 */
export async function findOverlaps(
  db: DbOrTrx,
  ownerUserId: string,
  windows: readonly { startsAt: Date; endsAt: Date }[],
  exceptIds: readonly string[],
): Promise<ScheduleOverlap[]> {
  if (windows.length === 0) return [];
  const from = Math.min(...windows.map((w) => w.startsAt.getTime())) - longestMs;
  const to = Math.max(...windows.map((w) => w.endsAt.getTime()));
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'title', 'starts_at', 'duration_minutes'])
    .where('owner_user_id', '=', ownerUserId)
    .where('cancelled_at', 'is', null)
    .where('starts_at', 'is not', null)
    .where('starts_at', '>=', new Date(from).toISOString())
    .where('starts_at', '<', new Date(to).toISOString())
    .$if(exceptIds.length > 0, (qb) => qb.where('id', 'not in', [...exceptIds]))
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.flatMap((row) => {
    const start = Date.parse(row.starts_at as string);
    const end = start + Number(row.duration_minutes ?? 0) * 60 * 1000;
    const hit = windows.some((w) => start < w.endsAt.getTime() && end > w.startsAt.getTime());
    return hit
      ? [
          {
            sessionId: row.id,
            title: row.title,
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(end).toISOString(),
          },
        ]
      : [];
  });
}
