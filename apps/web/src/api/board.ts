import type { BoardElement, BoardState, SavedBoard } from '@assent/shared';
import { config } from '../config';
import { ApiError, requestJson } from './client';

// The session's whiteboard, as the invited person (their invite token is the bearer credential). Changes
// go through the server, which keeps the board and sends them to the room.

const base = `${config.apiBase}/call/board`;

/** The whole board: on opening it, after a reconnect, and when the server asks for a reload. */
export function fetchBoard(inviteToken: string): Promise<BoardState> {
  return requestJson(base, { bearer: inviteToken });
}

/** The elements this browser changed since it last sent. */
export function sendBoardElements(
  inviteToken: string,
  elements: BoardElement[],
): Promise<{ revision: number }> {
  return requestJson(`${base}/elements`, {
    method: 'POST',
    body: JSON.stringify({ elements }),
    bearer: inviteToken,
  });
}

/** Tutor only: the board is the main stage for everyone, or gone. */
export function setBoardOpen(inviteToken: string, open: boolean): Promise<unknown> {
  return requestJson(`${base}/open`, { method: 'POST', body: JSON.stringify({ open }), bearer: inviteToken });
}

/** Tutor only: only the tutor may draw while locked. */
export function setBoardLocked(inviteToken: string, locked: boolean): Promise<unknown> {
  return requestJson(`${base}/lock`, {
    method: 'POST',
    body: JSON.stringify({ locked }),
    bearer: inviteToken,
  });
}

/** A picture of the board as it shows `revision`, kept with the session when it ends. */
export async function postBoardImage(
  inviteToken: string,
  revision: number,
  png: Blob,
  keepalive = false,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${base}/image?revision=${revision}`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${inviteToken}` },
      body: png,
      keepalive,
    });
  } catch {
    throw new ApiError('unreachable', 'The server could not be reached.');
  }
  if (!response.ok)
    throw new ApiError('internal', `The picture was not kept (HTTP ${response.status}).`, response.status);
}

/** The recording layout's read of the board, by the key in its address. */
export function fetchRecordedBoard(key: string): Promise<BoardState> {
  return requestJson(`${config.apiBase}/recording-layout/board?key=${encodeURIComponent(key)}`);
}

/** After the session, signed in: the board kept with the chat log. */
export function fetchSavedBoard(sessionId: string): Promise<SavedBoard> {
  return requestJson(`${config.apiBase}/sessions/${encodeURIComponent(sessionId)}/board`);
}

export function savedBoardImageUrl(sessionId: string): string {
  return `${config.apiBase}/sessions/${encodeURIComponent(sessionId)}/board.png`;
}
