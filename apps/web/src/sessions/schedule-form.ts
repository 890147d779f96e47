/**
 * The "When" part of the create form: start now (as before), or at a date and time in the browser's own
 * zone, once or weekly. Numbers stay text while typed; the server judges the rest (a start in the past,
 * a series of more than a year) and its words show beside these fields.
 */
import type { SessionSchedule, Weekday } from '@assent/shared';
import { addDays, wallClock, weekdayCodes, weekdayIndex } from './zoned-time';

export interface ScheduleDraft {
  when: 'now' | 'later';
  /** `2026-12-14`, the organiser's own calendar. */
  date: string;
  /** `16:30`. */
  time: string;
  /** Minutes, as picked. */
  duration: string;
  repeats: boolean;
  weekdays: Weekday[];
  ends: 'weeks' | 'until';
  /** Weeks, as typed. */
  weeks: string;
  /** `2027-03-31`, inclusive. */
  until: string;
}

export const durationChoices = [15, 30, 45, 60, 75, 90, 120, 180] as const;

/** 45 → "45 minutes", 90 → "1 hour 30 minutes". */
export function lengthInWords(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const rest = minutes % 60;
  const hours = Math.floor(minutes / 60);
  const h = hours === 1 ? '1 hour' : `${hours} hours`;
  return rest === 0 ? h : `${h} ${rest} minutes`;
}

export const weekdayNames: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

/** Start now; when a time is chosen, the next whole hour today (or tomorrow), an hour long. */
export function initialScheduleDraft(now: Date, zone: string): ScheduleDraft {
  const next = wallClock(new Date(Math.floor(now.getTime() / 3_600_000 + 1) * 3_600_000), zone);
  // Whole hours in the zone: a zone half an hour off UTC rounds to its own next half hour.
  return {
    when: 'now',
    date: next.date,
    time: next.time,
    duration: '60',
    repeats: false,
    weekdays: [],
    ends: 'weeks',
    weeks: '6',
    until: addDays(next.date, 7 * 5),
  };
}

/** The weekday a date falls on, as the series' weekdays name it. */
export function weekdayOf(date: string): Weekday {
  return weekdayCodes[weekdayIndex(date)] ?? 'MO';
}

/** Ticks or unticks a weekday, keeping Monday-first order. */
export function withWeekday(draft: ScheduleDraft, day: Weekday, on: boolean): ScheduleDraft {
  const days = weekdayCodes.filter((d) => (d === day ? on : draft.weekdays.includes(d)));
  return { ...draft, weekdays: days };
}

/** Whole numbers from what was typed; anything else NaN, which the server reports against the field. */
function whole(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The request's `schedule`, or undefined to start at once. The zone is the browser's: the server keeps
 * the wall-clock time in it across daylight-saving changes. With no weekday ticked the start's own is
 * sent, so what the form shows is what is booked.
 */
export function toSessionSchedule(draft: ScheduleDraft, zone: string): SessionSchedule | undefined {
  if (draft.when === 'now') return undefined;
  const schedule: SessionSchedule = {
    startsAt: `${draft.date}T${draft.time}`,
    durationMinutes: whole(draft.duration),
    timeZone: zone,
  };
  if (!draft.repeats) return schedule;
  const weekdays = draft.weekdays.length > 0 ? draft.weekdays : [weekdayOf(draft.date)];
  return {
    ...schedule,
    repeat:
      draft.ends === 'weeks' ? { weekdays, weeks: whole(draft.weeks) } : { weekdays, until: draft.until },
  };
}

/** Problems the form can see before sending (a box that is not a number), keyed as the server's are. */
export function scheduleProblems(draft: ScheduleDraft): Record<string, string> {
  if (draft.when === 'now') return {};
  const problems: Record<string, string> = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) problems['schedule.startsAt'] = 'Pick a date';
  else if (!/^\d{2}:\d{2}$/.test(draft.time)) problems['schedule.startsAt'] = 'Pick a start time';
  if (draft.repeats && draft.ends === 'weeks' && Number.isNaN(whole(draft.weeks)))
    problems['schedule.repeat.weeks'] = 'Enter a whole number of weeks';
  if (draft.repeats && draft.ends === 'until' && !/^\d{4}-\d{2}-\d{2}$/.test(draft.until))
    problems['schedule.repeat.until'] = 'Pick the last date';
  return problems;
}

/** The schedule's error paths the form shows beside its fields. */
export function isScheduleFieldPath(path: string): boolean {
  return /^schedule(\.(startsAt|durationMinutes|timeZone|repeat(\.(weeks|until|weekdays(\.\d+)?))?))?$/.test(
    path,
  );
}

/** What is said beside the date and time: the start itself, or the schedule as a whole. */
export function startError(errors: Record<string, string>): string | undefined {
  return errors['schedule.startsAt'] ?? errors.schedule ?? errors['schedule.timeZone'];
}

/** What is said beside the repeat: its weeks or end date, or the repeat as a whole. */
export function repeatError(errors: Record<string, string>): string | undefined {
  return (
    errors['schedule.repeat.weeks'] ??
    errors['schedule.repeat.until'] ??
    errors['schedule.repeat'] ??
    Object.entries(errors).find(([path]) => path.startsWith('schedule.repeat.weekdays'))?.[1]
  );
}
