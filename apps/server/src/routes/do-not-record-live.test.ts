/** "Do not record" set while a session with the student is recording, or being asked to: it ends at once. */
import { randomUUID } from 'node:crypto';
import type { ConsentLogResponse } from '@assent/shared';
import { describe, expect, it } from 'vitest';
import { acceptLink, asAccount, type TestAccount } from '../test-support/accounts';
import { buildSession, type SessionSpec, sampleSpec, seatsOf } from '../test-support/organisation';
import {
  answer,
  command,
  get,
  joinRoom,
  type RecordingSession,
  recordWithEveryone,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import { errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

/** The sample session (Dana, Sam a minor, Pat his guardian) with Pat's account and Sam's student id. */
async function sessionWithFamily(
  t: TestApp,
  spec: SessionSpec = sampleSpec,
): Promise<RecordingSession & { pat: TestAccount; samId: string }> {
  const { created, guardians, studentIds } = await buildSession(t, spec);
  const everyone = (await seatsOf(t, created.sessionId)).map((seat) => ({
    personId: seat.personId,
    role: seat.role,
    token: seat.token,
    identity: seat.identity,
  }));
  const [tutor, student, guardian] = everyone;
  const pat = guardians['Pat Guardian'];
  const samId = studentIds['Sam Student'];
  if (!tutor || !student || !guardian || !pat || !samId) throw new Error('sample session has three people');
  const { room_name } = await t.db
    .selectFrom('sessions')
    .select('room_name')
    .where('id', '=', created.sessionId)
    .executeTakeFirstOrThrow();
  return {
    sessionId: created.sessionId,
    roomName: room_name,
    tutor,
    student,
    guardian,
    everyone,
    pat,
    samId,
  };
}

const setDoNotRecord = (t: TestApp, account: TestAccount, studentId: string, doNotRecord: boolean) =>
  asAccount(t, account, 'PUT', `/api/students/${studentId}/recording-preference`, { doNotRecord });

describe.each(testDatabases)('"do not record" during a recording ($name)', (database) => {
  const ctx = useTestApp(database);

  it('stops a running recording at once, with a consent-log entry saying why', async () => {
    const t = ctx();
    const s = await sessionWithFamily(t);
    const { requestId, egressId } = await recordWithEveryone(t, s);
    expect((await stateOf(t, s)).state.status).toBe('recording');

    const res = await setDoNotRecord(t, s.pat, s.samId, true);
    expect(res.status).toBe(200);
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
    expect(t.egress.running()).toEqual([]);
    const stored = await t.consent.read(s.sessionId);
    expect(stored?.state.request).toBeNull();
    expect(stored?.state.egress).toMatchObject({ kind: 'stopping', egressId, reason: 'cancelled' });
    expect((await stateOf(t, s)).state.status).toBe('stopping');
    await t.consent.apply(s.sessionId, { type: 'egress_ended', egressId });
    expect((await stateOf(t, s)).state).toMatchObject({ status: 'not_requested', banner: 'Not recording' });

    const log = (await (await get(t, 'log', s.tutor.token)).json()) as ConsentLogResponse;
    expect(log.entries.at(-1)).toMatchObject({
      kind: 'cancel',
      personName: 'Sam Student',
      role: 'student',
      requestId,
      purpose: 'quality_assurance',
      reason: 'do_not_record',
    });
    // Sam's own consent record shows it too; nobody else's answers carry a reason.
    const own = (await (await get(t, 'log', s.student.token)).json()) as ConsentLogResponse;
    expect(own.entries.map((e) => [e.kind, e.reason])).toEqual([
      ['consent', undefined],
      ['cancel', 'do_not_record'],
    ]);

    // And nobody can ask again while the preference stands.
    const again = await answer(t, 'consent', s.student, requestId);
    expect(again.status).toBe(409);
    const ask = await command(t, 'request', s.tutor.token, {
      clientRequestId: randomUUID(),
      purpose: 'quality_assurance',
    });
    expect((await errorOf(ask)).code).toBe('recording_refused_by_preference');
  });

  it('cancels an open request before anyone has consented, so no recording can start', async () => {
    const t = ctx();
    const s = await sessionWithFamily(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const requestId = await requestRecording(t, s);
    await answer(t, 'consent', s.tutor, requestId);
    expect((await setDoNotRecord(t, s.pat, s.samId, true)).status).toBe(200);
    expect((await t.consent.read(s.sessionId))?.state.request).toBeNull();
    for (const person of [s.student, s.guardian]) {
      expect((await answer(t, 'consent', person, requestId)).status).toBe(409);
    }
    await t.consent.idle();
    expect(t.egress.starts).toEqual([]);
  });

  it('leaves sessions without the student, and a preference turned off, alone', async () => {
    const t = ctx();
    const s = await sessionWithFamily(t);
    const other = await sessionWithFamily(t, {
      title: 'Another family',
      tutorName: 'Dana Tutor',
      participants: [
        { name: 'Sam Student', role: 'student', minor: true },
        { name: 'Pat Guardian', role: 'guardian' },
      ],
    });
    const { egressId } = await recordWithEveryone(t, s);
    // Turning it off (or setting it for another family's child) stops nothing.
    expect((await setDoNotRecord(t, s.pat, s.samId, false)).status).toBe(200);
    expect((await setDoNotRecord(t, other.pat, other.samId, true)).status).toBe(200);
    await t.consent.idle();
    expect(t.egress.running()).toEqual([egressId]);
    expect((await t.consent.read(s.sessionId))?.state.request?.status).toBe('open');
  });

  it('stops it when an adult student with their own sign-in sets it for themselves', async () => {
    const t = ctx();
    const s = await sessionWithFamily(t, {
      title: 'Adult learner',
      tutorName: 'Dana Tutor',
      participants: [
        { name: 'Sam Student', role: 'student', minor: false },
        { name: 'Pat Guardian', role: 'guardian' },
      ],
    });
    const { egressId } = await recordWithEveryone(t, s);
    const invited = await asAccount(t, s.pat, 'POST', `/api/students/${s.samId}/invitations`, {
      email: 'sam@example.org',
    });
    const sam = await acceptLink(t, ((await invited.json()) as { link: string }).link, 'Sam', 'student');
    expect((await setDoNotRecord(t, sam, s.samId, true)).status).toBe(200);
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
  });

  it('honours a "do not record" committed while a request was being made', async () => {
    const t = ctx();
    const s = await sessionWithFamily(t);
    // The preference lands after the request's up-front check and before the request is written, so the
    // preference's own pass found nothing to cancel.
    const apply = t.consent.apply;
    t.consent.apply = async (sessionId, event, options) => {
      if (event.type === 'request') {
        await t.db
          .insertInto('recording_preference_changes')
          .values({
            id: randomUUID(),
            student_id: s.samId,
            do_not_record: 1,
            changed_by_user_id: s.pat.userId,
            at: t.clock.now.toISOString(),
          })
          .execute();
      }
      return apply(sessionId, event, options);
    };
    const res = await command(t, 'request', s.tutor.token, {
      clientRequestId: randomUUID(),
      purpose: 'quality_assurance',
    });
    t.consent.apply = apply;
    expect(res.status).toBe(409);
    expect((await errorOf(res)).code).toBe('recording_refused_by_preference');
    const stored = await t.consent.read(s.sessionId);
    expect(stored?.state.request).toBeNull();
    const log = (await (await get(t, 'log', s.tutor.token)).json()) as ConsentLogResponse;
    expect(log.entries.map((e) => [e.kind, e.personName])).toEqual([
      ['request', 'Dana Tutor'],
      ['cancel', 'Sam Student'],
    ]);
  });
});
