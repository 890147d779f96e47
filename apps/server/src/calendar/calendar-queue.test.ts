/** Which calendar jobs a change writes: who is told, which reminders are planned, replanned and dropped. */
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { insertAccount, insertScheduledSession } from '../test-support/calendar';
import { testDatabases, useDatabase } from '../test-support/test-databases';
import { queueCalendarChange } from './calendar-queue';

const start = '2026-12-14T16:30:00.000Z';
const minutes = (n: number) => n * 60_000;
const ahead = (iso: string, ms: number) => new Date(new Date(iso).getTime() - ms);

async function family(db: Db) {
  const tutor = await insertAccount(db, 'tutor', 'Tia Tutor');
  const guardian = await insertAccount(db, 'guardian', 'Pat Guardian');
  const student = await insertAccount(db, 'student', 'Sol Student');
  const admin = await insertAccount(db, 'admin', 'Ada Admin');
  const { sessionId } = await insertScheduledSession(db, {
    ownerUserId: tutor.id,
    title: 'Maths',
    startsAt: start,
    seats: [
      { name: tutor.name, role: 'tutor', userId: tutor.id },
      { name: 'Sam Child', role: 'student', userId: null, minor: true },
      { name: guardian.name, role: 'guardian', userId: guardian.id },
      { name: student.name, role: 'student', userId: student.id },
      { name: 'Gus Guest', role: 'student', userId: null },
      { name: admin.name, role: 'observer', userId: admin.id },
    ],
  });
  return { tutor, guardian, student, admin, sessionId };
}

const jobsOf = (db: Db, sessionId: string) =>
  db
    .selectFrom('calendar_jobs')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('kind')
    .orderBy('due_at')
    .execute();

