import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { type SessionSpec, sampleSpec } from '../test-support/organisation';
import {
  answer,
  createSessionFrom,
  joinRoom,
  recordWithEveryone,
  type SessionPerson,
} from '../test-support/recording-session';
import { postJson, type TestApp, testReconciler, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

const withLateJoiner: SessionSpec = {
  ...sampleSpec,
  participants: [
    ...sampleSpec.participants,
    { name: 'Lee Late', role: 'student', minor: false, guest: true },
  ],
};

async function sessionWithLateJoiner(t: TestApp) {
  const created = await createSessionFrom(t, withLateJoiner);
  const [tutor, student, guardian, late] = created.everyone;
  if (!tutor || !student || !guardian || !late) throw new Error('four people expected');
  return { ...created, tutor, student, guardian, late, everyone: [tutor, student, guardian] };
}

async function tokenCanPublish(t: TestApp, person: SessionPerson): Promise<unknown> {
  const res = await postJson(t.app, '/api/join', { inviteToken: person.token });
  const { token } = (await res.json()) as { token: string };
  return (decodeJwt(token).video as Record<string, unknown>).canPublish;
}

describe.each(testDatabases)('publishing while a recording runs (rule 5) ($name)', (database) => {
  const ctx = useTestApp(database);

  it('a joiner without consent gets a token that cannot publish; with consent, or no recording, it can', async () => {
    const t = ctx();
    const s = await sessionWithLateJoiner(t);
    expect(await tokenCanPublish(t, s.late)).toBe(true);
    const { requestId } = await recordWithEveryone(t, s);
    expect(await tokenCanPublish(t, s.late)).toBe(false);
    // Consenting on the join page, before entering, is consenting.
    await answer(t, 'consent', s.late, requestId);
    expect(await tokenCanPublish(t, s.late)).toBe(true);
  });

  it('holds a joiner back until the recording has stopped, then lets them publish', async () => {
    const t = ctx();
    const s = await sessionWithLateJoiner(t);
    const { egressId } = await recordWithEveryone(t, s);
    const key = `${s.roomName}/${s.late.identity}`;
    await joinRoom(t, s, s.late.identity);
    await t.consent.idle();
    // Fail closed: the recording is being stopped; until it has, the joiner stays unable to publish.
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
    expect(t.roomService.canPublish.get(key)).toBe(false);
    await t.consent.apply(s.sessionId, { type: 'egress_ended', egressId });
    await t.consent.idle();
    expect(t.roomService.canPublish.get(key)).toBe(true);
    // Those who consented could publish throughout.
    for (const person of s.everyone) {
      expect(t.roomService.canPublish.get(`${s.roomName}/${person.identity}`)).toBe(true);
    }
  });

  it('lets a held-back joiner publish as soon as they consent', async () => {
    const t = ctx();
    const s = await sessionWithLateJoiner(t);
    const { requestId } = await recordWithEveryone(t, s);
    await joinRoom(t, s, s.late.identity);
    await t.consent.idle();
    expect(t.roomService.canPublish.get(`${s.roomName}/${s.late.identity}`)).toBe(false);
    await answer(t, 'consent', s.late, requestId);
    await t.consent.idle();
    expect(t.roomService.canPublish.get(`${s.roomName}/${s.late.identity}`)).toBe(true);
  });

  it('a grant that failed is made by the reconciler, and only once', async () => {
    const t = ctx();
    const s = await sessionWithLateJoiner(t);
    const { requestId } = await recordWithEveryone(t, s);
    await joinRoom(t, s, s.late.identity);
    await t.consent.idle();
    const key = `${s.roomName}/${s.late.identity}`;
    expect(t.roomService.canPublish.get(key)).toBe(false);
    t.roomService.failPermissionUpdates = 1;
    await answer(t, 'consent', s.late, requestId);
    await t.consent.idle();
    expect(t.roomService.canPublish.get(key)).toBe(false);

    await testReconciler(t).runOnce();
    await t.consent.idle();
    expect(t.roomService.canPublish.get(key)).toBe(true);
    // Idempotent: a further pass with nothing changed sets nothing.
    const calls: string[] = [];
    const setCanPublish = t.roomService.setCanPublish;
    t.roomService.setCanPublish = async (room, identity, canPublish) => {
      calls.push(identity);
      await setCanPublish(room, identity, canPublish);
    };
    await testReconciler(t).runOnce();
    await t.consent.idle();
    expect(calls).toEqual([]);
  });

  it('puts right a permission LiveKit reports otherwise (a connection back with an older token)', async () => {
    const t = ctx();
    const s = await sessionWithLateJoiner(t);
    const { egressId } = await recordWithEveryone(t, s);
    await joinRoom(t, s, s.late.identity);
    await t.consent.apply(s.sessionId, { type: 'egress_ended', egressId });
    await t.consent.idle();
    const late = t.roomService.rooms.get(s.roomName)?.find((p) => p.identity === s.late.identity);
    expect(late?.canPublish).toBe(true);
    // LiveKit now holds Lee's connection from a token minted while the recording ran.
    if (late) late.canPublish = false;
    await testReconciler(t).runOnce();
    await t.consent.idle();
    expect(late?.canPublish).toBe(true);
  });

  it('never holds back the recorder or a client we cannot place', async () => {
    const t = ctx();
    const s = await sessionWithLateJoiner(t);
    await recordWithEveryone(t, s);
    await joinRoom(t, s, 'EG_recorder', true);
    await joinRoom(t, s, 'someone-else');
    await t.consent.idle();
    expect(t.roomService.canPublish.has(`${s.roomName}/EG_recorder`)).toBe(false);
    expect(t.roomService.canPublish.has(`${s.roomName}/someone-else`)).toBe(false);
  });
});
