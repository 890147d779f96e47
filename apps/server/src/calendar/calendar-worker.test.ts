/**
 * The calendar worker against a real SMTP server on loopback: what arrives, in which order, once; claims
 * that hold against a second worker (PostgreSQL: row locks) and that a stopped worker's claim is retaken.
 */
import ical, { type VEvent } from 'node-ical';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { createMailer, type Mailer } from '../mail/mailer';
import { icsAttachment, insertAccount, insertScheduledSession, mailText } from '../test-support/calendar';
import { startMailCatcher } from '../test-support/mail-catcher';
import { testDatabases, useDatabase } from '../test-support/test-databases';
import { queueCalendarChange } from './calendar-queue';
import { claimDueJobs, createCalendarWorker, pruneFinishedJobs } from './calendar-worker';

const logger = pino({ level: 'silent' });
const publicUrl = 'http://127.0.0.1:8787';
const start = '2026-12-14T16:30:00.000Z';
const minutes = (n: number) => n * 60_000;
const shift = (iso: string | Date, ms: number) => new Date(new Date(iso).getTime() + ms);

function eventOf(raw: string) {
  const text = icsAttachment(raw) ?? '';
  const parsed = ical.sync.parseICS(text);
  const event = Object.values(parsed).find((c): c is VEvent => c?.type === 'VEVENT');
  return { event, method: (parsed.vcalendar as { method?: string } | undefined)?.method };
}

async function family(db: Db) {
  const tutor = await insertAccount(db, 'tutor', 'Tia Tutor');
  const guardian = await insertAccount(db, 'guardian', 'Pat Guardian');
  const { sessionId } = await insertScheduledSession(db, {
    ownerUserId: tutor.id,
    title: 'Maths with Sam',
    startsAt: start,
    timeZone: 'Europe/London',
    seats: [
      { name: tutor.name, role: 'tutor', userId: tutor.id },
      { name: 'Sam Child', role: 'student', userId: null, minor: true },
      { name: guardian.name, role: 'guardian', userId: guardian.id },
      { name: 'Gus Guest', role: 'student', userId: null },
    ],
  });
  return { tutor, guardian, sessionId };
}

const sessionIdOf = async (db: Db) =>
  (await db.selectFrom('sessions').select('id').executeTakeFirstOrThrow()).id;

