/**
 * When a scheduled session's occurrences fall: the first start and the weekly repeat as the organiser
 * chose them (wall clock in their zone), expanded by `rrule` in floating time — so each occurrence keeps
 * the same wall-clock time across daylight-saving changes — and only then turned into UTC instants.
 * Pure: refusals are thrown as AppErrors (400) with clear codes; nothing is written.
 */
import type { ErrorCode, SessionSchedule, Weekday } from '@assent/shared';
import * as rruleModule from 'rrule';
import { AppError } from '../http/app-error';
import {
  formatWallClock,
  parseWallClock,
  type WallClock,
  wallClockAsUtcMs,
  wallClockFromUtcDigits,
  wallClockToUtc,
} from './wall-clock';

// rrule ships CommonJS to Node (its named exports sit on the default) and ESM to bundlers.
const { RRule } = ((rruleModule as { default?: typeof rruleModule }).default ??
  rruleModule) as typeof rruleModule;

/** At most this many occurrences in one series (a year of weekly sessions). */
export const maxOccurrences = 53;

export interface PlannedOccurrence {
  /** The organiser's wall clock, e.g. 2027-03-29T16:30. */
  localStart: string;
  startsAt: Date;
  endsAt: Date;
}

export interface Plan {
  occurrences: PlannedOccurrence[];
  /** RFC 5545 RRULE without DTSTART (null for a single session). */
  rule: string | null;
  /** The first occurrence's start as the organiser's wall clock. */
  localStart: string;
}

const weekdayIndex: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 };
/** JavaScript's getUTCDay (Sunday 0) as an rrule weekday. */
const weekdayOfDate = (d: Date): Weekday =>
  (['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const)[d.getUTCDay()] as Weekday;

const dayMs = 24 * 60 * 60 * 1000;
const minuteMs = 60 * 1000;

const refuse = (code: ErrorCode, message: string, path: string) =>
  new AppError(400, code, message, [{ path, message }]);

/** The date one year after `w`'s date (29 February → 28 February). */
function oneYearAfter(w: WallClock): { year: number; month: number; day: number } {
  const probe = new Date(Date.UTC(w.year + 1, w.month - 1, w.day));
  if (probe.getUTCMonth() !== w.month - 1) return { year: w.year + 1, month: w.month, day: w.day - 1 };
  return { year: w.year + 1, month: w.month, day: w.day };
}

const isoDate = (d: { year: number; month: number; day: number }) =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/**
 * Every occurrence of `schedule`, first first, as of `now`. Refuses (400): a start that is no real date
 * and time, a start in the past (`start_in_past`), a series reaching more than a year past its first
 * start (`series_too_long`), a repeat with no occurrence (`no_occurrences`) or more than 53
 * (`too_many_occurrences`).
 */
export function planOccurrences(schedule: SessionSchedule, now: Date, prefix = 'schedule'): Plan {
  const path = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const first = parseWallClock(schedule.startsAt);
  if (!first) {
    throw new AppError(400, 'validation_failed', 'The request is not valid', [
      { path: path('startsAt'), message: 'There is no such date and time' },
    ]);
  }
  const duration = schedule.durationMinutes * minuteMs;
  const at = (w: WallClock): PlannedOccurrence => {
    const startsAt = wallClockToUtc(w, schedule.timeZone);
    return { localStart: formatWallClock(w), startsAt, endsAt: new Date(startsAt.getTime() + duration) };
  };
  const repeat = schedule.repeat;
  if (!repeat) {
    const only = at(first);
    refuseIfPast(only.startsAt, now, path('startsAt'));
    return { occurrences: [only], rule: null, localStart: only.localStart };
  }

  const firstDigits = wallClockAsUtcMs(first);
  const yearLater = oneYearAfter(first);
  // The last day the series may reach, inclusive, in the organiser's zone.
  let lastDay: { year: number; month: number; day: number };
  if (repeat.until !== undefined) {
    const [y, m, d] = repeat.until.split('-').map(Number) as [number, number, number];
    const probe = new Date(Date.UTC(y, m - 1, d));
    if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
      throw new AppError(400, 'validation_failed', 'The request is not valid', [
        { path: path('repeat.until'), message: 'There is no such date' },
      ]);
    }
    if (repeat.until > isoDate(yearLater)) {
      throw new AppError(
        400,
        'series_too_long',
        `A series lasts at most a year: choose an end date on or before ${isoDate(yearLater)}.`,
        [{ path: path('repeat.until'), message: `At most a year: on or before ${isoDate(yearLater)}` }],
      );
    }
    lastDay = { year: y, month: m, day: d };
  } else {
    // N weeks from the first start: the first start's day and the 7N − 1 days after it.
    const end = new Date(
      Date.UTC(first.year, first.month - 1, first.day) + (7 * (repeat.weeks ?? 1) - 1) * dayMs,
    );
    lastDay = { year: end.getUTCFullYear(), month: end.getUTCMonth() + 1, day: end.getUTCDate() };
  }
  const weekdays = (
    repeat.weekdays.length > 0 ? [...repeat.weekdays] : [weekdayOfDate(new Date(firstDigits))]
  ).sort((a, b) => weekdayIndex[a] - weekdayIndex[b]);
  const rule = new RRule({
    freq: RRule.WEEKLY,
    // Floating time: the wall clock's digits as if UTC, so rrule never applies an offset.
    dtstart: new Date(firstDigits),
    byweekday: weekdays.map((d) => weekdayIndex[d]),
    until: new Date(Date.UTC(lastDay.year, lastDay.month - 1, lastDay.day, 23, 59, 59)),
    wkst: RRule.MO,
  });
  // One more than allowed is enough to know there are too many.
  const found = rule.all((_date, i) => i <= maxOccurrences);
  if (found.length === 0) {
    throw refuse(
      'no_occurrences',
      'This series has no session on the chosen weekdays between its start and its end. Choose other days or a later end.',
      path('repeat'),
    );
  }
  if (found.length > maxOccurrences) {
    throw refuse(
      'too_many_occurrences',
      `A series has at most ${maxOccurrences} sessions. Choose fewer weekdays or an earlier end.`,
      path('repeat'),
    );
  }
  const occurrences = found.map((d) => at(wallClockFromUtcDigits(d)));
  const last = occurrences[occurrences.length - 1] as PlannedOccurrence;
  if (last.localStart.slice(0, 10) > isoDate(yearLater)) {
    throw new AppError(
      400,
      'series_too_long',
      `A series lasts at most a year: its last session would be on ${last.localStart.slice(0, 10)}, after ${isoDate(yearLater)}. Choose fewer weeks.`,
      [{ path: path('repeat.weeks'), message: `At most a year: until ${isoDate(yearLater)}` }],
    );
  }
  refuseIfPast((occurrences[0] as PlannedOccurrence).startsAt, now, path('startsAt'));
  // Stored without DTSTART and as a count: the occurrences are rows of their own from now on.
  const text = `FREQ=WEEKLY;WKST=MO;BYDAY=${weekdays.join(',')};COUNT=${occurrences.length}`;
  return { occurrences, rule: text, localStart: (occurrences[0] as PlannedOccurrence).localStart };
}

function refuseIfPast(startsAt: Date, now: Date, field: string): void {
  if (startsAt.getTime() <= now.getTime()) {
    throw new AppError(
      400,
      'start_in_past',
      `This start is in the past (${startsAt.toISOString()}). Choose a later time.`,
      [{ path: field, message: 'Choose a time that has not passed yet' }],
    );
  }
}
