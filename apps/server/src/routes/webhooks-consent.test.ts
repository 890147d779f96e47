import { describe, expect, it } from 'vitest';
import { sampleSpec } from '../test-support/organisation';
import {
  answer,
  createRecordingSession,
  createSessionFrom,
  type RecordingSession,
  requestRecording,
  stateOf,
} from '../test-support/recording-session';
import type { TestApp } from '../test-support/test-app';
import { useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { deliverWebhook } from '../test-support/webhook-delivery';
import { signWebhook, webhookBody } from '../test-support/webhook-signing';

describe.each(testDatabases)('webhooks feed the consent machine ($name)', (database) => {
  const ctx = useTestApp(database);

  async function everyoneJoinsAndConsents(t: TestApp, s: RecordingSession) {
    for (const person of s.everyone) {
      await deliverWebhook(t, {
        event: 'participant_joined',
        roomName: s.roomName,
        identity: person.identity,
      });
    }
    const requestId = await requestRecording(t, s);
    for (const person of s.everyone) await answer(t, 'consent', person, requestId);
    await t.consent.idle();
    return requestId;
  }

  it('counts joins and leaves reported by webhooks, once each', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const body = webhookBody({
      event: 'participant_joined',
      roomName: s.roomName,
      identity: s.student.identity,
    });
    for (let i = 0; i < 2; i += 1) {
      const authorization = await signWebhook(body, t.config.livekit.apiKey, t.config.livekit.apiSecret);
      await t.app.request('/api/livekit/webhook', { method: 'POST', headers: { authorization }, body });
    }
    await deliverWebhook(t, {
      event: 'participant_joined',
      roomName: s.roomName,
      identity: s.tutor.identity,
    });
    let stored = await t.consent.read(s.sessionId);
    expect(stored?.state.participants[s.student.identity]).toEqual({
      role: 'student',
      personId: s.student.personId,
      minor: true,
      hidden: false,
      sid: `PA_${s.student.identity}`,
    });
    expect(stored?.version).toBe(2);
    await deliverWebhook(t, {
      event: 'participant_left',
      roomName: s.roomName,
      identity: s.student.identity,
    });
    stored = await t.consent.read(s.sessionId);
    expect(Object.keys(stored?.state.participants ?? {})).toEqual([s.tutor.identity]);
  });

  it('places guardians as guardian of every student, unknown identities as unknown, egress as hidden', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await deliverWebhook(t, {
      event: 'participant_joined',
      roomName: s.roomName,
      identity: s.guardian.identity,
    });
    await deliverWebhook(t, { event: 'participant_joined', roomName: s.roomName, identity: 'someone-else' });
    await deliverWebhook(t, {
      event: 'participant_joined',
      roomName: s.roomName,
      identity: 'EG_rec',
      kind: 'EGRESS',
    });
    await deliverWebhook(t, {
      event: 'participant_joined',
      roomName: s.roomName,
      identity: 'svc',
      hidden: true,
    });
    const participants = (await t.consent.read(s.sessionId))?.state.participants ?? {};
    expect(participants[s.guardian.identity]).toEqual({
      role: 'guardian',
      personId: s.guardian.personId,
      guardianOf: [s.student.personId],
      hidden: false,
      sid: `PA_${s.guardian.identity}`,
    });
    expect(participants['someone-else']).toEqual({ role: 'unknown', hidden: false, sid: 'PA_someone-else' });
    expect(participants.EG_rec).toEqual({ role: 'unknown', hidden: true, sid: 'PA_EG_rec' });
    expect(participants.svc).toEqual({ role: 'unknown', hidden: true, sid: 'PA_svc' });
  });

  it('places a guardian the tutor linked to one student as guardian of that student only', async () => {
    const t = ctx();
    const { roomName, sessionId, named } = await createSessionFrom(t, {
      ...sampleSpec,
      participants: [
        { name: 'Ana', role: 'student', minor: true },
        { name: 'Ben', role: 'student', minor: true },
        { name: 'Gail', role: 'guardian', guardianOf: ['Ben'] },
      ],
    });
    const gail = named.Gail;
    await deliverWebhook(t, { event: 'participant_joined', roomName, identity: gail?.identity ?? '' });
    const participants = (await t.consent.read(sessionId))?.state.participants ?? {};
    expect(participants[gail?.identity ?? '']?.guardianOf).toEqual([named.Ben?.personId]);
  });

  it('stops the recording when a webhook reports a joiner', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await everyoneJoinsAndConsents(t, s);
    const [egressId] = t.egress.running();
    await deliverWebhook(t, {
      event: 'egress_updated',
      egress: { egressId: egressId ?? '', roomName: s.roomName, status: 'EGRESS_ACTIVE' },
    });
    expect((await stateOf(t, s)).state.status).toBe('recording');
    await deliverWebhook(t, { event: 'participant_joined', roomName: s.roomName, identity: 'late-comer' });
    await t.consent.idle();
    expect(t.egress.running()).toEqual([]);
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([egressId]);
  });

  it('records segments from egress webhooks and frees the machine when the egress ends', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const requestId = await everyoneJoinsAndConsents(t, s);
    const [egressId = ''] = t.egress.running();
    const egress = { egressId, roomName: s.roomName };
    await deliverWebhook(t, { event: 'egress_started', egress: { ...egress, status: 'EGRESS_STARTING' } });
    await deliverWebhook(t, { event: 'egress_updated', egress: { ...egress, status: 'EGRESS_ACTIVE' } });
    await answer(t, 'withdraw', s.student, requestId);
    await t.consent.idle();
    await deliverWebhook(t, {
      event: 'egress_ended',
      egress: { ...egress, status: 'EGRESS_COMPLETE', filename: '/rec/x.mp4' },
    });
    // A late, reordered update must not undo the final status.
    await deliverWebhook(t, { event: 'egress_updated', egress: { ...egress, status: 'EGRESS_ACTIVE' } });
    const segment = await t.db.selectFrom('recording_segments').selectAll().executeTakeFirstOrThrow();
    expect(segment).toMatchObject({
      egress_id: egressId,
      session_id: s.sessionId,
      request_id: requestId,
      status: 'EGRESS_COMPLETE',
      // Egress's word on its file is kept for the record; the vault only opens the path Assent chose.
      file_path: '/rec/x.mp4',
      chosen_path: t.egress.egresses.get(egressId)?.filepath,
    });
    expect((await t.consent.read(s.sessionId))?.state.egress).toEqual({ kind: 'idle' });
  });

  it('keeps when the file began, which egress reports apart from (and later than) its own start', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    await everyoneJoinsAndConsents(t, s);
    const [egressId = ''] = t.egress.running();
    const startedAt = 1_796_637_600_000_000_000n;
    const fileStartedAt = startedAt + 3_400_000_000n;
    const egress = { egressId, roomName: s.roomName, startedAt };
    // EGRESS_STARTING: the layout page is loading, no file yet.
    await deliverWebhook(t, { event: 'egress_started', egress: { ...egress, status: 'EGRESS_STARTING' } });
    const starting = await t.db.selectFrom('recording_segments').selectAll().executeTakeFirstOrThrow();
    expect(starting.media_started_at).toBeNull();
    await deliverWebhook(t, {
      event: 'egress_updated',
      egress: { ...egress, status: 'EGRESS_ACTIVE', fileStartedAt },
    });
    // The final update says it again; a final one without it keeps what the ACTIVE update said.
    await deliverWebhook(t, {
      event: 'egress_ended',
      egress: { ...egress, status: 'EGRESS_COMPLETE', filename: '/rec/x.mp4' },
    });
    const segment = await t.db.selectFrom('recording_segments').selectAll().executeTakeFirstOrThrow();
    expect(segment.started_at).toBe('2026-12-07T10:00:00.000Z');
    expect(segment.media_started_at).toBe('2026-12-07T10:00:03.400Z');
  });

  it('stops an egress that a webhook reports but the machine never started', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const stray = t.egress.addStray(s.roomName);
    await deliverWebhook(t, {
      event: 'egress_started',
      egress: { egressId: stray, roomName: s.roomName, status: 'EGRESS_STARTING' },
    });
    await t.consent.idle();
    expect(t.egress.stops.map((stop) => stop.egressId)).toEqual([stray]);
  });
});
