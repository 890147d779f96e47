// Keeping the one egress in line with consent, and digesting egress news that may come duplicated,
// late or out of order. Anything that looks alive and is not the machine's own egress is told to stop.
import { canRecord, countedParticipants } from './consent-policy';
import type {
  ConsentCommand,
  ConsentState,
  EgressState,
  StopReason,
  TransitionResult,
} from './consent-types';

/** Remember at most this many finished egress ids; a session sees a handful. */
const RETIRED_LIMIT = 256;

const idle: EgressState = { kind: 'idle' };

function retire(state: ConsentState, egressId: string): ConsentState {
  if (state.retiredEgressIds.includes(egressId)) return state;
  return { ...state, retiredEgressIds: [...state.retiredEgressIds, egressId].slice(-RETIRED_LIMIT) };
}

function stopCommand(egressId: string, reason: StopReason): ConsentCommand {
  return { type: 'stop_egress', egressId, reason };
}

/** The id of the egress the machine considers its own, if it knows one. */
export function currentEgressId(egress: EgressState): string | undefined {
  return egress.kind === 'idle' ? undefined : egress.egressId;
}

/** Stop the current egress if it may be capturing; without an id yet, remember to stop it once known. */
function stopCurrent(state: ConsentState, reason: StopReason): TransitionResult {
  const egress = state.egress;
  if (egress.kind === 'starting' && egress.egressId === undefined) {
    if (egress.stopOnStart) return { state, commands: [] };
    return { state: { ...state, egress: { ...egress, stopOnStart: reason } }, commands: [] };
  }
  if (egress.kind === 'starting' || egress.kind === 'active') {
    const stopping: EgressState = { kind: 'stopping', egressId: egress.egressId, reason };
    return { state: { ...state, egress: stopping }, commands: [stopCommand(egress.egressId, reason)] };
  }
  return { state, commands: [] };
}

/**
 * Bring the egress in line with consent after any change: stop it (fail closed) when recording is no
 * longer allowed, start one when it is allowed and nothing is starting, running or stopping.
 * `reason` names the cause for the stop command.
 */
export function settle(state: ConsentState, reason: StopReason): TransitionResult {
  const { egress, request } = state;
  const allowed = canRecord(state);
  if (egress.kind === 'starting' || egress.kind === 'active') {
    if (allowed && request?.requestId === egress.requestId) return { state, commands: [] };
    const why = countedParticipants(state).length === 0 && request ? 'room_empty' : reason;
    return stopCurrent(state, why);
  }
  if (
    egress.kind === 'idle' &&
    allowed &&
    request &&
    request.egressFailures < state.policy.maxEgressFailures
  ) {
    const attempt = state.startAttempts + 1;
    return {
      state: {
        ...state,
        startAttempts: attempt,
        egress: { kind: 'starting', requestId: request.requestId, attempt },
      },
      commands: [{ type: 'start_egress', requestId: request.requestId, attempt }],
    };
  }
  return { state, commands: [] };
}

function countFailure(state: ConsentState): ConsentState {
  if (!state.request) return state;
  return { ...state, request: { ...state.request, egressFailures: state.request.egressFailures + 1 } };
}

function resetFailures(state: ConsentState): ConsentState {
  if (!state.request || state.request.egressFailures === 0) return state;
  return { ...state, request: { ...state.request, egressFailures: 0 } };
}

/**
 * `egress_started` / `egress_active`. While the start command's id is unknown, the first egress that
 * is not retired is taken as the one just started (only one start is ever in flight). Any other
 * egress showing signs of life, or its own after it was told to stop, gets a stop command.
 */
export function onEgressAlive(state: ConsentState, egressId: string, active: boolean): TransitionResult {
  const egress = state.egress;
  const retired = state.retiredEgressIds.includes(egressId);
  if (egress.kind === 'starting' && egress.egressId === undefined && !retired) {
    if (egress.stopOnStart) {
      const stopping: EgressState = { kind: 'stopping', egressId, reason: egress.stopOnStart };
      return { state: { ...state, egress: stopping }, commands: [stopCommand(egressId, egress.stopOnStart)] };
    }
    const bound: EgressState = active
      ? { kind: 'active', requestId: egress.requestId, egressId }
      : { kind: 'starting', requestId: egress.requestId, egressId };
    const next = { ...state, egress: bound };
    return settle(active ? resetFailures(next) : next, 'consent_missing');
  }
  if (!retired && currentEgressId(egress) === egressId) {
    if (egress.kind === 'starting' && active) {
      const next = { ...state, egress: { kind: 'active', requestId: egress.requestId, egressId } as const };
      return settle(resetFailures(next), 'consent_missing');
    }
    // Still alive after being told to stop: the stop call may have been lost, so repeat it.
    const again = egress.kind === 'stopping' ? [stopCommand(egressId, egress.reason)] : [];
    return { state, commands: again, ignored: 'duplicate' };
  }
  return {
    state: retire(state, egressId),
    commands: [stopCommand(egressId, 'unexpected_egress')],
    ignored: 'stale_egress',
  };
}

/** The machine's own egress is over: free to start another if consent still allows. */
function release(state: ConsentState, unasked: boolean): TransitionResult {
  const next: ConsentState = { ...state, egress: idle };
  return settle(unasked ? countFailure(next) : next, 'consent_missing');
}

/**
 * `egress_ended` / `egress_failed`. While the start command's id is unknown, the first egress that is
 * not retired is taken as the one just started. Ending without having been asked to counts as a
 * failure of the request.
 */
export function onEgressGone(state: ConsentState, egressId: string): TransitionResult {
  const egress = state.egress;
  const retired = state.retiredEgressIds.includes(egressId);
  const awaitingId = egress.kind === 'starting' && egress.egressId === undefined;
  if (retired || !(awaitingId || currentEgressId(egress) === egressId)) {
    return { state: retire(state, egressId), commands: [], ignored: 'stale_egress' };
  }
  const askedToStop =
    egress.kind === 'stopping' ||
    (egress.kind === 'starting' && egress.egressId === undefined && egress.stopOnStart !== undefined);
  return release(retire(state, egressId), !askedToStop);
}

/**
 * `egress_start_timed_out`: the machine's own egress, bound to its id, never began capturing. Stop it and
 * count a failure of the request; once it has ended, `settle` starts a new attempt while failures allow.
 */
export function onStartTimedOut(state: ConsentState, egressId: string): TransitionResult {
  const egress = state.egress;
  if (egress.kind !== 'starting' || egress.egressId !== egressId) {
    return { state, commands: [], ignored: 'stale_egress' };
  }
  const stopping: EgressState = { kind: 'stopping', egressId, reason: 'start_timeout' };
  return {
    state: { ...countFailure(state), egress: stopping },
    commands: [stopCommand(egressId, 'start_timeout')],
  };
}

/** `egress_start_failed`: only the attempt still waiting for its id can have failed to start. */
export function onStartFailed(state: ConsentState, attempt: number): TransitionResult {
  const egress = state.egress;
  if (egress.kind !== 'starting' || egress.egressId !== undefined || egress.attempt !== attempt) {
    return { state, commands: [], ignored: 'stale_egress' };
  }
  return release(state, egress.stopOnStart === undefined);
}
