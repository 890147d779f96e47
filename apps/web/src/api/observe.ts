import type { LiveSessionList, ObserveResponse } from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

// Types only from @assent/shared: its zod schemas stay out of the first-load bundle; the server validates.

/** Reviewers and admins: the sessions with people in the call now. */
export function fetchLiveSessions(): Promise<LiveSessionList> {
  return requestJson(`${config.apiBase}/live-sessions`);
}

/** Takes (or finds again) the caller's Observer seat in a live call; answers its join link. */
export function observeSession(sessionId: string): Promise<ObserveResponse> {
  return requestJson(`${config.apiBase}/sessions/${encodeURIComponent(sessionId)}/observe`, {
    method: 'POST',
  });
}
