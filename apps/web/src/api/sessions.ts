import type {
  CancelOccurrenceResponse,
  CreateSessionRequest,
  CreateSessionResponse,
  InvitePreview,
  JoinRequest,
  JoinResponse,
  MoveOccurrenceRequest,
  MoveOccurrenceResponse,
  MySessionList,
} from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

// Types only from @assent/shared: its zod schemas stay out of the first-load bundle; the server validates.

/** A signed-in tutor's new session; the answer holds the tutor's own link, then one per guest. */
export function createSession(input: CreateSessionRequest): Promise<CreateSessionResponse> {
  return requestJson(`${config.apiBase}/sessions`, { method: 'POST', body: JSON.stringify(input) });
}

/** "Your sessions": those the signed-in person owns or has a seat in, with their join links. */
export function fetchMySessions(): Promise<MySessionList> {
  return requestJson(`${config.apiBase}/me/sessions`);
}

export function fetchInvitePreview(inviteToken: string): Promise<InvitePreview> {
  return requestJson(`${config.apiBase}/invites/${encodeURIComponent(inviteToken)}`);
}

export function joinSession(inviteToken: string): Promise<JoinResponse> {
  const body: JoinRequest = { inviteToken };
  return requestJson(`${config.apiBase}/join`, { method: 'POST', body: JSON.stringify(body) });
}

/** Moves one occurrence (or a single scheduled session); the rest of its series stays where it was. */
export function moveOccurrence(
  sessionId: string,
  input: MoveOccurrenceRequest,
): Promise<MoveOccurrenceResponse> {
  return requestJson(`${config.apiBase}/sessions/${encodeURIComponent(sessionId)}/schedule`, {
    method: 'PATCH',
    body: JSON.stringify(input),
  });
}

/** Cancels one occurrence; everyone in it is told. */
export function cancelOccurrence(sessionId: string): Promise<CancelOccurrenceResponse> {
  return requestJson(`${config.apiBase}/sessions/${encodeURIComponent(sessionId)}/cancel`, {
    method: 'POST',
  });
}
