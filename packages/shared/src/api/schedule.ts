import { z } from 'zod';

/** A wall-clock time as a person picks it in a form, without a zone: `2026-12-14T16:30`. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use a date and time such as 2026-12-14T16:30');

/** An IANA time zone such as Europe/London, as the browser reports it (`Intl...timeZone`). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'There is no such time zone' },
  );

export const Weekday = z.enum(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);
export type Weekday = z.infer<typeof Weekday>;

/**
 * A weekly series: on the chosen weekdays (the first start's own weekday when none is chosen), either
 * `weeks` weeks long or until a date (inclusive, in the organiser's zone). At most a year.
 */
export const SessionRepeat = z
  .object({
    weekdays: z.array(Weekday).max(7).default([]),
    weeks: z.number().int().min(1).max(53, 'A series lasts at most a year').optional(),
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2027-03-31')
      .optional(),
  })
  .refine((r) => (r.weeks === undefined) !== (r.until === undefined), {
    message: 'Say how many weeks, or until when',
    path: ['weeks'],
  })
  .refine((r) => new Set(r.weekdays).size === r.weekdays.length, {
    message: 'A weekday is picked twice',
    path: ['weekdays'],
  });
export type SessionRepeat = z.infer<typeof SessionRepeat>;

/**
 * When a session takes place, as the organiser chose it: the first start in their own zone (the server
 * stores UTC and keeps the wall-clock time across daylight-saving changes), the duration, and an
 * optional weekly repeat. The server refuses a start in the past and a series longer than a year.
 */
export const SessionSchedule = z.object({
  startsAt: LocalDateTime,
  durationMinutes: z
    .number()
    .int('Use whole minutes')
    .min(5, 'A session lasts at least 5 minutes')
    .max(480, 'A session lasts at most 8 hours'),
  timeZone: TimeZone,
  repeat: SessionRepeat.optional(),
});
export type SessionSchedule = z.infer<typeof SessionSchedule>;

/** One occurrence as the server stored it (UTC instants). */
export const Occurrence = z.object({
  sessionId: z.string(),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
});
export type Occurrence = z.infer<typeof Occurrence>;

/** Another of the tutor's sessions that overlaps one being scheduled: a warning, not a refusal. */
export const ScheduleOverlap = z.object({
  sessionId: z.string(),
  title: z.string(),
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
});
export type ScheduleOverlap = z.infer<typeof ScheduleOverlap>;

/**
 * `PATCH /api/sessions/:sessionId/schedule`: move one occurrence (or a single scheduled session). The
 * rest of its series stays where it was; everyone in it is mailed an update with a higher SEQUENCE.
 */
export const MoveOccurrenceRequest = z.object({
  startsAt: LocalDateTime,
  durationMinutes: SessionSchedule.shape.durationMinutes.optional(),
  timeZone: TimeZone,
});
export type MoveOccurrenceRequest = z.infer<typeof MoveOccurrenceRequest>;

export const MoveOccurrenceResponse = z.object({
  occurrence: Occurrence,
  sequence: z.number().int().min(0),
  overlaps: z.array(ScheduleOverlap),
});
export type MoveOccurrenceResponse = z.infer<typeof MoveOccurrenceResponse>;

/** `POST /api/sessions/:sessionId/cancel`: cancel one occurrence; everyone in it is mailed METHOD:CANCEL. */
export const CancelOccurrenceResponse = z.object({
  sessionId: z.string(),
  cancelledAt: z.string().datetime(),
  sequence: z.number().int().min(0),
});
export type CancelOccurrenceResponse = z.infer<typeof CancelOccurrenceResponse>;

/** What "Your sessions" shows of a session's time. All instants UTC; the page shows the viewer's zone. */
export const SessionTime = z.object({
  startsAt: z.string().datetime(),
  endsAt: z.string().datetime(),
  /** The organiser's zone, shown beside the time when it differs from the viewer's. */
  timeZone: z.string(),
  seriesId: z.string().nullable(),
  /** 1-based place in its series and the series' length; null for a single session. */
  occurrence: z.object({ number: z.number().int().min(1), of: z.number().int().min(1) }).nullable(),
  cancelledAt: z.string().datetime().nullable(),
  /** When Join opens and closes (the policy's minutes before the start and grace after the end). */
  joinOpensAt: z.string().datetime(),
  joinClosesAt: z.string().datetime(),
});
export type SessionTime = z.infer<typeof SessionTime>;
