import { describe, expect, it } from 'vitest';
import { createSampleSession, errorOf, type TestApp, useTestApp } from '../test-support/test-app';
import { countRows, testDatabases } from '../test-support/test-databases';
import { signWebhook, webhookBody } from '../test-support/webhook-signing';

describe.each(testDatabases)('POST /api/livekit/webhook ($name)', (database) => {
  const ctx = useTestApp(database);

  function deliver(body: string, authorization: string | undefined) {
    const headers: Record<string, string> = { 'content-type': 'application/webhook+json' };
    if (authorization !== undefined) headers.authorization = authorization;
    return ctx().app.request('/api/livekit/webhook', { method: 'POST', headers, body });
  }

  async function deliverSigned(body: string) {
    const { config } = ctx();
    return deliver(body, await signWebhook(body, config.livekit.apiKey, config.livekit.apiSecret));
  }

  async function roomAndTutor({ db }: TestApp) {
    const session = await createSampleSession(ctx());
    const room = await db.selectFrom('sessions').select('room_name').executeTakeFirstOrThrow();
    const tutor = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', session.invites[0]?.personId ?? '')
      .executeTakeFirstOrThrow();
    return { session, roomName: room.room_name, tutor };
  }

  it('stores a participant_joined once even when delivered twice', async () => {
    const { db } = ctx();
    const { session, roomName, tutor } = await roomAndTutor(ctx());
    const body = webhookBody({ event: 'participant_joined', roomName, identity: tutor.livekit_identity });

    const first = await deliverSigned(body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    const second = await deliverSigned(body);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ received: true, duplicate: true });

    expect(await countRows(db, 'webhook_events')).toBe(1);
    const presence = await db.selectFrom('participant_presence').selectAll().execute();
    expect(presence).toHaveLength(1);
    expect(presence[0]).toMatchObject({
      session_id: session.sessionId,
      person_id: tutor.id,
      identity: tutor.livekit_identity,
      known: 1,
      kind: 'STANDARD',
      left_at: null,
    });
    expect(presence[0]?.joined_at).toEqual(expect.any(String));
  });

  it('closes the presence interval on participant_left', async () => {
    const { db } = ctx();
    const { roomName, tutor } = await roomAndTutor(ctx());
    const identity = tutor.livekit_identity;
    await deliverSigned(
      webhookBody({ event: 'participant_joined', roomName, identity, createdAt: 1_800_000_000 }),
    );
    await deliverSigned(
      webhookBody({ event: 'participant_left', roomName, identity, createdAt: 1_800_000_060 }),
    );
    const presence = await db.selectFrom('participant_presence').selectAll().execute();
    expect(presence).toHaveLength(1);
    expect(presence[0]).toMatchObject({
      joined_at: new Date(1_800_000_000_000).toISOString(),
      left_at: new Date(1_800_000_060_000).toISOString(),
    });
  });

  it('keeps a leave whose join was never delivered', async () => {
    const { db } = ctx();
    const { roomName, tutor } = await roomAndTutor(ctx());
    await deliverSigned(
      webhookBody({ event: 'participant_left', roomName, identity: tutor.livekit_identity }),
    );
    const presence = await db.selectFrom('participant_presence').selectAll().executeTakeFirstOrThrow();
    expect(presence.joined_at).toBeNull();
    expect(presence.left_at).toEqual(expect.any(String));
  });

  it('records an identity we never issued as unknown', async () => {
    const { db } = ctx();
    const { session, roomName } = await roomAndTutor(ctx());
    await deliverSigned(webhookBody({ event: 'participant_joined', roomName, identity: 'someone-else' }));
    await deliverSigned(webhookBody({ event: 'participant_joined', roomName: 'rm_not_ours', identity: 'x' }));
    const presence = await db.selectFrom('participant_presence').selectAll().execute();
    const row = (room: string) => presence.find((p) => p.room_name === room);
    expect(row(roomName)).toMatchObject({ session_id: session.sessionId, person_id: null, known: 0 });
    expect(row('rm_not_ours')).toMatchObject({ session_id: null, person_id: null, known: 0 });
  });

  it('keeps the participant kind by name, so the recorder can be told apart', async () => {
    const { db } = ctx();
    const { roomName } = await roomAndTutor(ctx());
    await deliverSigned(
      webhookBody({ event: 'participant_joined', roomName, identity: 'EG_abc', kind: 'EGRESS' }),
    );
    const presence = await db.selectFrom('participant_presence').selectAll().executeTakeFirstOrThrow();
    expect(presence.kind).toBe('EGRESS');
  });

  it('stores other events for dedupe only', async () => {
    const { db } = ctx();
    const body = webhookBody({ event: 'room_started', roomName: 'rm_any' });
    expect((await deliverSigned(body)).status).toBe(200);
    expect((await deliverSigned(body)).status).toBe(200);
    expect(await countRows(db, 'webhook_events')).toBe(1);
    expect(await countRows(db, 'participant_presence')).toBe(0);
  });

  it('rejects forged deliveries with 401 and writes nothing', async () => {
    const { db, config } = ctx();
    const { roomName, tutor } = await roomAndTutor(ctx());
    const body = webhookBody({ event: 'participant_joined', roomName, identity: tutor.livekit_identity });
    const { apiKey, apiSecret } = config.livekit;
    const altered = body.replace(tutor.livekit_identity, 'p_intruder');
    const forgeries: [string, string | undefined][] = [
      [body, await signWebhook(body, apiKey, 'another-secret-that-is-also-long-enough')],
      [body, await signWebhook(body, 'APIotherkey', apiSecret)],
      [body, undefined],
      [body, 'not-a-jwt'],
      [altered, await signWebhook(body, apiKey, apiSecret)],
    ];
    for (const [sentBody, authorization] of forgeries) {
      const res = await deliver(sentBody, authorization);
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe('webhook_signature_invalid');
    }
    expect(await countRows(db, 'webhook_events')).toBe(0);
    expect(await countRows(db, 'participant_presence')).toBe(0);
  });
});
