// What the always-visible recording banner says. It never names who declined or withdrew.
import { canRecord, consentProgress } from './consent-policy';
import type { ConsentState } from './consent-types';

/** The session's recording status, for display. */
export type ConsentStatus =
  | 'not_requested'
  | 'waiting'
  | 'starting'
  | 'recording'
  | 'stopping'
  | 'stopped_withdrawn'
  | 'declined'
  | 'failed';

/** Summarise the state for display. While any egress may still be capturing it never reads as off. */
export function consentStatus(state: ConsentState): ConsentStatus {
  const { request, egress } = state;
  if (request?.status === 'withdrawn') return 'stopped_withdrawn';
  if (egress.kind === 'active') return canRecord(state) ? 'recording' : 'stopping';
  if (egress.kind === 'starting') {
    const stopPending = egress.egressId === undefined && egress.stopOnStart !== undefined;
    return stopPending || !canRecord(state) ? 'stopping' : 'starting';
  }
  if (egress.kind === 'stopping') return 'stopping';
  if (!request) return 'not_requested';
  if (request.status === 'declined') return 'declined';
  if (request.egressFailures >= state.policy.maxEgressFailures) return 'failed';
  return 'waiting';
}

/** The banner's status and its text. */
export interface ConsentBanner {
  readonly kind: ConsentStatus;
  readonly text: string;
}

/** Purposes are stored as ids such as `quality_assurance`; people read "quality assurance". */
function purposeLabel(purpose: string): string {
  return purpose.replace(/[_-]+/g, ' ').trim();
}

/**
 * The recording banner's text. It contains "Recording" whenever an egress may be capturing and
 * "Not recording" whenever none is (the withdrawal message, worded by the spec, excepted).
 */
export function bannerFor(state: ConsentState): ConsentBanner {
  const kind = consentStatus(state);
  const purpose = state.request ? purposeLabel(state.request.purpose) : '';
  switch (kind) {
    case 'not_requested':
      return { kind, text: 'Not recording' };
    case 'waiting': {
      const { consented, total } = consentProgress(state);
      return { kind, text: `Waiting for consent (${consented} of ${total}) — Not recording` };
    }
    case 'starting':
      return { kind, text: `Recording starting — ${purpose}` };
    case 'recording':
      return { kind, text: `Recording — ${purpose}` };
    case 'stopping':
      return { kind, text: 'Recording stopping' };
    case 'stopped_withdrawn':
      return { kind, text: 'Recording stopped — a participant withdrew consent' };
    case 'declined':
      return { kind, text: 'Not recording — a participant declined' };
    case 'failed':
      return { kind, text: 'Not recording — the recorder could not start' };
  }
}
