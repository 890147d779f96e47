// The consent state machine: a pure `transition(state, event)` returning the next state and the egress
// commands to run. The server is the only authority (rule 9); browsers run it only to display.
import { onEgressAlive, onEgressGone, onStartFailed, onStartTimedOut, settle } from './consent-egress';
import { countedParticipants, ownValue } from './consent-policy';
import type {
  ConsentDecision,
  ConsentEvent,
  ConsentPolicy,
  ConsentState,
  Participant,
  RecordingRequest,
  TransitionResult,
} from './consent-types';

/** The strictest defaults: guardians consent in the call, an egress is retried at most three times. */
export const defaultConsentPolicy: ConsentPolicy = { guardianConsentMode: 'in_call', maxEgressFailures: 3 };

/** A session's state before anyone joins or anything is requested. */
export function createConsentState(
  options: {
    policy?: Partial<ConsentPolicy>;
    advanceGuardianConsent?: Readonly<Record<string, readonly string[]>>;
  } = {},
): ConsentState {
  return {
    policy: { ...defaultConsentPolicy, ...options.policy },
    participants: {},
    request: null,
    egress: { kind: 'idle' },
    advanceGuardianConsent: { ...options.advanceGuardianConsent },
    usedRequestIds: [],
    retiredEgressIds: [],
    startAttempts: 0,
  };
}

function unchanged(state: ConsentState, ignored: TransitionResult['ignored']): TransitionResult {
  return { state, commands: [], ignored };
}

/** The request an answer is about, or why the answer does not apply. */
function answeredRequest(state: ConsentState, requestId: string): RecordingRequest | TransitionResult {
  if (!state.request) return unchanged(state, 'no_request');
  if (state.request.requestId !== requestId) return unchanged(state, 'stale_request');
  return state.request;
}

function withRequest(state: ConsentState, request: RecordingRequest | null): ConsentState {
  return { ...state, request };
}

function onRequest(state: ConsentState, event: Extract<ConsentEvent, { type: 'request' }>): TransitionResult {
  if (state.request?.requestId === event.requestId) return unchanged(state, 'duplicate');
  if (state.usedRequestIds.includes(event.requestId)) return unchanged(state, 'stale_request');
  const request: RecordingRequest = {
    requestId: event.requestId,
    purpose: event.purpose,
    requestedBy: event.requestedBy,
    noticeVersion: event.noticeVersion,
    status: 'open',
    decisions: {},
    egressFailures: 0,
  };
  const next = { ...withRequest(state, request), usedRequestIds: [...state.usedRequestIds, event.requestId] };
  return settle(next, 'request_replaced');
}

function onConsent(state: ConsentState, requestId: string, personId: string): TransitionResult {
  const request = answeredRequest(state, requestId);
  if ('state' in request) return request;
  const prior = ownValue(request.decisions, personId);
  if (prior === 'consented') return unchanged(state, 'duplicate');
  if (prior !== undefined) return unchanged(state, 'decision_final');
  if (request.status !== 'open') return unchanged(state, 'request_closed');
  const decisions = { ...request.decisions, [personId]: 'consented' as const };
  return settle(withRequest(state, { ...request, decisions }), 'consent_missing');
}

/**
 * `decline` and `withdraw` are one act, saying no: a no after a yes is a withdrawal, a no before any
 * yes is a decline. Either closes the request for good and stops any egress at once (rule 4).
 */
function onRefusal(state: ConsentState, requestId: string, personId: string): TransitionResult {
  const request = answeredRequest(state, requestId);
  if ('state' in request) return request;
  const prior = ownValue(request.decisions, personId);
  if (prior === 'declined' || prior === 'withdrawn') return unchanged(state, 'duplicate');
  const decision: ConsentDecision = prior === 'consented' ? 'withdrawn' : 'declined';
  const status = request.status === 'open' ? decision : request.status;
  const decisions = { ...request.decisions, [personId]: decision };
  return settle(withRequest(state, { ...request, status, decisions }), decision);
}

function onCancel(state: ConsentState, requestId: string): TransitionResult {
  const request = answeredRequest(state, requestId);
  if ('state' in request) return request;
  return settle(withRequest(state, null), 'cancelled');
}

function withParticipant(state: ConsentState, identity: string, participant: Participant): ConsentState {
  return { ...state, participants: { ...state.participants, [identity]: participant } };
}

/** Whether `next` is the participant session already known at this identity (a resume or repeated news). */
function samePresence(known: Participant, next: Participant): boolean {
  return known.sid !== undefined && known.sid === next.sid;
}

