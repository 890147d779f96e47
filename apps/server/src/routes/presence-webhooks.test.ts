// Rule 5 through LiveKit's webhooks: a yes lasts one participant session (sid). A reload, a leave or a
// disconnect timeout ends it; whoever comes back is a joiner; an emptied room closes the request.
import { describe, expect, it } from 'vitest';
import {
  answer,
  createRecordingSession,
  type RecordingSession,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import { postJson, type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { deliverWebhook } from '../test-support/webhook-delivery';

describe.each(testDatabases)('a consent lasts one presence, as LiveKit reports it ($name)', (database) => {
  const ctx = useTestApp(database);

  /** Everyone joins (sid `PA_<identity>_1`), consents, and the recorder becomes active. */
  async function recording(t: TestApp, s: RecordingSession) {
    for (const person of s.everyone) {
      const sid = `PA_${person.identity}_1`;
      await deliverWebhook(t, {
        event: 'participant_joined',
        roomName: s.roomName,
        identity: person.identity,
        sid,
      });
    }
    const requestId = await requestRecording(t, s);
    for (const person of s.everyone) await answer(t, 'consent', person, requestId);
    await t.consent.idle();
    const [egressId] = t.egress.running();
    if (!egressId) throw new Error('no egress started');
    await t.consent.apply(s.sessionId, { type: 'egress_active', egressId });
    await t.consent.idle();
    return { requestId, egressId };
  }

  it('a reload stops the recording, the reloader may not publish, and is asked again', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { requestId, egressId } = await recording(t, s);

    // The reloaded page asks for a join token while the recorder still runs: no publishing.
    const join = await postJson(t.app, '/api/join', { inviteToken: s.student.token });
    expect(((await join.json()) as { canPublish: boolean }).canPublish).toBe(false);

    // LiveKit: the new session joins; the old one's leave comes later.
    const { identity } = s.student;
    await deliverWebhook(t, {
      event: 'participant_joined',
      roomName: s.roomName,
      identity,
      sid: `PA_${identity}_2`,
    });
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
    expect((await stateOf(t, s, s.student)).myDecision).toBe('pending');
    await deliverWebhook(t, {
      event: 'participant_left',
      roomName: s.roomName,
      identity,
      sid: `PA_${identity}_1`,
    });
    const state = (await t.consent.read(s.sessionId))?.state;
    expect(state?.participants[identity]?.sid).toBe(`PA_${identity}_2`);

    // Consenting again in the new presence lets recording resume.
    await t.consent.apply(s.sessionId, { type: 'egress_ended', egressId });
    await answer(t, 'consent', s.student, requestId);
    await t.consent.idle();
    expect(t.egress.starts).toHaveLength(2);
  });

  it('a disconnect timeout ends the yes: back in the call they are a joiner', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId } = await recording(t, s);
    const { identity } = s.guardian;
    await deliverWebhook(t, {
      event: 'participant_connection_aborted',
      roomName: s.roomName,
      identity,
      sid: `PA_${identity}_1`,
    });
    await t.consent.idle();
    // The guardian's yes is gone, so the minor's no longer counts either.
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
    expect((await stateOf(t, s, s.guardian)).myDecision).toBe('pending');
  });

  it('closes the request when the room empties: people coming back are not recorded', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { egressId, requestId } = await recording(t, s);
    for (const person of s.everyone) {
      const sid = `PA_${person.identity}_1`;
      await deliverWebhook(t, {
        event: 'participant_left',
        roomName: s.roomName,
        identity: person.identity,
        sid,
      });
    }
    await t.consent.apply(s.sessionId, { type: 'egress_ended', egressId });
    await t.consent.idle();
    expect((await stateOf(t, s)).state.request).toBeNull();
    for (const person of s.everyone) {
      const sid = `PA_${person.identity}_2`;
      await deliverWebhook(t, {
        event: 'participant_joined',
        roomName: s.roomName,
        identity: person.identity,
        sid,
      });
    }
    const again = await answer(t, 'consent', s.tutor, requestId);
    expect(again.status).toBe(409);
    await t.consent.idle();
    expect(t.egress.starts).toHaveLength(1);
    expect((await stateOf(t, s)).state.status).toBe('not_requested');
  });
});
