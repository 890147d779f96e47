// Who counts and whose consent counts: consent rules 2 and 3 as pure predicates over the state.
import type { ConsentState, Participant, PersonDecision, RecordingRequest } from './consent-types';

/** Reads a key of a record built from outside input without falling through to Object.prototype. */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A person's decision for the current request; `pending` when there is no request or no answer yet. */
export function decisionOf(state: ConsentState, personId: string): PersonDecision {
  if (!state.request) return 'pending';
  return ownValue(state.request.decisions, personId) ?? 'pending';
}

/**
 * Present participants that count for consent: everyone except hidden service participants (rule 2).
 * A live observer (reviewer or admin) is a person present like any other: counted, and asked.
 */
export function countedParticipants(state: ConsentState): Participant[] {
  return Object.values(state.participants).filter((participant) => !participant.hidden);
}

function consentedTo(request: RecordingRequest, personId: string): boolean {
  return ownValue(request.decisions, personId) === 'consented';
}

/** Rule 3: a linked guardian present in the call consented, or (if policy allows) consented in advance. */
function guardianConsents(state: ConsentState, request: RecordingRequest, studentId: string): boolean {
  const inCall = countedParticipants(state).some(
    (p) =>
      p.role === 'guardian' &&
      p.personId !== undefined &&
      (p.guardianOf ?? []).includes(studentId) &&
      consentedTo(request, p.personId),
  );
  if (inCall) return true;
  if (state.policy.guardianConsentMode !== 'in_call_or_advance') return false;
  return (ownValue(state.advanceGuardianConsent, studentId) ?? []).includes(request.purpose);
}

/**
 * Whether this participant's consent to the current request counts: a known person who consented,
 * and for a minor student (or one whose age is unknown) a guardian's consent as well.
 */
export function hasEffectiveConsent(state: ConsentState, participant: Participant): boolean {
  const request = state.request;
  if (!request || participant.hidden) return false;
  if (participant.role === 'unknown' || participant.personId === undefined) return false;
  if (!consentedTo(request, participant.personId)) return false;
  if (participant.role === 'student' && participant.minor !== false) {
    return guardianConsents(state, request, participant.personId);
  }
  return true;
}

/**
 * True iff recording is allowed right now: there is an open request and every present, non-hidden
 * participant has an effective consent to that very request. An empty room cannot record.
 */
export function canRecord(state: ConsentState): boolean {
  if (state.request?.status !== 'open') return false;
  const counted = countedParticipants(state);
  return counted.length > 0 && counted.every((participant) => hasEffectiveConsent(state, participant));
}

/** How many counted participants have an effective consent, out of how many are present. */
export function consentProgress(state: ConsentState): { consented: number; total: number } {
  const counted = countedParticipants(state);
  return {
    consented: counted.filter((participant) => hasEffectiveConsent(state, participant)).length,
    total: counted.length,
  };
}
