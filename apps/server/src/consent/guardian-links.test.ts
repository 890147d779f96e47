// Rule 3 with guardians linked to particular students: the server places each guardian as guardian of
// their own students only, whether LiveKit's news comes from a webhook join or from the reconciler.
import { describe, expect, it } from 'vitest';
import type { SessionSpec } from '../test-support/organisation';
import {
  answer,
  createSessionFrom,
  joinRoom,
  type RecordingSession,
  requestRecording,
  type SessionPerson,
  stateOf,
} from '../test-support/recording-session';
import { type TestApp, testReconciler, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const twoFamilies: SessionSpec = {
  title: 'Study group',
  tutorName: 'Dana Tutor',
  participants: [
    { name: 'Ana', role: 'student', minor: true },
    { name: 'Ben', role: 'student', minor: true },
    { name: 'Gail', role: 'guardian', guardianOf: ['Ana'] },
    { name: 'Hugo', role: 'guardian', guardianOf: ['Ben'] },
  ],
};

const sharedGuardian: SessionSpec = {
  title: 'Siblings',
  tutorName: 'Dana Tutor',
  participants: [
    { name: 'Ana', role: 'student', minor: true },
    { name: 'Ben', role: 'student', minor: true },
    { name: 'Pat', role: 'guardian' },
  ],
};

async function sessionOf(t: TestApp, body: SessionSpec) {
  const created = await createSessionFrom(t, body);
  const person = (name: string): SessionPerson => {
    const found = created.named[name];
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  const s: RecordingSession = {
    ...created,
    tutor: person('Dana Tutor'),
    student: person('Ana'),
    guardian: created.everyone.find((p) => p.role === 'guardian') ?? person('Pat'),
  };
  return { s, person };
}

describe.each(testDatabases)('guardians linked to their students ($name)', (database) => {
  const ctx = useTestApp(database);

  it("does not count a guardian of Ana for Ben: recording waits for Ben's own guardian", async () => {
    const t = ctx();
    const { s, person } = await sessionOf(t, twoFamilies);
    const withoutHugo = ['Dana Tutor', 'Ana', 'Ben', 'Gail'].map(person);
    for (const p of withoutHugo) await joinRoom(t, s, p.identity);
    const participants = (await t.consent.read(s.sessionId))?.state.participants ?? {};
    expect(participants[person('Gail').identity]?.guardianOf).toEqual([person('Ana').personId]);

    const requestId = await requestRecording(t, s);
    for (const p of withoutHugo) await answer(t, 'consent', p, requestId);
    await t.consent.idle();
    // Everyone present consented, but Ben's consent needs Hugo's: Gail is Ana's guardian only.
    expect(t.egress.starts).toEqual([]);
    expect((await stateOf(t, s)).state).toMatchObject({ status: 'waiting', consented: 3, required: 4 });

    await joinRoom(t, s, person('Hugo').identity);
    expect(
      (await t.consent.read(s.sessionId))?.state.participants[person('Hugo').identity]?.guardianOf,
    ).toEqual([person('Ben').personId]);
    await answer(t, 'consent', person('Hugo'), requestId);
    await t.consent.idle();
    expect(t.egress.running()).toHaveLength(1);
  });

  it('places linked guardians the same way when only the reconciler saw them join', async () => {
    const t = ctx();
    const { s, person } = await sessionOf(t, twoFamilies);
    const withoutHugo = ['Dana Tutor', 'Ana', 'Ben', 'Gail'].map(person);
    t.roomService.rooms.set(
      s.roomName,
      withoutHugo.map((p) => ({ identity: p.identity, name: p.identity, kind: 'STANDARD', hidden: false })),
    );
    const reconciler = testReconciler(t);
    await reconciler.runOnce();
    const participants = (await t.consent.read(s.sessionId))?.state.participants ?? {};
    expect(participants[person('Gail').identity]).toEqual({
      role: 'guardian',
      personId: person('Gail').personId,
      guardianOf: [person('Ana').personId],
      hidden: false,
    });

    const requestId = await requestRecording(t, s);
    for (const p of withoutHugo) await answer(t, 'consent', p, requestId);
    await t.consent.idle();
    expect(t.egress.starts).toEqual([]);
    expect((await stateOf(t, s)).state).toMatchObject({ consented: 3, required: 4 });
  });

  it('keeps a guardian the tutor linked to nobody as guardian of every student', async () => {
    const t = ctx();
    const { s, person } = await sessionOf(t, sharedGuardian);
    for (const p of s.everyone) await joinRoom(t, s, p.identity);
    const participants = (await t.consent.read(s.sessionId))?.state.participants ?? {};
    expect(participants[person('Pat').identity]?.guardianOf).toEqual([
      person('Ana').personId,
      person('Ben').personId,
    ]);

    const requestId = await requestRecording(t, s);
    for (const p of s.everyone) await answer(t, 'consent', p, requestId);
    await t.consent.idle();
    expect(t.egress.running()).toHaveLength(1);
  });
});
