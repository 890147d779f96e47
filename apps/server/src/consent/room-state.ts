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
  type RecordingOptions,
} from '@assent/shared';
import type { RecordingConfig } from '../config';
import { recordingNotice } from '../invites/recording-notice';

/** "quality_assurance" reads "Quality assurance". */
export function purposeLabel(purpose: string): string {
  const words = purpose.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function recordingOptions(config: RecordingConfig): RecordingOptions {
  return {
    purposes: config.purposes.map((id) => ({ id, label: purposeLabel(id) })),
    viewers: config.viewers,
    retentionDays: config.retentionDays,
    notice: { ...recordingNotice },
  };
}

/** Notice texts by version; a version's text is frozen, so old requests show what people saw. */
const noticeTexts: Readonly<Record<string, string>> = { [recordingNotice.version]: recordingNotice.text };

export function toLiveRecordingState(
  state: ConsentState,
  config: RecordingConfig,
  updatedAt: string,
): LiveRecordingState {
  const { consented, total } = consentProgress(state);
  const request = state.request;
  return {
    version: 1,
    status: consentStatus(state),
    banner: bannerFor(state).text,
    request: request
      ? {
          requestId: request.requestId,
          open: request.status === 'open',
          purpose: request.purpose,
          purposeLabel: purposeLabel(request.purpose),
          viewers: config.viewers,
          retentionDays: config.retentionDays,
          noticeVersion: request.noticeVersion,
          noticeText: noticeTexts[request.noticeVersion] ?? recordingNotice.text,
        }
      : null,
    consented,
    required: total,
    updatedAt,
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
