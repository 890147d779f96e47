import type { RecordingStatus } from '@assent/shared';
import type { ConsentDecisionValue } from './consent-slice';
import type { AssentState } from './index';

/** Statuses in which a request is open or its egress still winding down: Withdraw stays offered. */
export function isRequestActive(status: RecordingStatus | undefined): boolean {
  return status === 'waiting' || status === 'starting' || status === 'recording' || status === 'stopping';
}

/** Statuses in which an egress may be capturing. */
export function mayBeCapturing(status: RecordingStatus | undefined): boolean {
  return status === 'starting' || status === 'recording' || status === 'stopping';
}

export const selectStatus = (s: AssentState): RecordingStatus => s.recording?.status ?? 'not_requested';

export const selectBannerText = (s: AssentState): string => s.recording?.banner ?? 'Not recording';

export const selectPurposeLabel = (s: AssentState): string | undefined => s.recording?.request?.purposeLabel;

export const selectRequestId = (s: AssentState): string | undefined => s.recording?.request?.requestId;

/** This person's decision on the current request; no answer yet is pending. */
export const selectMyDecision = (s: AssentState): ConsentDecisionValue => {
  const requestId = selectRequestId(s);
  return (requestId && s.decisions[requestId]) || 'pending';
};

/**
 * Whether to put the consent prompt in front of this person (the tutor included: asking is not
 * consenting): whenever the current request is open and they have not answered, whatever the recorder
 * of an earlier request is still doing.
 */
export const selectShouldAskConsent = (s: AssentState): boolean =>
  s.recording?.request?.open === true && selectMyDecision(s) === 'pending';
