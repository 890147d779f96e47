/**
 * The talk-time observer: while a session's room is live and the policy measures talk time, one hidden
 * participant per room sums LiveKit's speaker updates into stretches per seat (`talk_intervals`: a row
 * opened when a seat starts speaking, closed when it stops, leaves, or the room ends) and records each time
 * it watched (`talk_observations`). It never reads audio. It is not a participant: its identity carries the
 * observer prefix, which presence, consent and counts leave out, and it holds no recorder grant, so LiveKit
 * never reports the room as recording because of it.
 *
 * Restart-safe: `recover()` (at start) closes what a previous process left open, each stretch at its
 * seat's leave when one is known, otherwise now, and watches again the rooms still live. Nor does it
 * depend on webhooks: the reconciler hands it every live room with a seat in it that nobody watches.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import type { RoomService } from '../livekit/room-service';
import {
  isTalkObserverIdentity,
  mintTalkObserverToken,
  talkObserverIdentity,
} from '../livekit/talk-observer-token';
import type { TalkRoomConnection, TalkRoomConnector } from '../livekit/talk-room';
import type { LiveKitCredentials } from '../livekit/tokens';
import type { PolicyBook } from '../policy/policy-book';
import {
  applySnapshot,
  closeAll,
  closeIdentity,
  emptyTalkState,
  type TalkState,
  type TalkStep,
} from './talk-stretches';

export interface TalkObserverDeps {
  db: Db;
  policies: Pick<PolicyBook, 'current'>;
  logger: Logger;
  now: () => Date;
  livekit: LiveKitCredentials & { url: string };
  connect: TalkRoomConnector;
  roomService: Pick<RoomService, 'listParticipants'>;
}

export interface TalkObserver {
  /** A seat joined (the room is live): watch it, once, if the policy in force measures talk time. */
  roomActive(sessionId: string, roomName: string): Promise<void>;
  /** The room ended: every open stretch closes now and the observer leaves. */
  roomEnded(sessionId: string): Promise<void>;
  /** At start: close what a previous process left open, then watch again the rooms still live. */
  recover(): Promise<void>;
  /** Whether this process watches the session's room now. */
  watching(sessionId: string): boolean;
  /** Shutdown: ends every observation now. */
  stop(): Promise<void>;
}

interface Watch {
  observationId: string;
  state: TalkState;
  /** identity → the open talk_intervals row. */
  rows: Map<string, string>;
  /** identity → seat (people.id); refreshed when an identity is not yet known. */
  seats: Map<string, string>;
  queue: Promise<void>;
  connection?: TalkRoomConnection;
  ending: boolean;
}

/** A no-op observer, for apps built without LiveKit or with talk time turned off for the process. */
export const idleTalkObserver: TalkObserver = {
  roomActive: async () => {},
  roomEnded: async () => {},
  recover: async () => {},
  watching: () => false,
  stop: async () => {},
};

