import type {
  CallDeletionRequestBody,
  ConsentCommandBody,
  ConsentCommandKind,
  ConsentCommandResponse,
  ConsentLogResponse,
  DeletionRequestReceipt,
  RecordingOptions,
  RequestRecordingBody,
} from '@assent/shared';

export type { RecordingOptions, RecordingPurposeOption } from '@assent/shared';

import { config } from '../config';
import { requestJson } from './client';

// Consent commands and what the consent prompt needs. Every call is made as the invited person:
// their invite token is the bearer credential. Types only from @assent/shared, as in sessions.ts.

/** The session's recording state and the caller's own decision on its current request. */
export type RecordingStateResponse = ConsentCommandResponse;

export type AnswerKind = Exclude<ConsentCommandKind, 'request'>;

const base = `${config.apiBase}/recording`;

/**
 * A fresh id for one command; a retry of the same command reuses it so the server applies it once.
 * `randomUUID` exists only in secure contexts; getRandomValues everywhere.
 */
export function newClientRequestId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function fetchRecordingOptions(inviteToken: string): Promise<RecordingOptions> {
  return requestJson(`${base}/options`, { bearer: inviteToken });
}

export function fetchRecordingState(inviteToken: string): Promise<RecordingStateResponse> {
  return requestJson(`${base}/state`, { bearer: inviteToken });
}

export function requestRecording(
  inviteToken: string,
  body: RequestRecordingBody,
): Promise<ConsentCommandResponse> {
  return requestJson(`${base}/request`, { method: 'POST', body: JSON.stringify(body), bearer: inviteToken });
}

/** consent, decline, withdraw or cancel: an answer to (or, for the tutor, the end of) one request. */
export function answerRecordingRequest(
  inviteToken: string,
  kind: AnswerKind,
  body: ConsentCommandBody,
  signal?: AbortSignal,
): Promise<ConsentCommandResponse> {
  return requestJson(`${base}/${kind}`, {
    method: 'POST',
    body: JSON.stringify(body),
    bearer: inviteToken,
    signal,
  });
}

/** The tutor gets the whole session's log; everyone else their own entries. */
export function fetchConsentLog(inviteToken: string): Promise<ConsentLogResponse> {
  return requestJson(`${base}/log`, { bearer: inviteToken });
}

/** After a withdrawal: ask for this session's earlier recordings to be deleted (an admin decides). */
export function requestSessionDeletion(inviteToken: string): Promise<DeletionRequestReceipt> {
  const body: CallDeletionRequestBody = { clientRequestId: newClientRequestId() };
  return requestJson(`${base}/deletion-request`, {
    method: 'POST',
    body: JSON.stringify(body),
    bearer: inviteToken,
  });
}
