import { describe, expect, it } from 'vitest';
import {
  answer,
  createRecordingSession,
  joinRoom,
  recordWithEveryone,
} from '../test-support/recording-session';
import { testReconciler, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

describe.each(testDatabases)('reconciler and recorders left in the room ($name)', (database) => {
  const ctx = useTestApp(database);

  it('removes a recorder participant whose egress LiveKit no longer lists, and keeps a live one', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId } = await recordWithEveryone(t, s);
    await joinRoom(t, s, egressId, true);
    await joinRoom(t, s, 'EG_crashed', true);
    const removed: string[] = [];
    const remove = t.roomService.removeParticipant.bind(t.roomService);
    t.roomService.removeParticipant = async (room, identity) => {
      removed.push(identity);
      await remove(room, identity);
    };
    await testReconciler(t).runOnce();
    expect(removed).toEqual(['EG_crashed']);
  });

  it('takes the recorder out of the room once it has been told to stop', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId, requestId } = await recordWithEveryone(t, s);
    await joinRoom(t, s, egressId, true);
    const removed: string[] = [];
    const remove = t.roomService.removeParticipant.bind(t.roomService);
    t.roomService.removeParticipant = async (room, identity) => {
      // Only after the stop: until then the recorder must stay to finish its file.
      removed.push(`${identity}:${t.egress.stops.some((stop) => stop.egressId === identity)}`);
      await remove(room, identity);
    };
    await answer(t, 'withdraw', s.student, requestId);
    await t.consent.idle();
    expect(removed).toEqual([`${egressId}:true`]);
  });
});
