/**
 * The shared whiteboard. In the call, callers are identified as in the chat: `Authorization: Bearer
 * <invite token>`, the session and the seat come from it, never from the body. Browsers send what they
 * changed; the server merges it into the board it holds and sends the changes to the room over LiveKit
 * data (topic `board`): browsers keep `canPublishData: false`. The recording layout reads the board with
 * the key in the address the server gave egress; afterwards the saved board is read like the chat log.
 */
import {
  BoardElementsUpdate,
  BoardLockCommand,
  BoardOpenCommand,
  BoardState,
  BoardStatus,
  BoardUpdateAccepted,
  boardLimits,
  SavedBoard,
} from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { setBoardStatus } from '../board/board-control';
import type { BoardDeps } from '../board/board-deps';
import { keepBoardImage } from '../board/board-image';
import { findBoard, toBoardState } from '../board/board-repository';
import { verifyBoardLayoutKey } from '../board/layout-key';
import { readSavedBoard, readSavedBoardImage } from '../board/read-saved-board';
import { updateBoard } from '../board/update-board';
import { authorizeChatLogReading } from '../chat/read-chat-log';
import { mayPublish } from '../consent/publish-permission';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import type { ResolvedInvite } from '../sessions/resolve-invite';
import { cookieAuth, errorResponse, inviteAuth, json } from './error-responses';
import { inCallCaller } from './in-call-caller';

/** The paths whose bodies are larger than the API's usual 64 KiB; each has its own limit here. */
export const boardBodyPaths: Readonly<Record<string, number>> = {
  '/api/call/board/elements': boardLimits.updateBytes,
  '/api/call/board/image': boardLimits.imageBytes,
};

const authErrors = {
  401: errorResponse('unauthorized: no bearer token; invite_invalid: not an invite we signed'),
  404: errorResponse('not_found: the session or person no longer exists'),
  410: errorResponse('invite_expired: the invite link has expired'),
};

const drawErrors = {
  ...authErrors,
  403: errorResponse(
    'board_locked: only the tutor draws now; publishing_held_back: the consent rules hold the caller back from publishing; removed_from_call; account_disabled',
  ),
  409: errorResponse('board_closed: the board is not open; board_full: too many elements'),
  413: errorResponse('too_large: the body is over the board’s limit'),
  429: errorResponse('rate_limited: this seat sent more than 60 updates in a second'),
};

function sizeLimit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError(413, 'too_large', `The body is over the whiteboard's limit of ${maxSize} bytes.`);
    },
  });
}

const getBoard = createRoute({
  method: 'get',
  path: '/call/board',
  tags: ['board'],
  summary: 'The whole board as it is now, as a late joiner or a reconnecting browser loads it',
  ...inviteAuth,
  responses: { 200: { description: 'The board', content: json(BoardState) }, ...authErrors },
});

const postElements = createRoute({
  method: 'post',
  path: '/call/board/elements',
  tags: ['board'],
  summary:
    'Send the elements this browser changed; merged by the editor’s rule (higher version wins, then lower versionNonce) and sent to the room',
  ...inviteAuth,
  middleware: [sizeLimit(boardLimits.updateBytes)] as const,
  request: { body: { required: true, content: json(BoardElementsUpdate) } },
  responses: {
    200: { description: 'Merged', content: json(BoardUpdateAccepted) },
    400: errorResponse('validation_failed'),
    ...drawErrors,
  },
});

const postOpen = createRoute({
  method: 'post',
  path: '/call/board/open',
  tags: ['board'],
  summary: 'Open or close the board for everyone (the tutor, or an admin present)',
  ...inviteAuth,
  request: { body: { required: true, content: json(BoardOpenCommand) } },
  responses: {
    200: { description: 'The board’s status now', content: json(BoardStatus) },
    400: errorResponse('validation_failed'),
    ...authErrors,
    403: errorResponse('forbidden: only the tutor opens or closes the board'),
  },
});

const postLock = createRoute({
  method: 'post',
  path: '/call/board/lock',
  tags: ['board'],
  summary: 'Lock the board so only the tutor draws, or unlock it (the tutor, or an admin present)',
  ...inviteAuth,
  request: { body: { required: true, content: json(BoardLockCommand) } },
  responses: {
    200: { description: 'The board’s status now', content: json(BoardStatus) },
    400: errorResponse('validation_failed'),
    ...authErrors,
    403: errorResponse('forbidden: only the tutor locks or unlocks the board'),
  },
});

const BoardImageAccepted = z.object({
  /** Whether this picture is now the board's (false: a newer one was kept already). */
  kept: z.boolean(),
  /** The revision the kept picture shows. */
  revision: z.number().int(),
});

const postImage = createRoute({
  method: 'post',
  path: '/call/board/image',
  tags: ['board'],
  summary: 'A picture (PNG) of the board at a revision, rendered by the browser; kept when no newer one is',
  ...inviteAuth,
  middleware: [sizeLimit(boardLimits.imageBytes)] as const,
  request: {
    query: z.object({ revision: z.coerce.number().int().nonnegative() }),
    body: { required: true, content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } } },
  },
  responses: {
    200: { description: 'Received', content: json(BoardImageAccepted) },
    400: errorResponse('validation_failed: not a PNG, or no revision'),
    ...drawErrors,
  },
});

