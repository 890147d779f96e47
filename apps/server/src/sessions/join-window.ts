/**
 * When a scheduled session may be joined: from the policy's minutes before its start until its end
 * plus the grace. A session made to start at once (no time) is always open; a cancelled one never. The
 * server enforces it where a join link is resolved and where LiveKit tokens are issued; someone already
 * in a live call is never shut out by the window closing (their reconnects are let through).
 */
import type { OrganisationPolicyInput, SessionTime } from '@assent/shared';
import { AppError } from '../http/app-error';
import type { SessionTimeRow } from './schedule-repository';

const minuteMs = 60 * 1000;

type WindowPolicy = Pick<OrganisationPolicyInput, 'joinOpensMinutesBefore' | 'joinGraceMinutes'>;

/** What "Your sessions" shows of a session's time; null for a session without one. */
export function sessionTime(
  row: SessionTimeRow,
  policy: WindowPolicy,
  seriesLength?: number,
): SessionTime | null {
  if (row.startsAt === null || row.durationMinutes === null) return null;
  const start = Date.parse(row.startsAt);
  const end = start + row.durationMinutes * minuteMs;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
    timeZone: row.timeZone ?? 'UTC',
    seriesId: row.seriesId,
    occurrence:
      row.seriesId !== null && row.occurrenceIndex !== null
        ? { number: row.occurrenceIndex + 1, of: Math.max(seriesLength ?? 0, row.occurrenceIndex + 1) }
        : null,
    cancelledAt: row.cancelledAt,
    joinOpensAt: new Date(start - policy.joinOpensMinutesBefore * minuteMs).toISOString(),
    joinClosesAt: new Date(end + policy.joinGraceMinutes * minuteMs).toISOString(),
  };
}

/** "16:20 UTC on Monday, 14 December 2026", and the organiser's own clock when their zone is not UTC. */
export function describeInstant(iso: string, zone: string | null): string {
  const at = new Date(iso);
  const inZone = (timeZone: string) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(at);
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(at);
  const utc = `${inZone('UTC')} UTC on ${date}`;
  return zone && zone !== 'UTC' && zone !== 'Etc/UTC' ? `${utc} (${inZone(zone)} in ${zone})` : utc;
}

/**
 * Why this session may not be joined at `now`, or undefined when it may: 410 `session_cancelled`, or 403
 * `join_not_open` (before its window, with `opensAt`; after it, with `closedAt`). `callIsLive` is asked
 * only outside the window: a call still running lets its people back in.
 */
export async function joinWindowRefusal(
  row: SessionTimeRow,
  policy: WindowPolicy,
  now: Date,
  callIsLive: () => Promise<boolean>,
): Promise<AppError | undefined> {
  if (row.cancelledAt !== null) {
    return new AppError(
      410,
      'session_cancelled',
      'This session was cancelled. Ask your tutor when you next meet.',
      undefined,
      {
        cancelledAt: row.cancelledAt,
      },
    );
  }
  const time = sessionTime(row, policy);
  if (!time) return undefined;
  const t = now.getTime();
  const opens = Date.parse(time.joinOpensAt);
  const closes = Date.parse(time.joinClosesAt);
  if (t >= opens && t <= closes) return undefined;
  if (await callIsLive()) return undefined;
  if (t < opens) {
    return new AppError(
      403,
      'join_not_open',
      `Join opens at ${describeInstant(time.joinOpensAt, row.timeZone)}, ${policy.joinOpensMinutesBefore} minutes before the session starts.`,
      undefined,
      { opensAt: time.joinOpensAt, startsAt: time.startsAt, closesAt: time.joinClosesAt },
    );
  }
  return new AppError(
    403,
    'join_not_open',
    `This session has ended: Join closed at ${describeInstant(time.joinClosesAt, row.timeZone)}.`,
    undefined,
    { opensAt: time.joinOpensAt, startsAt: time.startsAt, closesAt: time.joinClosesAt },
  );
}
