/**
 * Scheduling through the real routes, mail through the calendar worker to a real SMTP server: a weekly
 * series of three invites the tutor and the guardian (never a guest), a move sends an update with the
 * same UID and a higher SEQUENCE, a cancellation METHOD:CANCEL and no reminder, and a reminder arrives once.
 */
import type { CreateSessionResponse } from '@assent/shared';
import ical, { type VEvent } from 'node-ical';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../mail/mailer';
import { asAccount, signedInAs } from '../test-support/accounts';
import { icsAttachment, mailText } from '../test-support/calendar';
import { startMailCatcher } from '../test-support/mail-catcher';
import { agreedGuardian, enrolledBy, enrolStudent } from '../test-support/organisation';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { createCalendarWorker } from './calendar-worker';

/** Wednesday 10 March 2027, noon UTC; the series starts Monday 22 March, 16:30 in New York (EDT, UTC-4). */
const now = new Date('2027-03-10T12:00:00.000Z');

function calendarOf(raw: string) {
  const parsed = ical.sync.parseICS(icsAttachment(raw) ?? '');
  const event = Object.values(parsed).find((c): c is VEvent => c?.type === 'VEVENT');
  return { event, method: (parsed.vcalendar as { method?: string } | undefined)?.method };
}

describe.each(testDatabases)('calendar mail for scheduled sessions ($name)', (database) => {
  const ctx = useTestApp(database);

  it('invites, updates, cancels and reminds through the scheduling routes', async () => {
    const t = ctx();
    t.clock.now = now;
    const catcher = await startMailCatcher();
    try {
      const worker = createCalendarWorker({
        db: t.db,
        mailer: createMailer(
          { smtpUrl: catcher.url, from: 'Assent <no-reply@assent.invalid>' },
          pino({ level: 'silent' }),
        ),
        logger: pino({ level: 'silent' }),
        now: () => t.clock.now,
        publicUrl: t.config.publicUrl,
        pollMs: 60_000,
      });
      const tutor = await signedInAs(t, 'tutor', 'Dana Tutor');
      const pat = await agreedGuardian(t, 'Pat Guardian');
      const sam = await enrolStudent(t, 'Sam Student', true, [pat]);
      await enrolledBy(t, tutor, sam);
      const res = await asAccount(t, tutor, 'POST', '/api/sessions', {
        title: 'Maths',
        studentIds: [sam],
        guests: [],
        schedule: {
          startsAt: '2027-03-22T16:30',
          durationMinutes: 60,
          timeZone: 'America/New_York',
          repeat: { weekdays: [], weeks: 3 },
        },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const created = (await res.json()) as CreateSessionResponse;
      const [first, second, third] = created.occurrences ?? [];
      if (!first || !second || !third) throw new Error('a series of three');

      // One invitation per person per occurrence: 3 to the tutor, 3 to the guardian.
      expect(await worker.runOnce()).toMatchObject({ sent: 6, failed: 0 });
      const toPat = () => catcher.received.filter((m) => m.to.includes(pat.email));
      expect(toPat()).toHaveLength(3);
      const invites = toPat().map((m) => calendarOf(m.raw));
      expect(invites.map((i) => i.method)).toEqual(['REQUEST', 'REQUEST', 'REQUEST']);
      expect(invites.map((i) => new Date(i.event?.start as Date).toISOString()).sort()).toEqual([
        '2027-03-22T20:30:00.000Z',
        '2027-03-29T20:30:00.000Z',
        '2027-04-05T20:30:00.000Z',
      ]);
      const uidOf = (sessionId: string) => `${sessionId}@${new URL(t.config.publicUrl).host}`;
      const secondInvite = invites.find((i) => i.event?.uid === uidOf(second.sessionId));
      expect(secondInvite?.event?.sequence).toBe(0);

      // The second moved an hour later: an update, same UID, higher SEQUENCE.
      const moved = await asAccount(t, tutor, 'PATCH', `/api/sessions/${second.sessionId}/schedule`, {
        startsAt: '2027-03-29T17:30',
        timeZone: 'America/New_York',
      });
      expect(moved.status, await moved.clone().text()).toBe(200);
      expect(await worker.runOnce()).toMatchObject({ sent: 2 });
      const update = calendarOf(toPat()[3]?.raw ?? '');
      expect(update.method).toBe('REQUEST');
      expect(update.event?.uid).toBe(uidOf(second.sessionId));
      expect(update.event?.sequence).toBeGreaterThan(0);
      expect(new Date(update.event?.start as Date).toISOString()).toBe('2027-03-29T21:30:00.000Z');

      // The third cancelled: METHOD:CANCEL, and no reminder of it later.
      const cancelled = await asAccount(t, tutor, 'POST', `/api/sessions/${third.sessionId}/cancel`);
      expect(cancelled.status, await cancelled.clone().text()).toBe(200);
      expect(await worker.runOnce()).toMatchObject({ sent: 2 });
      const cancel = calendarOf(toPat()[4]?.raw ?? '');
      expect(cancel.method).toBe('CANCEL');
      expect(cancel.event?.uid).toBe(uidOf(third.sessionId));
      expect(String(cancel.event?.status)).toBe('CANCELLED');

      // Reminders at each lead before the first (20:30 UTC on 22 March), each once, with Pat's own route.
      const reminders = () => toPat().filter((m) => /^Subject: Reminder/m.test(m.raw));
      const at = async (iso: string) => {
        t.clock.now = new Date(iso);
        await worker.runOnce();
        await worker.runOnce();
      };
      await at('2027-03-21T20:30:00.000Z');
      expect(reminders()).toHaveLength(1);
      await at('2027-03-22T20:15:00.000Z');
      expect(reminders()).toHaveLength(2);
      for (const m of reminders()) expect(mailText(m.raw)).toContain(`/?session=${first.sessionId}`);
      // The moved second is reminded a day before its new time, not its old one.
      await at('2027-03-28T20:30:00.000Z');
      expect(reminders()).toHaveLength(2);
      await at('2027-03-28T21:30:00.000Z');
      expect(reminders()).toHaveLength(3);
      expect(mailText(reminders()[2]?.raw ?? '')).toContain(`/?session=${second.sessionId}`);
      // The cancelled third: nothing at its times.
      await at('2027-04-04T20:30:00.000Z');
      await at('2027-04-05T20:15:00.000Z');
      expect(reminders()).toHaveLength(3);
    } finally {
      await catcher.close();
    }
  });
});
