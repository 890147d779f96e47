import type {
  EndSessionResponse,
  MuteParticipantBody,
  MuteParticipantResponse,
  RaiseHandResponse,
  RemovedSeatList,
  SeatActionResponse,
} from '@assent/shared';
import { config } from '../config';
import { requestJson } from './client';

// Types only from @assent/shared: its zod schemas stay out of the call page; the server validates.
const base = `${config.apiBase}/call`;

export function muteParticipant(
  inviteToken: string,
  body: MuteParticipantBody,
): Promise<MuteParticipantResponse> {
  return requestJson(`${base}/mute`, { method: 'POST', body: JSON.stringify(body), bearer: inviteToken });
}

export function removeParticipant(inviteToken: string, personId: string): Promise<SeatActionResponse> {
  return requestJson(`${base}/remove`, {
    method: 'POST',
    body: JSON.stringify({ personId }),
    bearer: inviteToken,
  });
}

export function readmitParticipant(inviteToken: string, personId: string): Promise<SeatActionResponse> {
  return requestJson(`${base}/readmit`, {
    method: 'POST',
    body: JSON.stringify({ personId }),
    bearer: inviteToken,
  });
}

export function fetchRemovedSeats(inviteToken: string): Promise<RemovedSeatList> {
  return requestJson(`${base}/removed`, { bearer: inviteToken });
}

export function endSessionForEveryone(inviteToken: string): Promise<EndSessionResponse> {
  return requestJson(`${base}/end`, { method: 'POST', bearer: inviteToken });
}

export function raiseHand(inviteToken: string, raised: boolean): Promise<RaiseHandResponse> {
  return requestJson(`${base}/hand`, {
    method: 'POST',
    body: JSON.stringify({ raised }),
    bearer: inviteToken,
  });
}
