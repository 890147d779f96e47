/**
 * Rule 10: recording must not depend on webhooks arriving. At start-up and then every few seconds,
 * for each session with a live state, compare LiveKit's own view (participants present, egresses
 * active) with the stored state, feed the differences to the consent machine, and so stop any egress
 * the state does not allow, including ones the machine never knew.
 *
 * Each difference is applied only if the stored state has not moved since it was read (the version
 * check): a start whose egress id arrives while LiveKit is being listed must not be mistaken for an
 * egress that ended. A skipped difference is looked at again on the next pass.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/database';
import type { TalkObserver } from '../insights/talk-observer';
import type { EgressPort } from '../livekit/egress';
import type { RoomService } from '../livekit/room-service';
import { isTalkObserverIdentity } from '../livekit/talk-observer-token';
import { pollingLoop } from '../polling-loop';
import type { StoredConsent } from './consent-repository';
import { listLiveConsent, readConsent, startingSince, upsertSegment } from './consent-repository';
import type { ConsentService } from './consent-service';
import { egressEvent, participantJoined, participantLeft } from './livekit-news';
import { isServiceParticipant } from './room-participants';

export interface ReconcilerDeps {
  db: Db;
  consent: ConsentService;
  roomService: RoomService;
  egress: EgressPort;
  logger: Logger;
  intervalMs: number;
  /** How long an egress may stay starting before it is stopped and tried again. */
  activeTimeoutMs?: number;
  now?: () => Date;
  /**
   * The talk-time observer: a live room with a seat in it and nobody watching (its join webhook was lost)
   * is handed to it; it decides by the policy in force whether to watch.
   */
  talk?: Pick<TalkObserver, 'roomActive' | 'watching'>;
}

/** Sessions used this recently are checked even when their state shows nobody present. */
const recentHours = 24;

