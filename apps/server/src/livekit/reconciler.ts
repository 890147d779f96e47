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
import type { StoredConsent } from '../consent/consent-repository';
import { listLiveConsent, readConsent, startingSince, upsertSegment } from '../consent/consent-repository';
import type { ConsentService } from '../consent/consent-service';
import { egressEvent, participantJoined, participantLeft } from '../consent/livekit-news';
import type { Db } from '../db/database';
import type { EgressPort } from './egress';
import type { RoomService } from './room-service';

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
}

/** Sessions used this recently are checked even when their state shows nobody present. */
const recentHours = 24;

export interface Reconciler {
  /** One pass over every live session; concurrent calls share the pass in progress. */
  runOnce(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/** Brings one session in line; returns false when it stopped early because the state moved. */
export async function reconcileSession(
  deps: Pick<ReconcilerDeps, 'db' | 'consent' | 'roomService' | 'egress' | 'activeTimeoutMs' | 'now'>,
  stored: StoredConsent,
): Promise<boolean> {
  const { db, consent } = deps;
  const present = await deps.roomService.listParticipants(stored.roomName);
  // Listed after the state was read: an egress bound before the read is in this listing unless it ended,
  // and one bound after the read moves the version, so the steps below are skipped.
  const egresses = await deps.egress.listActive(stored.roomName);
  let version = stored.version;
  let state = stored.state;
  const step = async (
    apply: (expectedVersion: number) => Promise<{ skipped: boolean; stored: StoredConsent }>,
  ) => {
    const applied = await apply(version);
    if (applied.skipped) return false;
    version = applied.stored.version;
    state = applied.stored.state;
    return true;
  };

  const presentIds = new Set(present.map((p) => p.identity));
  for (const participant of present) {
    if (Object.hasOwn(state.participants, participant.identity)) continue;
    const ok = await step((expectedVersion) =>
      participantJoined(db, consent, stored.sessionId, participant, { expectedVersion }),
    );
    if (!ok) return false;
  }
  for (const identity of Object.keys(state.participants)) {
    if (presentIds.has(identity)) continue;
    const ok = await step((expectedVersion) =>
      participantLeft(consent, stored.sessionId, identity, { expectedVersion }),
    );
    if (!ok) return false;
  }

  // Every egress LiveKit lists is news: one the state does not allow gets a stop command.
  const listed = new Set<string>();
  for (const snapshot of egresses) {
    listed.add(snapshot.egressId);
    const event = egressEvent(snapshot);
    if (!event) continue;
    const ok = await step((expectedVersion) => consent.apply(stored.sessionId, event, { expectedVersion }));
    if (!ok) return false;
  }
  // A recorder whose egress LiveKit no longer lists (its process died and left its browser behind) would
  // keep telling every client the room is recording: take it out of the room.
  for (const participant of present) {
    if (participant.kind === 'EGRESS' && !listed.has(participant.identity)) {
      await deps.roomService.removeParticipant(stored.roomName, participant.identity);
    }
  }
  // A start no live process awaits (the server died during the call) and LiveKit does not list
  // never began: tell the machine, which may retry it if consent still allows.
  const pending = state.egress;
  if (
    pending.kind === 'starting' &&
    pending.egressId === undefined &&
    !consent.startInFlight(stored.sessionId, pending.attempt)
  ) {
    const lost = { type: 'egress_start_failed', attempt: pending.attempt } as const;
    const ok = await step((expectedVersion) => consent.apply(stored.sessionId, lost, { expectedVersion }));
    if (!ok) return false;
  }
  // The machine's own egress still starting long after it was started (its timer died with an old
  // process): stopped and tried again, as the live timer would have.
  const starting = state.egress;
  if (starting.kind === 'starting' && starting.egressId !== undefined && deps.activeTimeoutMs !== undefined) {
    const since = await startingSince(db, starting.egressId);
    const now = deps.now?.() ?? new Date();
    if (since && now.getTime() - Date.parse(since) > deps.activeTimeoutMs) {
      const timedOut = { type: 'egress_start_timed_out', egressId: starting.egressId } as const;
      const ok = await step((expectedVersion) =>
        consent.apply(stored.sessionId, timedOut, { expectedVersion }),
      );
      if (!ok) return false;
    }
  }
  // The machine's own egress, once LiveKit no longer lists it, is over (its webhook was lost).
  const own = state.egress;
  if (own.kind !== 'idle' && own.egressId !== undefined && !listed.has(own.egressId)) {
    const ended = { type: 'egress_ended', egressId: own.egressId } as const;
    const ok = await step((expectedVersion) => consent.apply(stored.sessionId, ended, { expectedVersion }));
    if (!ok) return false;
    // Its segment is finished too, so the vault takes in whatever file it left.
    await upsertSegment(db, {
      egressId: own.egressId,
      sessionId: stored.sessionId,
      status: 'EGRESS_COMPLETE',
      error: 'LiveKit stopped listing it before its final webhook arrived',
      updatedAt: (deps.now?.() ?? new Date()).toISOString(),
    });
  }
  const latest = await readConsent(db, stored.sessionId);
  // With LiveKit's listing: a publish grant that failed, or was lost to a reconnect, is made again.
  if (latest) await consent.republish(latest, present);
  return true;
}

export function createReconciler(deps: ReconcilerDeps): Reconciler {
  let running: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

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

  function runOnce(): Promise<void> {
    if (!running) running = pass().finally(() => (running = undefined));
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce().finally(schedule);
    }, deps.intervalMs);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      void runOnce().finally(schedule);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
