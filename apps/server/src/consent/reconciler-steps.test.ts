// Each reconciler step survives another's failure: a recorder LiveKit will not remove ("no response
// from servers") must not skip the lost-start and start-timeout checks after it.
import { describe, expect, it } from 'vitest';
import type { EgressPort } from '../livekit/egress';
import { createLogger } from '../logger';
import {
  answer,
  createRecordingSession,
  joinRoom,
  type RecordingSession,
  requestRecording,
} from '../test-support/recording-session';
import { type TestApp, testReconciler, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { createConsentService } from './consent-service';

/** A recorder whose egress LiveKit no longer lists sits in the room, and removing it always fails. */
async function unremovableLeftover(t: TestApp, s: RecordingSession): Promise<string[]> {
  await joinRoom(t, s, 'EG_crashed', true);
  const tried: string[] = [];
  t.roomService.removeParticipant = async (_room, identity) => {
    tried.push(identity);
    throw new Error('no response from servers');
  };
  return tried;
}

describe.each(testDatabases)('reconciler steps ($name)', (database) => {
  const ctx = useTestApp(database);

  it('settles a lost start even when removing a leftover recorder fails', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const requestId = await requestRecording(t, s);
    await answer(t, 'consent', s.tutor, requestId);
    await answer(t, 'consent', s.guardian, requestId);
    // The last consent lands in a process whose start call never returns, and that process dies.
    const hanging: EgressPort = { ...t.egress, startRoomComposite: () => new Promise(() => {}) };
    const dead = createConsentService({
      db: t.db,
      egress: hanging,
      roomService: t.roomService,
      logger: createLogger('silent'),
      recording: t.config.recording,
      now: () => new Date(),
    });
    await dead.apply(s.sessionId, { type: 'consent', requestId, personId: s.student.personId });
    const tried = await unremovableLeftover(t, s);

    await testReconciler(t).runOnce();
    await t.consent.idle();
    expect(tried).toEqual(['EG_crashed']);
    const [retried] = t.egress.running();
    expect(retried).toBeDefined();
    expect((await t.consent.read(s.sessionId))?.state.egress).toMatchObject({
      kind: 'starting',
      egressId: retried,
    });
  });

  it('stops a recorder that never began capturing even when removing a leftover recorder fails', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const requestId = await requestRecording(t, s);
    for (const person of s.everyone) await answer(t, 'consent', person, requestId);
    await t.consent.idle();
    const [egressId] = t.egress.running();
    const tried = await unremovableLeftover(t, s);

    t.clock.now = new Date(t.clock.now.getTime() + 25_000);
    await testReconciler(t, { activeTimeoutMs: 20_000 }).runOnce();
    await t.consent.idle();
    expect(tried).toContain('EG_crashed');
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
  });

  it('still applies egress news when LiveKit cannot list the participants', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const stray = t.egress.addStray(s.roomName);
    t.roomService.listParticipants = async () => {
      throw new Error('no response from servers');
    };
    await testReconciler(t).runOnce();
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([stray]);
  });

  it('ends a presence LiveKit lists under a new participant session (a reload whose webhooks were lost)', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity, false, `PA_${person.identity}_1`);
    const requestId = await requestRecording(t, s);
    for (const person of s.everyone) await answer(t, 'consent', person, requestId);
    await t.consent.idle();
    const [egressId] = t.egress.running();
    expect(egressId).toBeDefined();
    // The student reloaded: LiveKit has them under a new sid, and no webhook told us.
    const list = t.roomService.rooms.get(s.roomName) ?? [];
    t.roomService.rooms.set(
      s.roomName,
      list.map((p) => (p.identity === s.student.identity ? { ...p, sid: 'PA_reloaded' } : p)),
    );
    await testReconciler(t).runOnce();
    await t.consent.idle();
    // The listing read before the join still shows it active, so the stop may be sent twice: harmless.
    expect(new Set(t.egress.stops.map((stop) => stop.egressId))).toEqual(new Set([egressId]));
    const state = (await t.consent.read(s.sessionId))?.state;
    expect(state?.participants[s.student.identity]?.sid).toBe('PA_reloaded');
    expect(state?.request?.decisions[s.student.personId]).toBeUndefined();
  });
});