export interface Reconciler {
  /** One pass over every live session; concurrent calls share the pass in progress. */
  runOnce(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/** Thrown out of a step to end the pass for this session: the state moved, look again next pass. */
class StateMoved extends Error {}

/**
 * Brings one session in line; returns false when it stopped early because the state moved.
 *
 * Each step stands on its own: a LiveKit call that fails (a listing, a recorder that will not be
 * removed, "no response from servers") is logged and the steps after it still run, so the lost-start
 * and start-timeout checks never depend on removing a recorder. A step that needs a listing that
 * could not be had is skipped (nothing is concluded from a listing never read). Throws only when
 * every step failed to talk to LiveKit or the database, so the caller can report it.
 */
export async function reconcileSession(
  deps: Pick<
    ReconcilerDeps,
    'db' | 'consent' | 'roomService' | 'egress' | 'activeTimeoutMs' | 'now' | 'talk'
  > & {
    logger?: Logger;
  },
  stored: StoredConsent,
): Promise<boolean> {
  const { db, consent } = deps;
  const failures: unknown[] = [];
  let attempted = 0;
  /** Runs one step; a failure is logged and kept, a moved state ends the pass. */
  async function guarded(name: string, run: () => Promise<void>): Promise<void> {
    attempted += 1;
    try {
      await run();
    } catch (err) {
      if (err instanceof StateMoved) throw err;
      failures.push(err);
      deps.logger?.warn({ err, sessionId: stored.sessionId, step: name }, 'reconcile step failed');
    }
  }
  const settled = <T>(promise: Promise<T>) =>
    promise.then(
      (value) => ({ ok: true as const, value }),
      (err: unknown) => {
        failures.push(err);
        deps.logger?.warn({ err, sessionId: stored.sessionId }, 'LiveKit listing failed');
        return { ok: false as const };
      },
    );
  const presentListing = await settled(deps.roomService.listParticipants(stored.roomName));
  // Listed after the state was read: an egress bound before the read is in this listing unless it ended,
  // and one bound after the read moves the version, so the steps below are skipped.
  const egressListing = await settled(deps.egress.listActive(stored.roomName));
  let version = stored.version;
  let state = stored.state;
  // Talk time must not depend on webhooks either: a seat LiveKit lists in a room nobody watches is a
  // join whose news was lost. Not awaited: joining the room takes a while and the pass goes on without it.
  const talk = deps.talk;
  if (presentListing.ok && talk && !talk.watching(stored.sessionId)) {
    const seated = presentListing.value.some(
      (p) => !isServiceParticipant(p) && !isTalkObserverIdentity(p.identity),
    );
    if (seated)
      talk.roomActive(stored.sessionId, stored.roomName).catch((err) => {
        deps.logger?.warn({ err, sessionId: stored.sessionId }, 'talk time: observing failed');
      });
  }
  const step = async (
    apply: (expectedVersion: number) => Promise<{ skipped: boolean; stored: StoredConsent }>,
  ) => {
    const applied = await apply(version);
    if (applied.skipped) throw new StateMoved();
    version = applied.stored.version;
    state = applied.stored.state;
  };

  try {
    if (presentListing.ok) {
      const present = presentListing.value;
      await guarded('participants', async () => {
        const presentIds = new Set(present.map((p) => p.identity));
        for (const participant of present) {
          const known = Object.hasOwn(state.participants, participant.identity)
            ? state.participants[participant.identity]
            : undefined;
          // Rule 5: the same identity under another participant session is a new presence (a reload or
          // rejoin whose webhooks were lost); the machine ends the earlier one and its yes.
          const replaced =
            known?.sid !== undefined && participant.sid !== undefined && known.sid !== participant.sid;
          if (known && !replaced) continue;
          await step((expectedVersion) =>
            participantJoined(db, consent, stored.sessionId, participant, { expectedVersion }),
          );
        }
        for (const identity of Object.keys(state.participants)) {
          if (presentIds.has(identity)) continue;
          await step((expectedVersion) =>
            participantLeft(db, consent, stored.sessionId, identity, { expectedVersion }),
          );
        }
      });
    }

    const listed = new Set<string>();
    if (egressListing.ok) {
      for (const snapshot of egressListing.value) listed.add(snapshot.egressId);
      // Every egress LiveKit lists is news: one the state does not allow gets a stop command.
      await guarded('egress news', async () => {
        for (const snapshot of egressListing.value) {
          const event = egressEvent(snapshot);
          if (!event) continue;
          await step((expectedVersion) => consent.apply(stored.sessionId, event, { expectedVersion }));
        }
      });
    }
    // A recorder whose egress LiveKit no longer lists (its process died and left its browser behind) would
    // keep telling every client the room is recording: take it out of the room. Each on its own.
    if (presentListing.ok && egressListing.ok) {
      for (const participant of presentListing.value) {
        if (participant.kind !== 'EGRESS' || listed.has(participant.identity)) continue;
        await guarded('remove recorder', () =>
          deps.roomService.removeParticipant(stored.roomName, participant.identity),
        );
      }
    }
    // A start no live process awaits (the server died during the call) and LiveKit does not list
    // never began: tell the machine, which may retry it if consent still allows.
    await guarded('lost start', async () => {
      const pending = state.egress;
      if (
        pending.kind === 'starting' &&
        pending.egressId === undefined &&
        !consent.startInFlight(stored.sessionId, pending.attempt)
      ) {
        const lost = { type: 'egress_start_failed', attempt: pending.attempt } as const;
        await step((expectedVersion) => consent.apply(stored.sessionId, lost, { expectedVersion }));
      }
    });
    // The machine's own egress still starting long after it was started (its timer died with an old
    // process): stopped and tried again, as the live timer would have.
    await guarded('start timeout', async () => {
      const starting = state.egress;
      if (starting.kind !== 'starting' || starting.egressId === undefined) return;
      if (deps.activeTimeoutMs === undefined) return;
      const since = await startingSince(db, starting.egressId);
      const now = deps.now?.() ?? new Date();
      if (since && now.getTime() - Date.parse(since) > deps.activeTimeoutMs) {
        const timedOut = { type: 'egress_start_timed_out', egressId: starting.egressId } as const;
        await step((expectedVersion) => consent.apply(stored.sessionId, timedOut, { expectedVersion }));
      }
    });
    // The machine's own egress, once LiveKit no longer lists it, is over (its webhook was lost).
    if (egressListing.ok) {
      await guarded('own egress ended', async () => {
        const own = state.egress;
        if (own.kind === 'idle' || own.egressId === undefined || listed.has(own.egressId)) return;
        const ended = { type: 'egress_ended', egressId: own.egressId } as const;
        await step((expectedVersion) => consent.apply(stored.sessionId, ended, { expectedVersion }));
        // Its segment is finished too, so the vault takes in whatever file it left.
        await upsertSegment(db, {
          egressId: own.egressId,
          sessionId: stored.sessionId,
          status: 'EGRESS_COMPLETE',
          error: 'LiveKit stopped listing it before its final webhook arrived',
          updatedAt: (deps.now?.() ?? new Date()).toISOString(),
        });
      });
    }
  } catch (err) {
    if (err instanceof StateMoved) return false;
    throw err;
  }
  await guarded('republish', async () => {
    const latest = await readConsent(db, stored.sessionId);
    // With LiveKit's listing: a publish grant that failed, or was lost to a reconnect, is made again.
    if (latest) await consent.republish(latest, presentListing.ok ? presentListing.value : undefined);
  });
  if (failures.length > 0 && failures.length >= attempted) {
    throw new AggregateError(failures, 'every reconcile step failed');
  }
  return true;
}

export function createReconciler(deps: ReconcilerDeps): Reconciler {
  async function pass(): Promise<void> {
    let sessions: StoredConsent[];
    try {
      // One listing for every room, so a room with an egress is looked at even when its state looks idle.
      const roomsWithEgress = new Set((await deps.egress.listActive()).map((snapshot) => snapshot.roomName));
      const now = deps.now?.() ?? new Date();
      const recentSince = new Date(now.getTime() - recentHours * 3600_000).toISOString();
      sessions = await listLiveConsent(deps.db, { alsoRooms: [...roomsWithEgress], recentSince });
    } catch (err) {
      deps.logger.warn({ err }, 'reconcile pass skipped; retrying next pass');
      return;
    }
    for (const stored of sessions) {
      try {
        const complete = await reconcileSession(deps, stored);
        if (!complete) deps.logger.debug({ sessionId: stored.sessionId }, 'state moved; reconcile next pass');
      } catch (err) {
        // LiveKit down or slow: try again next pass; the other sessions still get their turn.
        deps.logger.warn({ err, sessionId: stored.sessionId }, 'reconcile failed');
      }
    }
  }

  return pollingLoop(pass, deps.intervalMs);
}