/**
 * The presence at `identity` ended (rule 5): a yes given during it no longer counts. The person's
 * consent is taken off the request, so when they are back they are a joiner who is asked again.
 */
function endPresence(state: ConsentState, personId: string | undefined): ConsentState {
  const request = state.request;
  if (personId === undefined || !request || ownValue(request.decisions, personId) !== 'consented') {
    return state;
  }
  const decisions = Object.fromEntries(Object.entries(request.decisions).filter(([id]) => id !== personId));
  return withRequest(state, { ...request, decisions });
}

/** A new participant session at an identity already present ends the earlier one (a reload, a rejoin). */
function onJoined(state: ConsentState, identity: string, participant: Participant): TransitionResult {
  const known = ownValue(state.participants, identity);
  const base = known && !samePresence(known, participant) ? endPresence(state, known.personId) : state;
  return settle(withParticipant(base, identity, participant), 'consent_missing');
}

/**
 * A leave ends the presence and its yes. When the last person who counts leaves, the request closes:
 * a new call needs a new request.
 */
function onLeft(
  state: ConsentState,
  { identity, sid, personId }: Extract<ConsentEvent, { type: 'participant_left' }>,
): TransitionResult {
  const known = ownValue(state.participants, identity);
  if (!known) {
    let ended = endPresence(state, personId);
    if (personId !== undefined && ended.request && countedParticipants(ended).length === 0) {
      ended = withRequest(ended, null);
    }
    return ended === state ? unchanged(state, 'unknown_participant') : settle(ended, 'room_empty');
  }
  if (sid !== undefined && known.sid !== undefined && sid !== known.sid) {
    return unchanged(state, 'stale_presence');
  }
  const ended = endPresence(state, known.personId);
  const { [identity]: _gone, ...participants } = ended.participants;
  const next = { ...ended, participants };
  // The recorder leaving an already empty room is not the room emptying.
  if (!known.hidden && countedParticipants(next).length === 0) {
    return settle(withRequest(next, null), 'room_empty');
  }
  return settle(next, 'consent_missing');
}

/**
 * A resume keeps the participant and their yes. Details naming another participant session are a new
 * presence. Someone reconnecting whom the machine never saw join is treated as a joiner; without their
 * details, as an unknown participant (fail closed).
 */
function onReconnected(state: ConsentState, identity: string, participant?: Participant): TransitionResult {
  const known = ownValue(state.participants, identity);
  if (known && participant) return onJoined(state, identity, participant);
  const next = participant ?? known ?? { role: 'unknown', hidden: false };
  return settle(withParticipant(state, identity, next), 'consent_missing');
}

function onAdvanceConsent(state: ConsentState, studentPersonId: string, purposes: readonly string[]) {
  const advanceGuardianConsent = { ...state.advanceGuardianConsent, [studentPersonId]: [...purposes] };
  return settle({ ...state, advanceGuardianConsent }, 'consent_missing');
}

/**
 * Apply one event. Returns the next state, the egress commands to run (in order), and when the event
 * did not apply, why. Never throws and never mutates `state`.
 *
 * Guarantees: `start_egress` only when `canRecord` holds and no egress is starting, active or stopping;
 * a refusal, cancel, new request, a joiner without effective consent, or the end of a consenting
 * person's presence while an egress is starting or active yields its `stop_egress` in the same transition (or, before its id is known, marks it to be
 * stopped as soon as it is).
 */
export function transition(state: ConsentState, event: ConsentEvent): TransitionResult {
  switch (event.type) {
    case 'request':
      return onRequest(state, event);
    case 'consent':
      return onConsent(state, event.requestId, event.personId);
    case 'decline':
    case 'withdraw':
      return onRefusal(state, event.requestId, event.personId);
    case 'cancel':
      return onCancel(state, event.requestId);
    case 'participant_joined':
      return onJoined(state, event.identity, event.participant);
    case 'participant_left':
      return onLeft(state, event);
    case 'participant_reconnected':
      return onReconnected(state, event.identity, event.participant);
    case 'advance_consent_changed':
      return onAdvanceConsent(state, event.studentPersonId, event.purposes);
    case 'egress_started':
      return onEgressAlive(state, event.egressId, false);
    case 'egress_active':
      return onEgressAlive(state, event.egressId, true);
    case 'egress_ended':
    case 'egress_failed':
      return onEgressGone(state, event.egressId);
    case 'egress_start_failed':
      return onStartFailed(state, event.attempt);
    case 'egress_start_timed_out':
      return onStartTimedOut(state, event.egressId);
  }
}
