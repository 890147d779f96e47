/**
 * The iCalendar a calendar mail carries (RFC 5545/5546, made by ical-generator): one VEVENT for one
 * occurrence, with a UID that stays the same for that occurrence whatever happens to it, SEQUENCE from
 * `sessions.calendar_sequence`, METHOD:REQUEST for an invitation or a change and METHOD:CANCEL (STATUS:
 * CANCELLED) for a cancellation, so Google, Outlook and Apple calendars add, move and remove the entry.
 *
 * Times are written in UTC (`DTSTART:20261214T163000Z`). Every occurrence is its own event, never an
 * RRULE, so there is no wall-clock rule for a time zone to keep across daylight saving; a UTC instant is
 * read the same by every client and shown in the reader's own zone, and no VTIMEZONE block (which would
 * need a zone database of its own) can disagree with the reader's.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

export interface CalendarEntry {
  sessionId: string;
  title: string;
  /** ISO UTC. */
  startsAt: string;
  durationMinutes: number;
  sequence: number;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  /** The recipient's own way in: their dashboard, where they sign in and press Join. */
  joinUrl: string;
  description: string;
}

export type CalendarMethod = 'REQUEST' | 'CANCEL';

/** The stable UID of an occurrence: its session id at the server's public host. */
export function occurrenceUid(sessionId: string, publicUrl: string): string {
  return `${sessionId}@${new URL(publicUrl).host}`;
}

export function calendarIcs(
  method: CalendarMethod,
  entry: CalendarEntry,
  publicUrl: string,
  stamp: Date,
): string {
  const calendar = ical({
    prodId: { company: 'Assent', product: 'Assent', language: 'EN' },
    method: method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  const start = new Date(entry.startsAt);
  calendar.createEvent({
    id: occurrenceUid(entry.sessionId, publicUrl),
    sequence: entry.sequence,
    stamp,
    start,
    end: new Date(start.getTime() + entry.durationMinutes * 60_000),
    summary: entry.title,
    description: entry.description,
    url: entry.joinUrl,
    organizer: { name: entry.organizer.name, email: entry.organizer.email },
    attendees: [{ name: entry.attendee.name, email: entry.attendee.email, rsvp: false }],
    status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
