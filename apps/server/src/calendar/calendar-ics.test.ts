/** The calendar attachment as a calendar program reads it (node-ical, a maintained parser). */
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { calendarIcs, occurrenceUid } from './calendar-ics';
import { calendarMail } from './calendar-mail';

const publicUrl = 'https://assent.example.org';

function parse(text: string) {
  const parsed = ical.sync.parseICS(text);
  const events = Object.values(parsed).filter((c): c is VEvent => c?.type === 'VEVENT');
  const method = (parsed.vcalendar as { method?: string } | undefined)?.method;
  return { events, method };
}

const mail = (overrides: Partial<Parameters<typeof calendarMail>[0]> = {}) =>
  calendarMail({
    kind: 'invite',
    to: { name: 'Pat Guardian', email: 'pat@example.org' },
    organizer: { name: 'Tia Tutor', email: 'tia@example.org' },
    sessionId: 'ses_abc',
    title: 'Maths, week 1',
    // 16:30 in New York on a winter Monday (EST, UTC-5).
    startsAt: '2026-12-14T21:30:00.000Z',
    durationMinutes: 45,
    timeZone: 'America/New_York',
    sequence: 0,
    leadMinutes: null,
    joinOpensMinutesBefore: 10,
    publicUrl,
    now: new Date('2026-12-07T12:00:00Z'),
    ...overrides,
  });

describe('the iCalendar attachment', () => {
  it('is one VEVENT at the stored UTC instant, read right in another zone, with the person’s own route', () => {
    const invite = mail();
    expect(invite.icalEvent?.method).toBe('REQUEST');
    expect(invite.icalEvent?.filename).toBe('invite.ics');
    const { events, method } = parse(invite.icalEvent?.content ?? '');
    expect(method).toBe('REQUEST');
    expect(events).toHaveLength(1);
    const [event] = events as [VEvent];
    expect(event.uid).toBe('ses_abc@assent.example.org');
    expect(new Date(event.start).toISOString()).toBe('2026-12-14T21:30:00.000Z');
    expect(new Date(event.end as Date).toISOString()).toBe('2026-12-14T22:15:00.000Z');
    // A reader in Tokyo sees 06:30 the next morning; the organiser in New York 16:30.
    const at = (zone: string) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(
        event.start,
      );
    expect(at('Asia/Tokyo')).toBe('15/12/2026, 06:30');
    expect(at('America/New_York')).toBe('14/12/2026, 16:30');
    expect(event.summary).toBe('Maths, week 1');
    expect(event.sequence).toBe(0);
    expect(String(event.status)).toBe('CONFIRMED');
    expect(JSON.stringify(event.organizer)).toContain('mailto:tia@example.org');
    expect(JSON.stringify(event.url)).toContain('https://assent.example.org/?session=ses_abc');
    expect(event.description).toContain('https://assent.example.org/?session=ses_abc');
    // The mail's own words give the organiser's wall clock and zone.
    expect(invite.text).toContain('Monday, 14 December 2026 at 16:30 GMT-5');
    expect(invite.subject).not.toContain('Maths');
  });

  it('keeps the instant across a daylight-saving change: summer time in New York is UTC-4', () => {
    const { events } = parse(mail({ startsAt: '2027-03-15T20:30:00.000Z' }).icalEvent?.content ?? '');
    const start = (events[0] as VEvent).start;
    expect(new Date(start).toISOString()).toBe('2027-03-15T20:30:00.000Z');
    expect(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', timeStyle: 'short' }).format(start),
    ).toBe('16:30');
  });

  it('an update has the same UID and a higher SEQUENCE; a cancellation is METHOD:CANCEL, STATUS:CANCELLED', () => {
    const first = parse(mail().icalEvent?.content ?? '').events[0] as VEvent;
    const moved = mail({ kind: 'update', sequence: 1, startsAt: '2026-12-15T21:30:00.000Z' });
    expect(moved.icalEvent?.method).toBe('REQUEST');
    const update = parse(moved.icalEvent?.content ?? '');
    const second = update.events[0] as VEvent;
    expect(update.method).toBe('REQUEST');
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBeGreaterThan(first.sequence as number);
    expect(new Date(second.start).toISOString()).toBe('2026-12-15T21:30:00.000Z');

    const cancelMail = mail({ kind: 'cancel', sequence: 2 });
    expect(cancelMail.icalEvent?.method).toBe('CANCEL');
    const cancel = parse(cancelMail.icalEvent?.content ?? '');
    expect(cancel.method).toBe('CANCEL');
    const third = cancel.events[0] as VEvent;
    expect(third.uid).toBe(first.uid);
    expect(third.sequence).toBe(2);
    expect(String(third.status)).toBe('CANCELLED');
  });

  it('a reminder is plain mail with the route and no attachment', () => {
    const reminder = mail({ kind: 'reminder', leadMinutes: 15 });
    expect(reminder.icalEvent).toBeUndefined();
    expect(reminder.subject).toContain('in 15 minutes');
    expect(reminder.text).toContain('https://assent.example.org/?session=ses_abc');
  });

  it('the UID is the session at the public host, stable for the occurrence', () => {
    expect(occurrenceUid('ses_1', 'http://127.0.0.1:8787')).toBe('ses_1@127.0.0.1:8787');
    const one = calendarIcs(
      'REQUEST',
      {
        sessionId: 'ses_1',
        title: 'T',
        startsAt: '2026-12-14T10:00:00.000Z',
        durationMinutes: 30,
        sequence: 0,
        organizer: { name: 'A', email: 'a@example.org' },
        attendee: { name: 'B', email: 'b@example.org' },
        joinUrl: `${publicUrl}/`,
        description: 'd',
      },
      publicUrl,
      new Date(),
    );
    expect(one).toMatch(/^UID:ses_1@assent\.example\.org\r?$/m);
    expect(one).toMatch(/^DTSTART:20261214T100000Z\r?$/m);
  });
});
