/** What clients see of the consent machine: the LiveRecordingState and each person's decision. */
import {
  bannerFor,
  type ConsentState,
  consentProgress,
  consentStatus,
  decisionOf,
  type LiveRecordingState,
  type MyConsentDecision,
  type MyConsentMessage,
  type OrganisationPolicy,
  type RecordingOptions,
} from '@assent/shared';
import { type ConsentTerms, consentTerms } from '../policy/consent-terms';

/** What a tutor may choose from and what each choice will state, under the policy in force. */
export function recordingOptions(current: OrganisationPolicy): RecordingOptions {
  const purposes = current.policy.purposes.map((purpose) => {
    const terms = consentTerms(current.policy, purpose.id);
    return {
      id: purpose.id,
      label: terms.purposeLabel,
      viewers: terms.viewers,
      retentionDays: terms.retentionDays,
    };
  });
  const first = purposes[0];
  if (!first) throw new Error('a policy lists at least one purpose');
  return {
    purposes,
    viewers: first.viewers,
    retentionDays: first.retentionDays,
    notice: { version: current.noticeVersion, text: current.policy.noticeText },
  };
}

/**
 * The state as clients see it. `terms` are the current request's, from the policy version it was made
 * under (the caller looks them up; see PolicyBook.termsFor); null when there is no request.
 */
export function toLiveRecordingState(
  state: ConsentState,
  terms: ConsentTerms | null,
  updatedAt: string,
  askAgainAt: string | null = null,
): LiveRecordingState {
  const { consented, total } = consentProgress(state);
  const request = state.request;
  return {
    version: 1,
    status: consentStatus(state),
    banner: bannerFor(state).text,
    request:
      request && terms
        ? {
            requestId: request.requestId,
            open: request.status === 'open',
            purpose: request.purpose,
            purposeLabel: terms.purposeLabel,
            viewers: terms.viewers,
            retentionDays: terms.retentionDays,
            noticeVersion: request.noticeVersion,
            noticeText: terms.noticeText,
            withdrawalRule: terms.withdrawalRule,
          }
        : null,
    consented,
    required: total,
    updatedAt,
    askAgainAt,
  };
}

export function myDecision(state: ConsentState, personId: string): MyConsentDecision {
  return decisionOf(state, personId);
}

/** Whether an egress may be capturing: what the join page's "recording is on" means (rule 5). */
export function recordingActive(state: ConsentState): boolean {
  const status = consentStatus(state);
  return status === 'starting' || status === 'recording' || status === 'stopping';
}

/** Present people of ours (not the hidden recorder, not unknown clients), by LiveKit identity. */
export function presentPeople(state: ConsentState): [identity: string, personId: string][] {
  return Object.entries(state.participants).flatMap(([identity, participant]) =>
    participant.hidden || participant.personId === undefined || participant.role === 'unknown'
      ? []
      : [[identity, participant.personId] as [string, string]],
  );
}

/**
 * Each present person's own decision on the current request, as the private message the server sends
 * to them alone (never as an attribute, which everyone in the room could read).
 */
export function privateDecisions(state: ConsentState): Map<string, string> {
  const requestId = state.request?.requestId;
  const messages = new Map<string, string>();
  if (!requestId) return messages;
  for (const [identity, personId] of presentPeople(state)) {
    const message: MyConsentMessage = { requestId, decision: decisionOf(state, personId) };
    messages.set(identity, JSON.stringify(message));
  }
  return messages;
}