const layoutBoard = createRoute({
  method: 'get',
  path: '/recording-layout/board',
  tags: ['board'],
  summary:
    'The board for the recording layout page (egress’s browser): read only, opened by the key in the layout address',
  request: { query: z.object({ key: z.string().min(1).max(512) }) },
  responses: {
    200: { description: 'The board', content: json(BoardState) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized: not a key this server made'),
    403: errorResponse('link_expired: the key has expired'),
  },
});

const sessionParams = z.object({ id: z.string().min(1).max(64) });
const savedErrors = {
  400: errorResponse('validation_failed'),
  401: errorResponse('unauthorized'),
  403: errorResponse('forbidden: the policy does not let the caller read this session’s chat log and board'),
  404: errorResponse('not_found: no such session, or no board was kept for it'),
};

const readSaved = createRoute({
  method: 'get',
  path: '/sessions/{id}/board',
  tags: ['board'],
  summary:
    'A session’s saved board afterwards (the editor’s own format), for the chat log’s readers; every reading is audited',
  ...cookieAuth,
  request: { params: sessionParams },
  responses: { 200: { description: 'The saved board', content: json(SavedBoard) }, ...savedErrors },
});

const readSavedImage = createRoute({
  method: 'get',
  path: '/sessions/{id}/board.png',
  tags: ['board'],
  summary: 'The picture of a session’s saved board, as a download, for the chat log’s readers; audited',
  ...cookieAuth,
  request: { params: sessionParams },
  responses: {
    200: {
      description: 'The picture',
      content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...savedErrors,
  },
});

/** Whether the consent rules hold this seat back from publishing now (the same rule as a screen share). */
async function heldBack(c: Context<AppEnv>, { session, person }: ResolvedInvite): Promise<boolean> {
  const stored = await c.var.deps.consent.read(session.id);
  return stored !== undefined && !mayPublish(stored.state, person.id);
}

const boardDeps = (c: Context<AppEnv>): BoardDeps => {
  const { db, roomService, now } = c.var.deps;
  return { db, roomService, now, logger: c.var.logger };
};

/** The room metadata carries the board's status for the recording layout: publish it again. */
async function republishRoomState(c: Context<AppEnv>, sessionId: string): Promise<void> {
  const { consent } = c.var.deps;
  try {
    const stored = await consent.read(sessionId);
    if (stored) await consent.republish(stored);
  } catch (err) {
    c.var.logger.warn({ err }, 'board: room metadata not republished');
  }
}

export const boardRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getBoard, async (c) => {
    const { session } = await inCallCaller(c, { reading: true });
    return c.json(toBoardState(await findBoard(c.var.deps.db, session.id)), 200);
  })
  .openapi(postElements, async (c) => {
    const invite = await inCallCaller(c);
    const { elements } = c.req.valid('json');
    const result = await updateBoard(boardDeps(c), invite, { elements, heldBack: await heldBack(c, invite) });
    return c.json(result, 200);
  })
  .openapi(postOpen, async (c) => {
    const invite = await inCallCaller(c);
    const { changed, ...status } = await setBoardStatus(boardDeps(c), invite, c.req.valid('json'));
    if (changed) await republishRoomState(c, invite.session.id);
    return c.json(status, 200);
  })
  .openapi(postLock, async (c) => {
    const invite = await inCallCaller(c);
    const { changed, ...status } = await setBoardStatus(boardDeps(c), invite, c.req.valid('json'));
    if (changed) await republishRoomState(c, invite.session.id);
    return c.json(status, 200);
  })
  .openapi(postImage, async (c) => {
    const invite = await inCallCaller(c);
    const { revision } = c.req.valid('query');
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'image/png') throw new AppError(400, 'validation_failed', 'Send the picture as image/png.');
    const png = new Uint8Array(await c.req.arrayBuffer());
    const result = await keepBoardImage(boardDeps(c), invite, {
      revision,
      png,
      heldBack: await heldBack(c, invite),
    });
    return c.json(result, 200);
  })
  .openapi(layoutBoard, async (c) => {
    const { config, db, now } = c.var.deps;
    const sessionId = verifyBoardLayoutKey(config.inviteSecret, c.req.valid('query').key, now());
    c.header('Cache-Control', 'no-store');
    return c.json(toBoardState(await findBoard(db, sessionId)), 200);
  })
  .openapi(readSaved, async (c) => {
    const actor = await requireActor(c);
    const sessionId = await authorizeSavedBoard(c, actor, c.req.valid('param').id);
    return c.json(await readSavedBoard(c.var.deps, actor, sessionId), 200);
  })
  .openapi(readSavedImage, async (c) => {
    const actor = await requireActor(c);
    const sessionId = await authorizeSavedBoard(c, actor, c.req.valid('param').id);
    const png = await readSavedBoardImage(c.var.deps, actor, sessionId);
    return c.body(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer, 200, {
      'Content-Type': 'image/png',
      'Content-Disposition': `attachment; filename="whiteboard-${sessionId}.png"`,
      'Content-Length': String(png.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });

/** The saved board's readers are the chat log's: the same `can('session.read_chat')` check, refusals audited. */
async function authorizeSavedBoard(
  c: Context<AppEnv>,
  actor: Awaited<ReturnType<typeof requireActor>>,
  id: string,
): Promise<string> {
  return authorizeChatLogReading(c, actor, id);
}
