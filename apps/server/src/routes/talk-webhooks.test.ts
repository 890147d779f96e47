// The talk-time observer through LiveKit's webhooks: started by a seat's join, stopped by the room's end,
// and never a participant (no presence row, not in the consent state).
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { TalkObserver } from '../insights/talk-observer';
import { talkObserverIdentity } from '../livekit/talk-observer-token';
import { createRecordingSession } from '../test-support/recording-session';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { deliverWebhook } from '../test-support/webhook-delivery';

function recordingObserver() {
  const calls: string[] = [];
  const talk: TalkObserver = {
    roomActive: async (sessionId, roomName) => void calls.push(`active ${sessionId} ${roomName}`),
    roomEnded: async (sessionId) => void calls.push(`ended ${sessionId}`),
    recover: async () => {},
    watching: () => false,
    stop: async () => {},
  };
  return { calls, talk };
}

describe.each(testDatabases)('talk time through webhooks ($name)', (database) => {
  const ctx = useTestApp(database);

  it("starts with a seat's join, stops with the room, and the observer is never someone present", async () => {
    const base = ctx();
    const { calls, talk } = recordingObserver();
    const t: TestApp = {
      ...base,
      app: createApp({
        config: base.config,
        db: base.db,
        logger: pino({ level: 'silent' }),
        roomService: base.roomService,
        egress: base.egress,
        consent: base.consent,
        vault: base.vault,
        now: () => base.clock.now,
        auth: base.auth,
        talk,
      }),
    };
    const s = await createRecordingSession(t);
    const observer = talkObserverIdentity(s.sessionId);

    await deliverWebhook(t, {
      event: 'participant_joined',
      roomName: s.roomName,
      identity: observer,
      hidden: true,
    });
    expect(calls).toEqual([]);
    await deliverWebhook(t, {
      event: 'participant_joined',
      roomName: s.roomName,
      identity: s.tutor.identity,
    });
    expect(calls).toEqual([`active ${s.sessionId} ${s.roomName}`]);

    const presence = await t.db.selectFrom('participant_presence').select('identity').execute();
    expect(presence.map((p) => p.identity)).toEqual([s.tutor.identity]);
    const consent = await t.db
      .selectFrom('session_consent')
      .selectAll()
      .where('session_id', '=', s.sessionId)
      .executeTakeFirst();
    expect(JSON.stringify(consent ?? {})).not.toContain(observer);

    await deliverWebhook(t, {
      event: 'participant_left',
      roomName: s.roomName,
      identity: observer,
      hidden: true,
    });
    await deliverWebhook(t, { event: 'room_finished', roomName: s.roomName });
    expect(calls).toEqual([`active ${s.sessionId} ${s.roomName}`, `ended ${s.sessionId}`]);
    expect(await t.db.selectFrom('participant_presence').select('identity').execute()).toHaveLength(1);
  });
});
