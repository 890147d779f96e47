/**
 * The words of calendar mail. Subjects say only that there is a tutoring session and when (subjects
 * travel further than bodies, and a title may name a child); the body names the session and gives the
 * person's own way in: their dashboard, where they sign in and press Join. No join link is put in mail
 * or in a calendar: calendars are shared and kept, and a join link is a personal credential.
 */
import type { OutgoingMail } from '../mail/mailer';
import { type CalendarEntry, calendarIcs } from './calendar-ics';
import type { CalendarJobKind } from './calendar-tables';

export interface CalendarMailInput {
  kind: CalendarJobKind;
  to: { name: string; email: string };
  organizer: { name: string; email: string };
  sessionId: string;
  title: string;
  startsAt: string;
  durationMinutes: number;
  timeZone: string;
  sequence: number;
  /** Reminders: how long before the start this one is. */
  leadMinutes: number | null;
  joinOpensMinutesBefore: number;
  publicUrl: string;
  now: Date;
}

/** The person's own route to the session: the dashboard they sign in to (it lists their sessions). */
export function joinRoute(publicUrl: string, sessionId: string): string {
  return `${publicUrl}/?session=${encodeURIComponent(sessionId)}`;
}

/** `Monday, 14 December 2026 at 16:30 GMT` in the organiser's zone (the calendar shows the reader's own). */
export function whenText(startsAt: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(startsAt));
}

function leadText(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? 'in a day' : `in ${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? 'in an hour' : `in ${minutes / 60} hours`;
  return minutes === 1 ? 'in a minute' : `in ${minutes} minutes`;
}

const subjects: Record<CalendarJobKind, (when: string, lead: number | null) => string> = {
  invite: (when) => `Invitation: a tutoring session on ${when}`,
  update: (when) => `Changed: a tutoring session, now on ${when}`,
  cancel: (when) => `Cancelled: the tutoring session on ${when}`,
  reminder: (when, lead) => `Reminder: a tutoring session ${leadText(lead ?? 0)}, on ${when}`,
};

const openings: Record<CalendarJobKind, (title: string) => string> = {
  invite: (title) => `You are invited to “${title}”, an online tutoring session on Assent.`,
  update: (title) => `The time of “${title}” has changed. Your calendar entry is updated with this mail.`,
  cancel: (title) =>
    `“${title}” is cancelled. Nobody can join it, and it is removed from your calendar with this mail.`,
  reminder: (title) => `A reminder: “${title}” starts soon.`,
};

export function calendarMail(input: CalendarMailInput): OutgoingMail {
  const when = whenText(input.startsAt, input.timeZone);
  const route = joinRoute(input.publicUrl, input.sessionId);
  const howToJoin =
    input.kind === 'cancel'
      ? []
      : [
          `To join, open ${route}, sign in, and press Join on Your sessions. Join opens ${input.joinOpensMinutesBefore} minutes before the start.`,
        ];
  const text = [
    openings[input.kind](input.title),
    '',
    `When: ${when} (${input.durationMinutes} minutes; times are in the organiser's time zone, ${input.timeZone})`,
    `With: ${input.organizer.name}`,
    ...(howToJoin.length ? ['', ...howToJoin] : []),
  ].join('\n');
  const mail: OutgoingMail = {
    to: input.to.email,
    subject: subjects[input.kind](when, input.leadMinutes),
    text,
  };
  if (input.kind === 'reminder') return mail;
  const method = input.kind === 'cancel' ? 'CANCEL' : 'REQUEST';
  const entry: CalendarEntry = {
    sessionId: input.sessionId,
    title: input.title,
    startsAt: input.startsAt,
    durationMinutes: input.durationMinutes,
    sequence: input.sequence,
    organizer: input.organizer,
    attendee: input.to,
    joinUrl: route,
    description:
      input.kind === 'cancel'
        ? 'This session is cancelled.'
        : `Online tutoring on Assent with ${input.organizer.name}. Join from ${route}: sign in and press Join on Your sessions.`,
  };
  return {
    ...mail,
    icalEvent: {
      method,
      filename: 'invite.ics',
      content: calendarIcs(method, entry, input.publicUrl, input.now),
    },
  };
}
