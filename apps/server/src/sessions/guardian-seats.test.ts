import { describe, expect, it } from 'vitest';
import { queueCalendarChange } from '../calendar/calendar-queue';
import { becomeGuardian } from '../enrolment/guardianships';
import { signedInAs } from '../test-support/accounts';
import { buildSession, seatsOf } from '../test-support/organisation';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';

/** Sam (Pat's) and Kim (Lee's) in one session. */
async function twoFamilies(t: TestApp) {
  const built = await buildSession(t, {
    title: 'Pairs',
    participants: [
      { name: 'Sam', role: 'student' },
      { name: 'Kim', role: 'student' },
      { name: 'Pat', role: 'guardian', guardianOf: ['Sam'] },
      { name: 'Lee', role: 'guardian', guardianOf: ['Kim'] },
    ],
  });
  const seats = await seatsOf(t, built.created.sessionId);
  const seat = (name: string) => seats.find((s) => s.name === name)?.personId ?? '';
  return { ...built, seat };
}

const linksOf = (t: TestApp, guardianPersonId: string) =>
  t.db
    .selectFrom('guardian_links')
    .select('student_person_id')
    .where('guardian_person_id', '=', guardianPersonId)
    .execute()
    .then((rows) => rows.map((r) => r.student_person_id).sort());

describe.each(testDatabases)('guardian seats ($name)', (database) => {
  const ctx = useTestApp(database);

  it('a guardian seated in a scheduled session still to come is invited to it, and nobody else again', async () => {
    const t = ctx();
    const { studentIds, created } = await twoFamilies(t);
    const startsAt = new Date(t.clock.now.getTime() + 7 * 86_400_000).toISOString();
    await t.db
      .updateTable('sessions')
      .set({ starts_at: startsAt, duration_minutes: 60, time_zone: 'Europe/London' })
      .where('id', '=', created.sessionId)
      .execute();
    // As scheduling it did: everyone in it invited.
    await queueCalendarChange(t.db, { kind: 'invite', sessionIds: [created.sessionId] }, t.clock.now);
    const invitesBefore = await countRows(t.db, 'calendar_jobs');
    const ray = await signedInAs(t, 'guardian', 'Ray');
    await t.db.transaction().execute((trx) => becomeGuardian(trx, ray, [studentIds.Kim ?? ''], t.clock.now));
    const jobs = await t.db
      .selectFrom('calendar_jobs')
      .select(['kind', 'recipient_user_id', 'session_id'])
      .where('recipient_user_id', '=', ray.userId)
      .orderBy('kind')
      .execute();
    expect(jobs.map((j) => [j.kind, j.session_id])).toEqual([
      ['invite', created.sessionId],
      ['reminder', created.sessionId],
      ['reminder', created.sessionId],
    ]);
    expect(await countRows(t.db, 'calendar_jobs')).toBe(invitesBefore + 3);
  });

  it('links a guardian who already has a seat to their new child there, without a second seat', async () => {
    const t = ctx();
    const { guardians, studentIds, seat, created } = await twoFamilies(t);
    const pat = guardians.Pat;
    if (!pat) throw new Error('no Pat');
    const people = await countRows(t.db, 'people');
    await t.db.transaction().execute((trx) => becomeGuardian(trx, pat, [studentIds.Kim ?? ''], t.clock.now));
    expect(await countRows(t.db, 'people')).toBe(people);
    expect(await linksOf(t, seat('Pat'))).toEqual([seat('Sam'), seat('Kim')].sort());
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['target_id', 'detail'])
      .where('action', '=', 'session.guardian_seated')
      .execute();
    expect(audit.map((a) => [a.target_id, JSON.parse(a.detail)])).toEqual([
      [
        created.sessionId,
        {
          guardianUserId: pat.userId,
          personId: seat('Pat'),
          newSeat: false,
          studentPersonIds: [seat('Kim')],
        },
      ],
    ]);
  });

  it('writes nothing when the transaction making the guardianship rolls back', async () => {
    const t = ctx();
    const { studentIds } = await twoFamilies(t);
    const robin = await signedInAs(t, 'guardian', 'Robin');
    const before = await Promise.all(
      (['people', 'guardian_links', 'guardianships', 'audit_log'] as const).map((table) =>
        countRows(t.db, table),
      ),
    );
    await expect(
      t.db.transaction().execute(async (trx) => {
        await becomeGuardian(trx, robin, [studentIds.Sam ?? ''], t.clock.now);
        throw new Error('the account could not be made');
      }),
    ).rejects.toThrow('the account could not be made');
    const after = await Promise.all(
      (['people', 'guardian_links', 'guardianships', 'audit_log'] as const).map((table) =>
        countRows(t.db, table),
      ),
    );
    expect(after).toEqual(before);
  });
});
