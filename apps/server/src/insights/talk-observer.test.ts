import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { isTalkObserverIdentity, talkObserverGrant } from '../livekit/talk-observer-token';
import type { TalkRoomConnector, TalkRoomHandlers } from '../livekit/talk-room';
import { defaultPolicyInput } from '../policy/default-policy';
import { insertPolicyVersion } from '../policy/policy-repository';
import { createRecordingSession } from '../test-support/recording-session';
import { type TestApp, useTestApp } from '../test-support/test-app';
import { testDatabases } from '../test-support/test-databases';
import { createTalkObserver } from './talk-observer';

function fakeLiveKit() {
  const rooms: Array<{ url: string; token: string; handlers: TalkRoomHandlers; left: boolean }> = [];
  const connect: TalkRoomConnector = async (url, token, handlers) => {
    const room = { url, token, handlers, left: false };
    rooms.push(room);
    return {
      async disconnect() {
        room.left = true;
      },
    };
  };
  return { rooms, connect };
}

function observerFor(t: TestApp, connect: TalkRoomConnector, present: string[] = []) {
  return createTalkObserver({
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
    roomService: {
      listParticipants: async () =>
        present.map((identity) => ({ identity, name: identity, kind: 'STANDARD', hidden: false })),
    },
  });
}

const intervals = (t: TestApp) =>
  t.db
    .selectFrom('talk_intervals')
    .select(['person_id', 'identity', 'started_at', 'ended_at'])
    .orderBy('started_at')
    .orderBy('identity')
    .execute();

describe('the talk-time observer grant', () => {
  it('is hidden, subscribes, and may publish nothing, data included', () => {
    expect(talkObserverGrant('room-1')).toEqual({
      room: 'room-1',
      roomJoin: true,
      hidden: true,
      canPublish: false,
      canPublishData: false,
      canSubscribe: true,
      canUpdateOwnMetadata: false,
    });
    expect(talkObserverGrant('room-1')).not.toHaveProperty('recorder');
    expect(talkObserverGrant('room-1')).not.toHaveProperty('roomRecord');
  });
});

