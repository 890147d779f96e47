import { describe, expect, it } from 'vitest';
import type { EgressPort } from '../livekit/egress';
import { createLogger } from '../logger';
import {
  answer,
  createRecordingSession,
  joinRoom,
  recordWithEveryone,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import { testReconciler, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { createConsentService } from './consent-service';

describe.each(testDatabases)('reconciler ($name)', (database) => {
  const ctx = useTestApp(database);

  it('stops an egress the consent state does not allow (its withdrawal stop was lost)', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId, requestId } = await recordWithEveryone(t, s);
    // The stop call fails, as if LiveKit were briefly unreachable.
    t.egress.onStop = () => {
      throw new Error('connect ECONNREFUSED');
    };
    await answer(t, 'withdraw', s.student, requestId);
    await t.consent.idle();
    expect(t.egress.running()).toEqual([egressId]);

    t.egress.onStop = undefined;
    await testReconciler(t).runOnce();
    await t.consent.idle();
    expect(t.egress.running()).toEqual([]);
  });

  it('settles a start whose caller died with the old process, and starts again if consent allows', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    for (const person of s.everyone) await joinRoom(t, s, person.identity);
    const requestId = await requestRecording(t, s);
    await answer(t, 'consent', s.tutor, requestId);
    await answer(t, 'consent', s.guardian, requestId);
    // The last consent lands in a process whose start call never returns: then that process is killed.
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
    const before = (await t.consent.read(s.sessionId))?.state.egress;
    expect(before).toMatchObject({ kind: 'starting', attempt: 1 });
    expect(t.consent.startInFlight(s.sessionId, 1)).toBe(false);

    await testReconciler(t).runOnce();
    await t.consent.idle();
    const [retried] = t.egress.running();
    expect(retried).toBeDefined();
    expect((await t.consent.read(s.sessionId))?.state.egress).toMatchObject({
      kind: 'starting',
      egressId: retried,
    });
  });

  it('stops an egress the machine does not know at all, even in a room that looks idle', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const stray = t.egress.addStray(s.roomName);
    await testReconciler(t).runOnce();
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([stray]);
  });

  it('feeds missed joins (fail closed) and missed leaves to the machine', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId } = await recordWithEveryone(t, s);
    // Someone joined and the webhook never came.
    t.roomService.rooms.set(s.roomName, [
      ...(t.roomService.rooms.get(s.roomName) ?? []),
      { identity: 'p_unannounced', name: 'x', kind: 'STANDARD', hidden: false },
    ]);
    await testReconciler(t).runOnce();
    await t.consent.idle();
    // The listing taken before the join shows it still active, so the stop may be repeated: harmless.
    expect(new Set(t.egress.stops.map((stop) => stop.egressId))).toEqual(new Set([egressId]));
    expect(t.egress.running()).toEqual([]);
    expect(Object.keys((await t.consent.read(s.sessionId))?.state.participants ?? {})).toContain(
      'p_unannounced',
    );

    // And left without a webhook.
    t.roomService.rooms.set(s.roomName, []);
    await testReconciler(t).runOnce();
    expect((await t.consent.read(s.sessionId))?.state.participants).toEqual({});
  });

  it('finds people in a session no webhook has ever mentioned, so they count before any start', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    t.roomService.rooms.set(s.roomName, [
      { identity: 'p_stranger', name: 'x', kind: 'STANDARD', hidden: false },
    ]);
    await testReconciler(t).runOnce();
    expect((await t.consent.read(s.sessionId))?.state.participants).toEqual({
      p_stranger: { role: 'unknown', hidden: false },
    });
    await joinRoom(t, s, s.tutor.identity);
    const requestId = await requestRecording(t, s);
    await answer(t, 'consent', s.tutor, requestId);
    await t.consent.idle();
    expect(t.egress.starts).toEqual([]);
    expect((await stateOf(t, s)).state).toMatchObject({ status: 'waiting', consented: 1, required: 2 });
  });

  it('frees a stopping egress once LiveKit no longer lists it (its end webhook was lost)', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId, requestId } = await recordWithEveryone(t, s);
    await answer(t, 'withdraw', s.student, requestId);
    await t.consent.idle();
    expect((await t.consent.read(s.sessionId))?.state.egress).toMatchObject({ kind: 'stopping', egressId });
    const egress = t.egress.egresses.get(egressId);
    if (egress) egress.status = 'EGRESS_COMPLETE';
    await testReconciler(t).runOnce();
    expect((await t.consent.read(s.sessionId))?.state.egress).toEqual({ kind: 'idle' });
  });

  it('tolerates LiveKit being down and does not overlap runs', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await joinRoom(t, s, s.tutor.identity);
    t.roomService.down = true;
    const reconciler = testReconciler(t);
    const first = reconciler.runOnce();
    expect(reconciler.runOnce()).toBe(first);
    await expect(first).resolves.toBeUndefined();
    t.roomService.down = false;
    await reconciler.runOnce();
  });

  it('publishes the state again, so a room created after the last transition gets it', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await joinRoom(t, s, s.tutor.identity);
    await t.consent.idle();
    t.roomService.metadata.clear();
    await testReconciler(t).runOnce();
    await t.consent.idle();
    expect(JSON.parse(t.roomService.metadata.get(s.roomName) ?? '{}')).toMatchObject({
      status: 'not_requested',
    });
  });
});