describe.each(testDatabases)('the calendar worker ($name)', (database) => {
  const db = useDatabase(database);
  let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
  let mailer: Mailer;
  const clock = { now: new Date(shift(start, -minutes(3 * 1440))) };
  const worker = (overrides: Partial<Parameters<typeof createCalendarWorker>[0]> = {}) =>
    createCalendarWorker({
      db: db(),
      mailer,
      logger,
      now: () => clock.now,
      publicUrl,
      pollMs: 60_000,
      ...overrides,
    });

  beforeEach(async () => {
    catcher = await startMailCatcher();
    mailer = createMailer({ smtpUrl: catcher.url, from: 'Assent <no-reply@assent.invalid>' }, logger);
    clock.now = shift(start, -minutes(3 * 1440));
  });
  afterEach(async () => {
    await catcher.close();
  });

  const mailsTo = (email: string) => catcher.received.filter((m) => m.to.includes(email));

  it('invites, updates with the same UID and a higher SEQUENCE, cancels, and then reminds of nothing', async () => {
    const f = await family(db());
    const w = worker();
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    expect(await w.runOnce()).toEqual({ sent: 2, skipped: 0, failed: 0 });
    expect(catcher.received).toHaveLength(2);
    const [invite] = mailsTo(f.guardian.email);
    expect(invite?.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(invite?.raw).toMatch(/filename=invite\.ics/);
    expect(invite?.raw).not.toMatch(/^Subject:.*Sam/m);
    const first = eventOf(invite?.raw ?? '');
    expect(first.method).toBe('REQUEST');
    expect(first.event?.uid).toBe(`${f.sessionId}@127.0.0.1:8787`);
    expect(new Date(first.event?.start as Date).toISOString()).toBe(start);
    expect(first.event?.sequence).toBe(0);
    expect(first.event?.summary).toBe('Maths with Sam');
    expect(JSON.stringify(first.event?.organizer)).toContain(f.tutor.email);
    expect(mailText(invite?.raw ?? '')).toContain(`${publicUrl}/?session=${f.sessionId}`);

    // Moved by a day: an update, same UID, higher SEQUENCE, new time.
    const moved = shift(start, minutes(1440)).toISOString();
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('sessions')
          .set({ starts_at: moved, calendar_sequence: 1 })
          .where('id', '=', f.sessionId)
          .execute();
        await queueCalendarChange(trx, { kind: 'update', sessionIds: [f.sessionId] }, clock.now);
      });
    expect((await w.runOnce()).sent).toBe(2);
    const second = eventOf(mailsTo(f.guardian.email)[1]?.raw ?? '');
    expect(second.method).toBe('REQUEST');
    expect(second.event?.uid).toBe(first.event?.uid);
    expect(second.event?.sequence).toBe(1);
    expect(new Date(second.event?.start as Date).toISOString()).toBe(moved);

    // Cancelled: METHOD:CANCEL, and when the reminders would have fallen due, nothing is sent.
    await db()
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('sessions')
          .set({ cancelled_at: clock.now.toISOString(), calendar_sequence: 2 })
          .where('id', '=', f.sessionId)
          .execute();
        await queueCalendarChange(trx, { kind: 'cancel', sessionIds: [f.sessionId] }, clock.now);
      });
    expect((await w.runOnce()).sent).toBe(2);
    const cancel = mailsTo(f.guardian.email)[2]?.raw ?? '';
    expect(cancel).toMatch(/method=CANCEL/i);
    const third = eventOf(cancel);
    expect(third.method).toBe('CANCEL');
    expect(third.event?.uid).toBe(first.event?.uid);
    expect(third.event?.sequence).toBe(2);
    expect(String(third.event?.status)).toBe('CANCELLED');

    clock.now = shift(moved, -minutes(5));
    await w.runOnce();
    expect(catcher.received).toHaveLength(6);
    expect(catcher.received.some((m) => /^Subject: Reminder/m.test(m.raw))).toBe(false);
  });

  it('sends each reminder once, at its time, with the person’s own route', async () => {
    const f = await family(db());
    const w = worker();
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    await w.runOnce();
    clock.now = shift(start, -minutes(1440) - 1000);
    expect((await w.runOnce()).sent).toBe(0);
    clock.now = shift(start, -minutes(1440));
    expect((await w.runOnce()).sent).toBe(2);
    const reminder = mailsTo(f.guardian.email).at(-1)?.raw ?? '';
    expect(reminder).toMatch(/^Subject: Reminder: a tutoring session in a day/m);
    expect(mailText(reminder)).toContain(`${publicUrl}/?session=${f.sessionId}`);
    expect(icsAttachment(reminder)).toBeUndefined();
    // Polled again, and planned again (a repeated request): still once.
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    expect((await w.runOnce()).sent).toBe(0);
    clock.now = shift(start, -minutes(15));
    expect((await w.runOnce()).sent).toBe(2);
    expect((await w.runOnce()).sent).toBe(0);
    expect(mailsTo(f.guardian.email).filter((m) => /^Subject: Reminder/m.test(m.raw))).toHaveLength(2);
  });

  it('checks the session at send time: no reminder of an occurrence cancelled or moved without a replan', async () => {
    const f = await family(db());
    const w = worker();
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    await w.runOnce();
    // Cancelled by some path that forgot to queue the change: the reminder still does not go.
    await db()
      .updateTable('sessions')
      .set({ cancelled_at: clock.now.toISOString() })
      .where('id', '=', f.sessionId)
      .execute();
    clock.now = shift(start, -minutes(1440));
    expect(await w.runOnce()).toEqual({ sent: 0, skipped: 2, failed: 0 });
    // Moved the same way: the 15-minute reminder was for a start that is no longer the start.
    await db()
      .updateTable('sessions')
      .set({ cancelled_at: null, starts_at: shift(start, minutes(60)).toISOString() })
      .where('id', '=', f.sessionId)
      .execute();
    clock.now = shift(start, -minutes(15));
    expect(await w.runOnce()).toEqual({ sent: 0, skipped: 2, failed: 0 });
    const reasons = await db()
      .selectFrom('calendar_jobs')
      .select('last_error')
      .where('kind', '=', 'reminder')
      .orderBy('due_at')
      .execute();
    expect(reasons.map((r) => r.last_error)).toEqual(['cancelled', 'cancelled', 'moved', 'moved']);
  });

  it('drops a reminder more than half its lead late, and sends the next one on time', async () => {
    await family(db());
    const w = worker();
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [await sessionIdOf(db())] }, clock.now);
    await w.runOnce();
    // The server was down from before the day's reminder until 11 hours 59 minutes after it: still sent.
    clock.now = shift(start, -minutes(1440) + minutes(719));
    expect(await w.runOnce()).toEqual({ sent: 2, skipped: 0, failed: 0 });
    await db()
      .updateTable('calendar_jobs')
      .set({ sent_at: null, claimed_at: null, claimed_by: null })
      .where('lead_minutes', '=', 1440)
      .execute();
    // Twelve hours and more late: dropped.
    clock.now = shift(start, -minutes(1440) + minutes(721));
    expect(await w.runOnce()).toEqual({ sent: 0, skipped: 2, failed: 0 });
    clock.now = shift(start, -minutes(15));
    expect(await w.runOnce()).toEqual({ sent: 2, skipped: 0, failed: 0 });
  });

  it('takes a stopped worker’s claim again after a while, and not before', async () => {
    const f = await family(db());
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    const options = { limit: 50, staleClaimMs: minutes(10), maxAttempts: 5 };
    const taken = await claimDueJobs(db(), 'worker-that-stopped', clock.now, options);
    expect(taken.map((j) => j.kind)).toEqual(['invite', 'invite']);
    const w = worker({ staleClaimMs: minutes(10) });
    expect((await w.runOnce()).sent).toBe(0);
    clock.now = shift(clock.now, minutes(9));
    expect((await w.runOnce()).sent).toBe(0);
    clock.now = shift(clock.now, minutes(2));
    expect((await w.runOnce()).sent).toBe(2);
    expect(catcher.received).toHaveLength(2);
  });

  it('gives each job to exactly one of two workers polling at once', async () => {
    const tutor = await insertAccount(db(), 'tutor', 'Tia Tutor');
    const sessionIds: string[] = [];
    for (let i = 0; i < 12; i++) {
      const guardian = await insertAccount(db(), 'guardian', `Guardian ${i}`);
      const { sessionId } = await insertScheduledSession(db(), {
        ownerUserId: tutor.id,
        title: `Lesson ${i}`,
        startsAt: shift(start, minutes(1440 * i)).toISOString(),
        seats: [
          { name: tutor.name, role: 'tutor', userId: tutor.id },
          { name: guardian.name, role: 'guardian', userId: guardian.id },
        ],
      });
      sessionIds.push(sessionId);
    }
    await queueCalendarChange(db(), { kind: 'invite', sessionIds }, clock.now);
    const options = { limit: 5, staleClaimMs: minutes(10), maxAttempts: 5 };
    const claims: Record<string, string[]> = { a: [], b: [] };
    for (;;) {
      const [a, b] = await Promise.all([
        claimDueJobs(db(), 'a', clock.now, options),
        claimDueJobs(db(), 'b', clock.now, options),
      ]);
      claims.a?.push(...a.map((j) => j.id));
      claims.b?.push(...b.map((j) => j.id));
      if (a.length === 0 && b.length === 0) break;
    }
    const all = [...(claims.a ?? []), ...(claims.b ?? [])];
    expect(all).toHaveLength(24);
    expect(new Set(all).size).toBe(24);

    // The same through two whole workers: 24 invitations, 24 mails.
    await db().updateTable('calendar_jobs').set({ claimed_at: null, claimed_by: null }).execute();
    const [one, two] = [worker({ workerId: 'one', batchSize: 4 }), worker({ workerId: 'two', batchSize: 4 })];
    let sent = 0;
    for (let round = 0; round < 10; round++) {
      const [p, q] = await Promise.all([one.runOnce(), two.runOnce()]);
      sent += p.sent + q.sent;
    }
    expect(sent).toBe(24);
    expect(catcher.received).toHaveLength(24);
  });

  it('tries a failed mail again later, with a pause, and gives up after the last attempt', async () => {
    const f = await family(db());
    let failing = true;
    const flaky: Mailer = {
      enabled: true,
      async send(mail) {
        if (failing) throw new Error('421 try again later');
        return mailer.send(mail);
      },
    };
    const w = worker({ mailer: flaky, maxAttempts: 3 });
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    expect(await w.runOnce()).toEqual({ sent: 0, skipped: 0, failed: 2 });
    const job = await db()
      .selectFrom('calendar_jobs')
      .selectAll()
      .where('kind', '=', 'invite')
      .where('recipient_user_id', '=', f.guardian.id)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({
      attempts: 1,
      last_error: '421 try again later',
      claimed_at: null,
      sent_at: null,
    });
    expect(job.due_at).toBe(shift(clock.now, minutes(1)).toISOString());
    expect((await w.runOnce()).failed).toBe(0);
    clock.now = shift(clock.now, minutes(1));
    expect((await w.runOnce()).failed).toBe(2);
    clock.now = shift(clock.now, minutes(2));
    expect((await w.runOnce()).failed).toBe(2);
    // Three attempts made: no fourth, even once the server would take it.
    failing = false;
    clock.now = shift(clock.now, minutes(60));
    expect((await w.runOnce()).sent).toBe(0);
    expect(catcher.received).toEqual([]);
  });

  it('does not invite to an occurrence that is over by the time the mail would go', async () => {
    const f = await family(db());
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    clock.now = shift(start, minutes(60));
    expect(await worker().runOnce()).toEqual({ sent: 0, skipped: 6, failed: 0 });
    expect(catcher.received).toEqual([]);
  });

  it('with mail off, finishes due jobs without sending', async () => {
    const f = await family(db());
    const w = worker({ mailer: { enabled: false, send: async () => false } });
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    expect(await w.runOnce()).toEqual({ sent: 0, skipped: 2, failed: 0 });
  });

  it('deletes finished jobs a month after they fell due, and keeps what is still to send', async () => {
    const f = await family(db());
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    await worker().runOnce();
    const count = async () =>
      Number(
        (
          await db()
            .selectFrom('calendar_jobs')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(6);
    expect(await pruneFinishedJobs(db(), shift(clock.now, minutes(29 * 1440)))).toBe(0);
    // A month on, the two sent invitations go; the four reminders were never sent and stay.
    expect(await pruneFinishedJobs(db(), shift(clock.now, minutes(31 * 1440)))).toBe(2);
    expect(await count()).toBe(4);
  });

  it('sends batch after batch in one pass, and on stop hands back what it claimed but did not send', async () => {
    const f = await family(db());
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    expect(await worker({ batchSize: 1 }).runOnce()).toEqual({ sent: 2, skipped: 0, failed: 0 });

    const tutor = await insertAccount(db(), 'tutor', 'Tom Tutor');
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { sessionId } = await insertScheduledSession(db(), {
        ownerUserId: tutor.id,
        title: `Lesson ${i}`,
        startsAt: start,
        seats: [{ name: tutor.name, role: 'tutor', userId: tutor.id }],
      });
      ids.push(sessionId);
    }
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: ids }, clock.now);
    let entered: () => void = () => {};
    const inSend = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const slow: Mailer = {
      enabled: true,
      async send(mail) {
        entered();
        await gate;
        return mailer.send(mail);
      },
    };
    const w = worker({ mailer: slow, batchSize: 5 });
    w.start();
    await inSend;
    const stopping = w.stop();
    open();
    await stopping;
    const rows = await db()
      .selectFrom('calendar_jobs')
      .select(['sent_at', 'claimed_at'])
      .where('kind', '=', 'invite')
      .where('session_id', 'in', ids)
      .execute();
    expect(rows.filter((r) => r.sent_at !== null)).toHaveLength(1);
    expect(rows.filter((r) => r.sent_at === null && r.claimed_at !== null)).toEqual([]);
  });

  it('starts, polls on its own, and stops', async () => {
    const f = await family(db());
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, clock.now);
    const w = worker({ pollMs: 50 });
    w.start();
    for (let i = 0; i < 100 && catcher.received.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    await w.stop();
    expect(catcher.received).toHaveLength(2);
  });
});