export function createTalkObserver(deps: TalkObserverDeps): TalkObserver {
  const { db, logger } = deps;
  const watches = new Map<string, Watch>();
  const starting = new Map<string, Promise<void>>();
  const iso = (ms: number) => new Date(ms).toISOString();

  async function seatsOf(sessionId: string): Promise<Map<string, string>> {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'livekit_identity'])
      .where('session_id', '=', sessionId)
      .execute();
    return new Map(rows.map((r) => [r.livekit_identity, r.id]));
  }

  async function write(sessionId: string, watch: Watch, step: TalkStep): Promise<void> {
    for (const closed of step.closed) {
      const rowId = watch.rows.get(closed.identity);
      if (!rowId) continue;
      watch.rows.delete(closed.identity);
      await db
        .updateTable('talk_intervals')
        .set({ ended_at: iso(closed.end) })
        .where('id', '=', rowId)
        .execute();
    }
    for (const opened of step.opened) {
      if (!watch.seats.has(opened.identity)) watch.seats = await seatsOf(sessionId);
      const personId = watch.seats.get(opened.identity);
      // Only seats are measured: an identity we never issued has no one to attribute talk to.
      if (!personId) continue;
      const id = randomUUID();
      await db
        .insertInto('talk_intervals')
        .values({
          id,
          session_id: sessionId,
          person_id: personId,
          identity: opened.identity,
          started_at: iso(opened.start),
          ended_at: null,
        })
        .execute();
      watch.rows.set(opened.identity, id);
    }
  }

  /** Runs one change of state after the ones before it, so rows are written in order. */
  function enqueue(sessionId: string, watch: Watch, change: (state: TalkState) => TalkStep): Promise<void> {
    watch.queue = watch.queue
      .then(async () => {
        const step = change(watch.state);
        watch.state = step.state;
        await write(sessionId, watch, step);
      })
      .catch((err) => logger.error({ err, sessionId }, 'talk time: writing a stretch failed'));
    return watch.queue;
  }

  async function end(sessionId: string): Promise<void> {
    const watch = watches.get(sessionId);
    if (!watch || watch.ending) return;
    watch.ending = true;
    const at = deps.now().getTime();
    await enqueue(sessionId, watch, (state) => closeAll(state, at));
    await db
      .updateTable('talk_observations')
      .set({ ended_at: iso(at) })
      .where('id', '=', watch.observationId)
      .execute();
    watches.delete(sessionId);
    await watch.connection
      ?.disconnect()
      .catch((err) => logger.warn({ err, sessionId }, 'talk time: leaving'));
  }

  async function attach(sessionId: string, roomName: string): Promise<void> {
    const policy = await deps.policies.current();
    if (!policy.policy.talkTimeEnabled) return;
    const identity = talkObserverIdentity(sessionId);
    const observationId = randomUUID();
    await db
      .insertInto('talk_observations')
      .values({
        id: observationId,
        session_id: sessionId,
        room_name: roomName,
        observer_identity: identity,
        policy_version: policy.version,
        started_at: deps.now().toISOString(),
        ended_at: null,
        destroyed_at: null,
      })
      .execute();
    const watch: Watch = {
      observationId,
      state: emptyTalkState,
      rows: new Map(),
      seats: await seatsOf(sessionId),
      queue: Promise.resolve(),
      ending: false,
    };
    watches.set(sessionId, watch);
    try {
      const token = await mintTalkObserverToken(deps.livekit, roomName, identity);
      watch.connection = await deps.connect(deps.livekit.url, token, {
        speakers: (identities) => {
          const at = deps.now().getTime();
          const speaking = identities.filter((i) => !isTalkObserverIdentity(i));
          void enqueue(sessionId, watch, (state) => applySnapshot(state, { at, speaking }));
        },
        left: (who) => {
          const at = deps.now().getTime();
          void enqueue(sessionId, watch, (state) => closeIdentity(state, who, at));
        },
        // The last seat left: leave too, so LiveKit can close the room (a seat's join brings it back).
        empty: () => void end(sessionId),
        disconnected: (reason) => {
          logger.info({ sessionId, reason }, 'talk time: observer left the room');
          void end(sessionId);
        },
      });
      // Everyone had gone before it arrived: it has ended already; leave the room it just joined.
      if (watch.ending) await watch.connection.disconnect();
      else logger.info({ sessionId, roomName }, 'talk time: observing');
    } catch (err) {
      logger.warn({ err, sessionId }, 'talk time: could not join the room');
      await end(sessionId);
    }
  }

  async function closeLeftovers(): Promise<Array<{ sessionId: string; roomName: string }>> {
    const open = await db
      .selectFrom('talk_observations')
      .select(['id', 'session_id', 'room_name'])
      .where('ended_at', 'is', null)
      .execute();
    const nowIso = deps.now().toISOString();
    const sessions = new Map<string, string>();
    for (const observation of open) {
      if (watches.has(observation.session_id)) continue;
      sessions.set(observation.session_id, observation.room_name);
      const intervals = await db
        .selectFrom('talk_intervals')
        .select(['id', 'identity', 'started_at'])
        .where('session_id', '=', observation.session_id)
        .where('ended_at', 'is', null)
        .execute();
      for (const interval of intervals) {
        // The seat's leave, when presence knows one after the stretch began; otherwise now.
        const leave = await db
          .selectFrom('participant_presence')
          .select('left_at')
          .where('session_id', '=', observation.session_id)
          .where('identity', '=', interval.identity)
          .where('left_at', 'is not', null)
          .where('left_at', '>=', interval.started_at)
          .orderBy('left_at')
          .executeTakeFirst();
        await db
          .updateTable('talk_intervals')
          .set({ ended_at: leave?.left_at ?? nowIso })
          .where('id', '=', interval.id)
          .execute();
      }
      await db
        .updateTable('talk_observations')
        .set({ ended_at: nowIso })
        .where('id', '=', observation.id)
        .execute();
    }
    return [...sessions].map(([sessionId, roomName]) => ({ sessionId, roomName }));
  }

  const observer: TalkObserver = {
    roomActive(sessionId, roomName) {
      if (watches.has(sessionId)) return Promise.resolve();
      const pending = starting.get(sessionId);
      if (pending) return pending;
      const run = attach(sessionId, roomName)
        .catch((err) => logger.error({ err, sessionId }, 'talk time: observing failed'))
        .finally(() => starting.delete(sessionId));
      starting.set(sessionId, run);
      return run;
    },
    async roomEnded(sessionId) {
      await starting.get(sessionId);
      await end(sessionId);
    },
    async recover() {
      for (const { sessionId, roomName } of await closeLeftovers()) {
        const present = await deps.roomService.listParticipants(roomName).catch(() => []);
        if (present.some((p) => !p.hidden && p.kind !== 'EGRESS' && !isTalkObserverIdentity(p.identity)))
          await observer.roomActive(sessionId, roomName);
      }
    },
    watching: (sessionId) => watches.has(sessionId),
    async stop() {
      await Promise.all([...starting.values()]);
      await Promise.all([...watches.keys()].map((sessionId) => end(sessionId)));
    },
  };
  return observer;
}
