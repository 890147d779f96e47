/**
 * The one path every consent event takes (rule 6): lock the session's row, run the pure machine,
 * append the log entry and save the new state in ONE transaction; only after the commit run the
 * machine's commands (stops first, started before anything else is awaited) and publish the state.
 * What the egress calls report feeds back as events through this same path.
 */

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  type ConsentCommand,
  type ConsentEvent,
  type ConsentState,
  type LiveRecordingState,
  policyVersionOfNotice,
  type TransitionResult,
  transition,
} from '@assent/shared';
import type { Logger } from 'pino';
import { boardStatusOf } from '../board/board-repository';
import type { RecordingConfig } from '../config';
import type { Db, DbOrTrx } from '../db/database';
import { AppError } from '../http/app-error';
import type { EgressPort } from '../livekit/egress';
import type { RoomParticipant, RoomService } from '../livekit/room-service';
import type { PolicyBook } from '../policy/policy-book';
import { latestPolicyVersion, policyVersion } from '../policy/policy-repository';
import { askAgainAt } from '../policy/request-cooldown';
import {
  appendConsentLog,
  type ConsentLogRecord,
  findLogByClientRequest,
  lockConsent,
  readConsent,
  type StoredConsent,
  saveConsent,
  upsertSegment,
} from './consent-repository';
import { observedPublishing } from './publish-permission';
import { toLiveRecordingState } from './room-state';
import { createStatePublisher } from './state-publisher';

export interface ConsentServiceDeps {
  db: Db;
  egress: EgressPort;
  roomService: RoomService;
  logger: Logger;
  /** Egress settings (where recordings are written, how long a start may take). */
  recording: RecordingConfig;
  /** The organisation's policy, built once at the composition root and shared with the vault. */
  policies: PolicyBook;
  /** What a withdrawal sets off besides the stop: the vault's withdrawal rule ("erase" or "keep"). */
  withdrawalRule: WithdrawalRule;
  now: () => Date;
}

/** The vault's side of a withdrawal, as the consent service sees it (the vault implements it). */
export interface WithdrawalRule {
  afterWithdrawal(sessionId: string): Promise<unknown>;
}

/** A log entry for the event, minus what the service fills in (id, order, time). */
export type LogEntryInput = Omit<ConsentLogRecord, 'id' | 'seq' | 'sessionId' | 'at'>;

export interface ApplyOptions {
  /**
   * Runs inside the transaction with the machine's answer; throw an AppError to refuse the command
   * (the transaction rolls back and nothing is written). Returns the log entry to append, if any.
   */
  decide?: (result: TransitionResult, before: ConsentState) => LogEntryInput | undefined;
  /** Skip (write nothing) when the stored version is no longer this one: the caller's view is stale. */
  expectedVersion?: number;
  /**
   * Checked before the transition: a stored entry from this person with this id makes it a repeat —
   * if it records the same command; an id reused for a different command is refused (409).
   */
  idempotencyKey?: {
    personId: string;
    clientRequestId: string;
    sameCommand: (previous: ConsentLogRecord) => boolean;
  };
}

export interface Applied {
  stored: StoredConsent;
  commands: readonly ConsentCommand[];
  ignored?: TransitionResult['ignored'];
  /** The command was already applied under this idempotency key: nothing was written. */
  repeat: boolean;
  /** expectedVersion did not match: nothing was written. */
  skipped: boolean;
  /** A new state version was committed. */
  written: boolean;
}

export interface ConsentService {
  apply(sessionId: string, event: ConsentEvent, options?: ApplyOptions): Promise<Applied>;
  read(sessionId: string): Promise<StoredConsent | undefined>;
  /** The organisation's policy, as requests are checked against it and consent prompts state it. */
  readonly policies: PolicyBook;
  /** The state as clients see it, the request stated as the policy version it was made under says. */
  liveState(stored: Pick<StoredConsent, 'sessionId' | 'state' | 'updatedAt'>): Promise<LiveRecordingState>;
  /**
   * Whether this process still awaits the answer to that start call. A start the state records but no
   * live process awaits (the server died mid-call) will never report back: the reconciler settles it.
   */
  startInFlight(sessionId: string, attempt: number): boolean;
  /**
   * Publishes the stored state again (the reconciler does, so a room created late gets it). `listed` is
   * LiveKit's participant listing: anyone whose publish permission there is not what the state says
   * gets it set again.
   */
  republish(stored: StoredConsent, listed?: readonly RoomParticipant[]): Promise<void>;
  /** Resolves once every egress call and publish started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
}

export function createConsentService(deps: ConsentServiceDeps): ConsentService {
  const { policies } = deps;
  async function liveState({
    sessionId,
    state,
    updatedAt,
  }: Pick<StoredConsent, 'sessionId' | 'state' | 'updatedAt'>) {
    const terms = state.request ? await policies.termsFor(state.request) : null;
    // Only a request someone said no to can be cooling down (the request route checks the whole session).
    const closed = state.request !== null && state.request.status !== 'open';
    const askAgain = closed
      ? await askAgainAt(deps.db, sessionId, await policies.current(), deps.now())
      : null;
    // The whiteboard's status rides along, so the recording layout knows to show it.
    const board = await boardStatusOf(deps.db, sessionId);
    return { ...toLiveRecordingState(state, terms, updatedAt, askAgain), board };
  }
  const publisher = createStatePublisher({ ...deps, liveState });
  const inFlight = new Set<Promise<unknown>>();
  /** `${sessionId}#${attempt}` of start calls whose outcome has not yet been applied to the state. */
  const startsAwaited = new Set<string>();
  const startKey = (sessionId: string, attempt: number) => `${sessionId}#${attempt}`;

