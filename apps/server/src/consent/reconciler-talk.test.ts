import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTalkObserver } from '../insights/talk-observer';
import { talkObserverIdentity } from '../livekit/talk-observer-token';
import type { TalkRoomConnector, TalkRoomHandlers } from '../livekit/talk-room';
import { defaultPolicyInput } from '../policy/default-policy';
import { insertPolicyVersion } from '../policy/policy-repository';
import { createRecordingSession, type RecordingSession } from '../test-support/recording-session';
import { type TestApp, testReconciler, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';

/** The observer over the test app's fake room service, joining rooms through a recording fake. */
function talkOver(t: TestApp) {
  const joined: Array<{ token: string; handlers: TalkRoomHandlers; left: boolean }> = [];
  const connect: TalkRoomConnector = async (_url, token, handlers) => {
    const room = { token, handlers, left: false };
    joined.push(room);
    return {
      async disconnect() {
        room.left = true;
      },
    };
  };
  const observer = createTalkObserver({
    db: t.db,
    policies: t.consent.policies,
    logger: pino({ level: 'silent' }),
    now: () => t.clock.now,
    livekit: {
      url: 'ws://livekit.test',
      apiKey: t.config.livekit.apiKey,
      apiSecret: t.config.livekit.apiSecret,
    },
    connect,
    roomService: t.roomService,
  });
  /** What the reconciler handed over, to be awaited. */
  const handed: Promise<void>[] = [];
  const talk = {
    watching: observer.watching,
    roomActive(sessionId: string, roomName: string) {
      const run = observer.roomActive(sessionId, roomName);
      handed.push(run);
      return run;
    },
  };
  const settled = () => Promise.all(handed);
  return { observer, talk, joined, handed, settled };
}

/** Someone LiveKit lists in the room whose join webhook never reached us. */
function presentWithoutWebhook(
  t: TestApp,
  s: RecordingSession,
  identity: string,
  as: { kind: string; hidden: boolean } = { kind: 'STANDARD', hidden: false },
) {
  const list = t.roomService.rooms.get(s.roomName) ?? [];
  t.roomService.rooms.set(s.roomName, [...list, { identity, name: identity, ...as }]);
}

/** How LiveKit lists the observer itself and the recorder. */
const asObserver = { kind: 'STANDARD', hidden: true };
const asRecorder = { kind: 'EGRESS', hidden: true };

const observations = (t: TestApp) =>
  t.db.selectFrom('talk_observations').select(['session_id', 'room_name', 'ended_at']).execute();

describe.each(testDatabases)('the reconciler and talk time ($name)', (database) => {
  const ctx = useTestApp(database);

  it('watches a live room whose join webhook was lost, once, and measures it', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { observer, talk, joined, handed, settled } = talkOver(t);
    presentWithoutWebhook(t, s, s.tutor.identity);
    presentWithoutWebhook(t, s, s.student.identity);
    expect(observer.watching(s.sessionId)).toBe(false);

    const reconciler = testReconciler(t, { talk });
    await reconciler.runOnce();
    await settled();
    expect(observer.watching(s.sessionId)).toBe(true);
    expect(joined).toHaveLength(1);
    expect(await observations(t)).toEqual([
      { session_id: s.sessionId, room_name: s.roomName, ended_at: null },
    ]);

    // Its own connection now in the listing, the next passes leave it be.
    presentWithoutWebhook(t, s, talkObserverIdentity(s.sessionId), asObserver);
    await reconciler.runOnce();
    await reconciler.runOnce();
    await settled();
    expect(handed).toHaveLength(1);
    expect(joined).toHaveLength(1);

    const start = t.clock.now.getTime();
    joined[0]?.handlers.speakers([s.student.identity]);
    t.clock.now = new Date(start + 4000);
    await observer.roomEnded(s.sessionId);
    const stretches = await t.db
      .selectFrom('talk_intervals')
      .select(['person_id', 'started_at', 'ended_at'])
      .execute();
    expect(stretches).toEqual([
      {
        person_id: s.student.personId,
        started_at: new Date(start).toISOString(),
        ended_at: new Date(start + 4000).toISOString(),
      },
    ]);
    expect(joined[0]?.left).toBe(true);
  });

  it('watches again after the observer lost its connection while seats stayed', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { observer, talk, joined, handed, settled } = talkOver(t);
    presentWithoutWebhook(t, s, s.tutor.identity);
    const reconciler = testReconciler(t, { talk });
    await reconciler.runOnce();
    await settled();
    expect(observer.watching(s.sessionId)).toBe(true);

    joined[0]?.handlers.disconnected('SIGNAL_CLOSE');
    await expect.poll(() => observer.watching(s.sessionId)).toBe(false);
    await reconciler.runOnce();
    await settled();
    expect(observer.watching(s.sessionId)).toBe(true);
    expect(handed).toHaveLength(2);
    expect(joined).toHaveLength(2);
    expect((await observations(t)).map((o) => o.ended_at === null)).toEqual(
      expect.arrayContaining([true, false]),
    );
    await observer.stop();
  });

  it('does not watch a room with only the recorder or the observer in it, nor an empty one', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const { observer, talk, joined, handed } = talkOver(t);
    const reconciler = testReconciler(t, { talk });
    await reconciler.runOnce();
    presentWithoutWebhook(t, s, 'EG_recorder', asRecorder);
    presentWithoutWebhook(t, s, talkObserverIdentity(s.sessionId), asObserver);
    await reconciler.runOnce();
    await t.consent.idle();
    expect(handed).toHaveLength(0);
    expect(joined).toHaveLength(0);
    expect(observer.watching(s.sessionId)).toBe(false);
    expect(await observations(t)).toEqual([]);
  });

  it('does not watch when the policy in force does not measure talk time', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const current = await t.consent.policies.current();
    await insertPolicyVersion(t.db, {
      version: current.version + 1,
      policy: { ...defaultPolicyInput(t.config.recording), talkTimeEnabled: false },
      createdAt: t.clock.now.toISOString(),
      createdBy: null,
    });
    const { talk, joined, handed, settled } = talkOver(t);
    presentWithoutWebhook(t, s, s.tutor.identity);
    await testReconciler(t, { talk }).runOnce();
    await settled();
    // Handed over; the observer, reading the policy, stays away.
    expect(handed).toHaveLength(1);
    expect(joined).toHaveLength(0);
    expect(await observations(t)).toEqual([]);
  });
});
