import { describe, expect, it, vi } from 'vitest';
import {
  answer,
  createRecordingSession,
  joinRoom,
  type RecordingSession,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import { buildTestApp, type TestApp, testReconciler, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

async function everyoneConsents(t: TestApp, s: RecordingSession) {
  for (const person of s.everyone) await joinRoom(t, s, person.identity);
  const requestId = await requestRecording(t, s);
  for (const person of s.everyone) await answer(t, 'consent', person, requestId);
  await t.consent.idle();
  const [egressId] = t.egress.running();
  if (!egressId) throw new Error('no egress started');
  return egressId;
}

describe.each(testDatabases)('a recorder that never begins capturing ($name)', (database) => {
  const ctx = useTestApp(database);

  it('is stopped once its time is up, then another attempt starts; never shown as recording', async () => {
    const t = buildTestApp(ctx().db, { EGRESS_ACTIVE_TIMEOUT_SECONDS: '0.05' });
    const s = await createRecordingSession(t);
    const first = await everyoneConsents(t, s);
    await vi.waitFor(() => expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([first]));
    await t.consent.idle();
    expect((await stateOf(t, s)).state.banner).toBe('Recording stopping');
    await t.consent.apply(s.sessionId, { type: 'egress_ended', egressId: first });
    await t.consent.idle();
    expect(t.egress.starts).toHaveLength(2);
    expect((await stateOf(t, s)).state.status).toBe('starting');
  });

  it('is left alone once it reports active before its time is up', async () => {
    const t = buildTestApp(ctx().db, { EGRESS_ACTIVE_TIMEOUT_SECONDS: '0.05' });
    const s = await createRecordingSession(t);
    const egressId = await everyoneConsents(t, s);
    await t.consent.apply(s.sessionId, { type: 'egress_active', egressId });
    await new Promise((resolve) => setTimeout(resolve, 120));
    await t.consent.idle();
    expect(t.egress.stops).toEqual([]);
    expect((await stateOf(t, s)).state.status).toBe('recording');
  });

  it('is stopped by the reconciler after a restart lost the timer', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const egressId = await everyoneConsents(t, s);
    const reconciler = testReconciler(t, { activeTimeoutMs: 20_000 });
    await reconciler.runOnce();
    await t.consent.idle();
    expect(t.egress.stops).toEqual([]);
    t.clock.now = new Date(t.clock.now.getTime() + 25_000);
    await reconciler.runOnce();
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
  });
});