  function track(promise: Promise<unknown>) {
    const settled = promise.catch(() => {}).finally(() => inFlight.delete(settled));
    inFlight.add(settled);
  }

  /** Applies egress news; resolves false when it could not be applied (the error is logged). */
  function feedBack(sessionId: string, event: ConsentEvent): Promise<boolean> {
    const applied = service.apply(sessionId, event).then(
      () => true,
      (err) => {
        deps.logger.error({ err, sessionId, event: event.type }, 'egress news could not be applied');
        return false;
      },
    );
    track(applied);
    return applied;
  }

  function startEgress(stored: StoredConsent, command: Extract<ConsentCommand, { type: 'start_egress' }>) {
    const { sessionId, roomName } = stored;
    const filepath = join(
      deps.recording.recordingsDir,
      sessionId,
      `${command.requestId}-${command.attempt}.mp4`,
    );
    const key = startKey(sessionId, command.attempt);
    startsAwaited.add(key);
    const started = deps.egress.startRoomComposite({ roomName, filepath }).then(
      async ({ egressId }) => {
        deps.logger.info({ sessionId, egressId, attempt: command.attempt }, 'egress started');
        // The machine learns the id first: a withdrawal that came in meanwhile is waiting to stop it.
        if (!(await feedBack(sessionId, { type: 'egress_started', egressId }))) {
          // Fail closed: an egress the state does not know of must not run; consent may start another.
          stopEgress(stored, { type: 'stop_egress', egressId, reason: 'unexpected_egress' });
        } else {
          armStartTimeout(sessionId, egressId);
        }
        await upsertSegment(deps.db, {
          egressId,
          sessionId,
          requestId: command.requestId,
          status: 'EGRESS_STARTING',
          chosenPath: filepath,
          updatedAt: deps.now().toISOString(),
        }).catch((err) => deps.logger.error({ err, egressId }, 'segment not recorded'));
      },
      async (err) => {
        deps.logger.error({ err, sessionId, attempt: command.attempt }, 'egress start failed');
        await feedBack(sessionId, { type: 'egress_start_failed', attempt: command.attempt });
      },
    );
    // Awaited until its outcome is in the state, so the reconciler never mistakes it for a lost start.
    track(started.finally(() => startsAwaited.delete(key)));
  }

  /**
   * A recorder that has not begun capturing in time is stopped and a new attempt made (the machine ignores
   * the timeout once it is active). After a restart the reconciler does the same from the segment's age.
   */
  function armStartTimeout(sessionId: string, egressId: string) {
    const timer = setTimeout(() => {
      void feedBack(sessionId, { type: 'egress_start_timed_out', egressId });
    }, deps.recording.egressActiveTimeoutSeconds * 1000);
    timer.unref();
  }

  /** Takes a recorder participant out of its room; it may have left already. */
  function removeRecorder(roomName: string, egressId: string): Promise<void> {
    return deps.roomService.removeParticipant(roomName, egressId).catch((err: unknown) => {
      deps.logger.debug({ err, roomName, egressId }, 'recorder participant not removed');
    });
  }

  function stopEgress(stored: StoredConsent, command: Extract<ConsentCommand, { type: 'stop_egress' }>) {
    const { sessionId } = stored;
    const { egressId, reason } = command;
    track(
      deps.egress.stop(egressId).then(
        (outcome) => {
          deps.logger.info({ sessionId, egressId, reason, outcome }, 'egress stop sent');
          // LiveKit no longer knows it: it is over, and its end may never be reported otherwise.
          if (outcome === 'not_found') feedBack(sessionId, { type: 'egress_ended', egressId });
          // Egress closes its browser without leaving, so LiveKit would keep the recorder in the room
          // (and tell every client the room is recording) for another 20 s. The file is already cut at
          // the stop; taking the recorder out also ends any media still flowing to it.
          return removeRecorder(stored.roomName, egressId);
        },
        // The reconciler lists the egress again and repeats the stop.
        (err) => deps.logger.error({ err, sessionId, egressId, reason }, 'egress stop failed'),
      ),
    );
  }