describe.each(testDatabases)('queueing calendar changes ($name)', (database) => {
  const db = useDatabase(database);

  it('invites the tutor, the guardian and a student who signs in, never a guest or an observer, with their reminders', async () => {
    const f = await family(db());
    const at = ahead(start, minutes(3 * 1440));
    await db()
      .transaction()
      .execute((trx) => queueCalendarChange(trx, { kind: 'invite', sessionIds: [f.sessionId] }, at));
    const jobs = await jobsOf(db(), f.sessionId);
    const invites = jobs.filter((j) => j.kind === 'invite');
    expect(invites.map((j) => j.recipient_user_id).sort()).toEqual(
      [f.tutor.id, f.guardian.id, f.student.id].sort(),
    );
    expect(invites.every((j) => j.due_at === at.toISOString())).toBe(true);
    const reminders = jobs.filter((j) => j.kind === 'reminder');
    expect(reminders).toHaveLength(6);
    for (const lead of [1440, 15]) {
      const due = ahead(start, minutes(lead)).toISOString();
      expect(reminders.filter((j) => j.lead_minutes === lead && j.due_at === due)).toHaveLength(3);
    }
    expect(reminders.every((j) => j.planned_start === start)).toBe(true);

    // Queued again (a retried request): nothing twice.
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, at);
    expect(await jobsOf(db(), f.sessionId)).toHaveLength(9);
  });

  it('skips a reminder whose lead is already past when planned', async () => {
    const f = await family(db());
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, ahead(start, minutes(60)));
    const reminders = (await jobsOf(db(), f.sessionId)).filter((j) => j.kind === 'reminder');
    expect(reminders.map((j) => j.lead_minutes)).toEqual([15, 15, 15]);
  });

  it('a move mails an update (not to someone whose invitation still waits) and replans unsent reminders; a sent one stays', async () => {
    const f = await family(db());
    const at = ahead(start, minutes(3 * 1440));
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, at);
    // The tutor's and the guardian's invitations and the tutor's day reminder went out; the student's waits.
    await db()
      .updateTable('calendar_jobs')
      .set({ sent_at: at.toISOString() })
      .where('session_id', '=', f.sessionId)
      .where((eb) =>
        eb.or([
          eb.and([eb('kind', '=', 'invite'), eb('recipient_user_id', '!=', f.student.id)]),
          eb.and([
            eb('kind', '=', 'reminder'),
            eb('recipient_user_id', '=', f.tutor.id),
            eb('lead_minutes', '=', 1440),
          ]),
        ]),
      )
      .execute();
    const moved = '2026-12-15T16:30:00.000Z';
    await db()
      .updateTable('sessions')
      .set({ starts_at: moved, calendar_sequence: 1 })
      .where('id', '=', f.sessionId)
      .execute();
    await queueCalendarChange(db(), { kind: 'update', sessionIds: [f.sessionId] }, at);
    const jobs = await jobsOf(db(), f.sessionId);
    const updates = jobs.filter((j) => j.kind === 'update');
    expect(updates.map((j) => j.recipient_user_id).sort()).toEqual([f.tutor.id, f.guardian.id].sort());
    expect(updates[0]?.dedupe_key).toMatch(/:1$/);
    const reminders = jobs.filter((j) => j.kind === 'reminder');
    const unsent = reminders.filter((j) => j.sent_at === null);
    expect(unsent).toHaveLength(6);
    expect(unsent.every((j) => j.planned_start === moved)).toBe(true);
    expect(reminders.filter((j) => j.sent_at !== null).map((j) => j.planned_start)).toEqual([start]);

    // A second move replaces the waiting update rather than adding a second one to send.
    await db().updateTable('sessions').set({ calendar_sequence: 2 }).where('id', '=', f.sessionId).execute();
    await queueCalendarChange(db(), { kind: 'update', sessionIds: [f.sessionId] }, at);
    const again = (await jobsOf(db(), f.sessionId)).filter((j) => j.kind === 'update');
    expect(again.filter((j) => j.skipped_at === null).map((j) => j.dedupe_key.endsWith(':2'))).toEqual([
      true,
      true,
    ]);
    expect(again.filter((j) => j.skipped_at !== null)).toHaveLength(2);
  });

  it('a cancellation mails everyone told, drops unsent reminders and waiting invitations', async () => {
    const f = await family(db());
    const at = ahead(start, minutes(3 * 1440));
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, at);
    await db()
      .updateTable('sessions')
      .set({ cancelled_at: at.toISOString(), calendar_sequence: 1 })
      .where('id', '=', f.sessionId)
      .execute();
    await queueCalendarChange(db(), { kind: 'cancel', sessionIds: [f.sessionId] }, at);
    const jobs = await jobsOf(db(), f.sessionId);
    expect(jobs.filter((j) => j.kind === 'reminder')).toEqual([]);
    expect(jobs.filter((j) => j.kind === 'invite').every((j) => j.skipped_at !== null)).toBe(true);
    expect(jobs.filter((j) => j.kind === 'cancel')).toHaveLength(3);

    // An invitation for a cancelled occurrence plans nothing to send.
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, at);
    expect(await jobsOf(db(), f.sessionId)).toHaveLength(jobs.length);
  });

  it('invites someone seated later, and nobody twice; nobody to an occurrence that is over', async () => {
    const f = await family(db());
    const at = ahead(start, minutes(3 * 1440));
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, at);
    const second = await insertAccount(db(), 'guardian', 'Robin Guardian');
    await db()
      .insertInto('people')
      .values({
        id: 'per_robin',
        session_id: f.sessionId,
        name: second.name,
        role: 'guardian',
        minor: 0,
        livekit_identity: 'p_robin',
        created_at: at.toISOString(),
        user_id: second.id,
        student_id: null,
      })
      .execute();
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [f.sessionId] }, at);
    const invites = (await jobsOf(db(), f.sessionId)).filter((j) => j.kind === 'invite');
    expect(invites).toHaveLength(4);
    expect(invites.filter((j) => j.recipient_user_id === second.id)).toHaveLength(1);

    const late = await insertAccount(db(), 'guardian', 'Lou Late');
    await db().updateTable('people').set({ user_id: late.id }).where('id', '=', 'per_robin').execute();
    // The hour-long session has ended: nobody is invited to it any more.
    await queueCalendarChange(
      db(),
      { kind: 'invite', sessionIds: [f.sessionId] },
      ahead(start, -minutes(60)),
    );
    expect((await jobsOf(db(), f.sessionId)).filter((j) => j.recipient_user_id === late.id)).toEqual([]);
  });

  it('a session without a time gets no calendar mail', async () => {
    const tutor = await insertAccount(db(), 'tutor', 'Tia Tutor');
    const { sessionId } = await insertScheduledSession(db(), {
      ownerUserId: tutor.id,
      title: 'Now',
      startsAt: start,
      seats: [{ name: tutor.name, role: 'tutor', userId: tutor.id }],
    });
    await db().updateTable('sessions').set({ starts_at: null }).where('id', '=', sessionId).execute();
    await queueCalendarChange(db(), { kind: 'invite', sessionIds: [sessionId] }, new Date(start));
    expect(await jobsOf(db(), sessionId)).toEqual([]);
  });
});