describe.each(testDatabases)('the talk-time observer ($name)', (database) => {
  const ctx = useTestApp(database);

  it('opens a stretch when a seat starts speaking and closes it when it stops, leaves, or the room ends', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const lk = fakeLiveKit();
    const observer = observerFor(t, lk.connect);
    const t0 = t.clock.now.getTime();
    const at = (seconds: number) => {
      t.clock.now = new Date(t0 + seconds * 1000);
    };

    await observer.roomActive(s.sessionId, s.roomName);
    await observer.roomActive(s.sessionId, s.roomName);
    expect(lk.rooms).toHaveLength(1);
    const room = lk.rooms[0];
    if (!room) throw new Error('no room');
    const [observation] = await t.db.selectFrom('talk_observations').selectAll().execute();
    expect(observation).toMatchObject({ session_id: s.sessionId, room_name: s.roomName, ended_at: null });
    expect(isTalkObserverIdentity(observation?.observer_identity)).toBe(true);

    at(1);
    room.handlers.speakers([s.tutor.identity, observation?.observer_identity ?? '']);
    await observer.roomActive(s.sessionId, s.roomName);
    at(13);
    room.handlers.speakers([s.student.identity]);
    at(16);
    room.handlers.left(s.student.identity);
    at(20);
    room.handlers.speakers([s.guardian.identity, 'someone-we-never-issued']);
    at(25);
    await observer.roomEnded(s.sessionId);

    const iso = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    expect(await intervals(t)).toEqual([
      { person_id: s.tutor.personId, identity: s.tutor.identity, started_at: iso(1), ended_at: iso(13) },
      { person_id: s.student.personId, identity: s.student.identity, started_at: iso(13), ended_at: iso(16) },
      {
        person_id: s.guardian.personId,
        identity: s.guardian.identity,
        started_at: iso(20),
        ended_at: iso(25),
      },
    ]);
    const ended = await t.db.selectFrom('talk_observations').selectAll().executeTakeFirstOrThrow();
    expect(ended.ended_at).toBe(iso(25));
    expect(room.left).toBe(true);
    expect(observer.watching(s.sessionId)).toBe(false);
  });

  it('leaves when the last seat has gone, so LiveKit can close the room, and comes back with a join', async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const lk = fakeLiveKit();
    const observer = observerFor(t, lk.connect);
    await observer.roomActive(s.sessionId, s.roomName);
    lk.rooms[0]?.handlers.speakers([s.tutor.identity]);
    t.clock.now = new Date(t.clock.now.getTime() + 5000);
    lk.rooms[0]?.handlers.left(s.tutor.identity);
    lk.rooms[0]?.handlers.empty();
    await expect.poll(() => observer.watching(s.sessionId)).toBe(false);
    expect(lk.rooms[0]?.left).toBe(true);
    expect((await intervals(t)).map((i) => i.ended_at)).toEqual([t.clock.now.toISOString()]);
    await observer.roomActive(s.sessionId, s.roomName);
    expect(lk.rooms).toHaveLength(2);
    expect(await t.db.selectFrom('talk_observations').selectAll().execute()).toHaveLength(2);
    await observer.stop();
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
    const lk = fakeLiveKit();
    const observer = observerFor(t, lk.connect);
    await observer.roomActive(s.sessionId, s.roomName);
    expect(lk.rooms).toHaveLength(0);
    expect(await t.db.selectFrom('talk_observations').selectAll().execute()).toEqual([]);
  });

  it("after a restart closes stretches left open at the seat's leave (or now) and watches the live room again", async () => {
    const t = ctx();
    const s = await createRecordingSession(t);
    const t0 = t.clock.now.getTime();
    const iso = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const crashed = observerFor(t, fakeLiveKit().connect);
    await crashed.roomActive(s.sessionId, s.roomName);
    // The process dies while the tutor and the student speak; the student's leave reaches presence only.
    await t.db
      .insertInto('talk_intervals')
      .values([
        {
          id: 'i-tutor',
          session_id: s.sessionId,
          person_id: s.tutor.personId,
          identity: s.tutor.identity,
          started_at: iso(2),
          ended_at: null,
        },
        {
          id: 'i-student',
          session_id: s.sessionId,
          person_id: s.student.personId,
          identity: s.student.identity,
          started_at: iso(3),
          ended_at: null,
        },
      ])
      .execute();
    await t.db
      .insertInto('participant_presence')
      .values({
        id: 'p-1',
        session_id: s.sessionId,
        room_name: s.roomName,
        identity: s.student.identity,
        person_id: s.student.personId,
        known: 1,
        kind: 'STANDARD',
        joined_at: iso(0),
        left_at: iso(7),
      })
      .execute();

    t.clock.now = new Date(t0 + 60_000);
    const lk = fakeLiveKit();
    const restarted = observerFor(t, lk.connect, [s.tutor.identity]);
    await restarted.recover();
    expect(await intervals(t)).toEqual([
      { person_id: s.tutor.personId, identity: s.tutor.identity, started_at: iso(2), ended_at: iso(60) },
      { person_id: s.student.personId, identity: s.student.identity, started_at: iso(3), ended_at: iso(7) },
    ]);
    const observations = await t.db
      .selectFrom('talk_observations')
      .select(['session_id', 'ended_at'])
      .where('session_id', '=', s.sessionId)
      .orderBy('started_at')
      .execute();
    expect(observations).toEqual([
      { session_id: s.sessionId, ended_at: iso(60) },
      { session_id: s.sessionId, ended_at: null },
    ]);
    expect(lk.rooms).toHaveLength(1);
    expect(restarted.watching(s.sessionId)).toBe(true);
    await restarted.stop();
  });
});