  /** Stops go out first and synchronously: nothing is awaited between the commit and a stop call. */
  function execute(stored: StoredConsent, commands: readonly ConsentCommand[]) {
    for (const command of commands) if (command.type === 'stop_egress') stopEgress(stored, command);
    for (const command of commands) if (command.type === 'start_egress') startEgress(stored, command);
  }

  /**
   * Under the "erase" rule the session's earlier recordings go now. Not awaited, so stopping the
   * recorder is never held up; the vault's sweeper applies the rule again should this not finish.
   */
  function applyWithdrawalRule(sessionId: string) {
    deps.withdrawalRule
      .afterWithdrawal(sessionId)
      .catch((err) => deps.logger.error({ err, sessionId }, 'withdrawal rule failed'));
  }

  /** Saved policy versions never change: whether each allows advance guardian consent, once read. */
  const advanceAllowed = new Map<number, boolean>();
  async function allowsAdvance(trx: DbOrTrx, version: number | undefined): Promise<boolean> {
    const number = version ?? (await latestPolicyVersion(trx));
    if (number === undefined) return false;
    let allowed = advanceAllowed.get(number);
    if (allowed === undefined) {
      // Read inside the caller's transaction: on SQLite another connection would wait for it forever.
      allowed = (await policyVersion(trx, number))?.policy.advanceGuardianConsent === true;
      advanceAllowed.set(number, allowed);
    }
    return allowed;
  }

  /**
   * Whether a guardian's advance consent counts (rule 3) is the policy's, as of the request it would
   * count for: the version the request was made under (one from before the policy was data: the latest).
   */
  async function withGuardianConsentMode(
    trx: DbOrTrx,
    state: ConsentState,
    event: ConsentEvent,
  ): Promise<ConsentState> {
    const noticeVersion = event.type === 'request' ? event.noticeVersion : state.request?.noticeVersion;
    if (noticeVersion === undefined) return state;
    const mode = (await allowsAdvance(trx, policyVersionOfNotice(noticeVersion)))
      ? 'in_call_or_advance'
      : 'in_call';
    return state.policy.guardianConsentMode === mode
      ? state
      : { ...state, policy: { ...state.policy, guardianConsentMode: mode } };
  }

  const service: ConsentService = {
    async apply(sessionId, event, options = {}) {
      const outcome = await deps.db.transaction().execute(async (trx) => {
        const stored = await lockConsent(trx, sessionId);
        if (!stored) throw new AppError(404, 'not_found', 'This session no longer exists.');
        const unchanged = { stored, commands: [], repeat: false, skipped: false, written: false };
        if (options.expectedVersion !== undefined && options.expectedVersion !== stored.version) {
          return { ...unchanged, skipped: true };
        }
        if (options.idempotencyKey) {
          const { personId, clientRequestId, sameCommand } = options.idempotencyKey;
          const previous = await findLogByClientRequest(trx, personId, clientRequestId);
          if (previous && !sameCommand(previous)) {
            throw new AppError(
              409,
              'conflict',
              'That clientRequestId was already used for a different command.',
            );
          }
          if (previous) return { ...unchanged, repeat: true };
        }
        const result = transition(await withGuardianConsentMode(trx, stored.state, event), event);
        const entry = options.decide?.(result, stored.state);
        if (result.state === stored.state && result.commands.length === 0 && !entry) {
          return { ...unchanged, ignored: result.ignored };
        }
        const at = deps.now().toISOString();
        const next: StoredConsent = {
          ...stored,
          state: result.state,
          version: stored.version + 1,
          updatedAt: at,
        };
        if (entry) {
          await appendConsentLog(trx, { ...entry, id: randomUUID(), seq: next.version, sessionId, at });
        }
        await saveConsent(trx, sessionId, next.state, next.version, at);
        const { commands, ignored } = result;
        return { stored: next, commands, ignored, repeat: false, skipped: false, written: true };
      });
      // Committed: only now may anything start or stop because of this event.
      if (outcome.commands.length > 0) execute(outcome.stored, outcome.commands);
      // A no after a yes is a withdrawal, whichever of the two commands said it (repeats included).
      if (event.type === 'withdraw' || event.type === 'decline') applyWithdrawalRule(sessionId);
      if (outcome.written) track(publisher.publish(outcome.stored));
      return outcome;
    },
    read: (sessionId) => readConsent(deps.db, sessionId),
    policies,
    liveState,
    startInFlight: (sessionId, attempt) => startsAwaited.has(startKey(sessionId, attempt)),
    republish: (stored, listed) => publisher.publish(stored, listed && observedPublishing(listed)),
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
  return service;
}
