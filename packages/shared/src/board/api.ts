/**
 * The shared whiteboard: one board per session, held by the server. Browsers send the elements they
 * changed to the server (they cannot publish LiveKit data); the server merges them into the board, keeps
 * it, and sends the changes to the room over LiveKit data on `BoardTopic`. Late joiners and the recording
 * layout load the whole board first. Elements are the editor's own (Excalidraw) format: the server reads
 * only the fields it merges by and keeps the rest as given.
 */
import { z } from 'zod';

/** The LiveKit data topic the server sends board changes on; the web trusts it only from the server. */
export const BoardTopic = 'board';

/** Limits a board keeps to, so one person cannot make it too big to load or to send. */
export const boardLimits = {
  /** Elements in one update. */
  elementsPerUpdate: 500,
  /** Elements on the board, deleted ones included. */
  elementsPerBoard: 5000,
  /** Bytes of one update's JSON body. */
  updateBytes: 512 * 1024,
  /** Bytes of the board's picture (PNG). */
  imageBytes: 4 * 1024 * 1024,
} as const;

/**
 * One element as the editor keeps it. Of two copies of an element, the higher `version` wins; on equal
 * versions the lower `versionNonce` wins (the editor's own rule, so every copy of the board agrees).
 */
export const BoardElement = z
  .object({
    id: z.string().min(1).max(64),
    type: z.string().min(1).max(40),
    version: z.number().int().nonnegative(),
    versionNonce: z.number().int(),
    isDeleted: z.boolean(),
  })
  .passthrough();
export type BoardElement = z.infer<typeof BoardElement>;

/** `POST /api/call/board/elements`: the elements this browser changed since it last sent. */
export const BoardElementsUpdate = z.object({
  elements: z.array(BoardElement).min(1).max(boardLimits.elementsPerUpdate),
});
export type BoardElementsUpdate = z.infer<typeof BoardElementsUpdate>;

/** Whether the board is the main stage for everyone, and whether only the tutor may draw. */
export const BoardStatus = z.object({
  open: z.boolean(),
  locked: z.boolean(),
});
export type BoardStatus = z.infer<typeof BoardStatus>;

/** `GET /api/call/board`: the whole board, as a late joiner or a reconnecting browser loads it. */
export const BoardState = BoardStatus.extend({
  /** Goes up by one with every accepted update; 0 for an empty board. */
  revision: z.number().int().nonnegative(),
  elements: z.array(BoardElement),
});
export type BoardState = z.infer<typeof BoardState>;

/** The answer to an accepted update. */
export const BoardUpdateAccepted = z.object({ revision: z.number().int().nonnegative() });

/** `POST /api/call/board/open` (tutor): opens or closes the board for everyone. */
export const BoardOpenCommand = z.object({ open: z.boolean() });
/** `POST /api/call/board/lock` (tutor): only the tutor may draw while locked. */
export const BoardLockCommand = z.object({ locked: z.boolean() });

/**
 * What the server sends to the room on `BoardTopic`. `elements` carries the merged copies of what changed
 * (split over several packets when large, all with the same revision); `reload` asks every browser to load
 * the whole board (an element too large for one packet); `status` follows open and lock. `from` is the
 * LiveKit identity whose update it was, so that browser can skip its own echo.
 */
export const BoardPacket = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('elements'),
    revision: z.number().int().nonnegative(),
    from: z.string(),
    elements: z.array(BoardElement),
  }),
  z.object({ type: z.literal('reload'), revision: z.number().int().nonnegative() }),
  z.object({ type: z.literal('status'), open: z.boolean(), locked: z.boolean() }),
]);
export type BoardPacket = z.infer<typeof BoardPacket>;

/**
 * The board kept with the session's chat log once the session ends (the same data class, readers and
 * retention): the editor's own format and a picture of it.
 */
export const SavedBoard = z.object({
  sessionId: z.string(),
  revision: z.number().int().nonnegative(),
  savedAt: z.string(),
  elements: z.array(BoardElement),
  /** Whether a picture of this board (`GET /api/sessions/:id/board.png`) is kept. */
  hasImage: z.boolean(),
});
export type SavedBoard = z.infer<typeof SavedBoard>;
