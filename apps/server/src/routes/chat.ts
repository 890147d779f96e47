/**
 * The in-call chat. Callers are identified by `Authorization: Bearer <invite token>`, the token of their
 * join link; the session and the sender come from it, never from the body. The server stores each message,
 * then sends it to the room over LiveKit data (topic `chat`): browsers keep `canPublishData: false`.
 * A message is reported through the existing concern report (`POST /call/concern` with `chatMessageId`).
 */
import { ChatLog, ChatMessage, ChatMessageParams, SendChatMessageBody, SessionChatLog } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { listChatMessages, toChatMessage } from '../chat/chat-repository';
import { readChatLog } from '../chat/read-chat-log';
import { removeChatMessage } from '../chat/remove-chat-message';
import { sendChatMessage } from '../chat/send-chat-message';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { cookieAuth, errorResponse, inviteAuth, json } from './error-responses';
import { inCallCaller } from './in-call-caller';

const authErrors = {
  401: errorResponse('unauthorized: no bearer token; invite_invalid: not an invite we signed'),
  404: errorResponse('not_found: the session or person (or message) no longer exists'),
  410: errorResponse('invite_expired: the invite link has expired'),
};

const getChat = createRoute({
  method: 'get',
  path: '/call/chat',
  tags: ['chat'],
  summary: "The call's chat so far, oldest first; removed messages without their text",
  ...inviteAuth,
  responses: { 200: { description: 'Chat log', content: json(ChatLog) }, ...authErrors },
});

const postChat = createRoute({
  method: 'post',
  path: '/call/chat',
  tags: ['chat'],
  summary: 'Send a message to everyone in the call (there are no private messages)',
  ...inviteAuth,
  request: { body: { required: true, content: json(SendChatMessageBody) } },
  responses: {
    201: { description: 'Stored and sent to the room', content: json(ChatMessage) },
    400: errorResponse('validation_failed: empty, or longer than 2000 characters'),
    ...authErrors,
    403: errorResponse(
      'account_disabled: the seat’s account is disabled; removed_from_call: the tutor removed this seat',
    ),
    429: errorResponse('rate_limited: this seat sent 10 messages in the last 10 seconds'),
  },
});

const removeChat = createRoute({
  method: 'post',
  path: '/call/chat/{id}/remove',
  tags: ['chat'],
  summary: 'Remove a message for everyone (tutor only); it is kept, marked removed, for reviewers',
  ...inviteAuth,
  request: { params: ChatMessageParams },
  responses: {
    200: { description: 'Removed', content: json(ChatMessage) },
    400: errorResponse('validation_failed'),
    ...authErrors,
    403: errorResponse('forbidden: only the tutor may remove a message'),
  },
});

const readAfterwards = createRoute({
  method: 'get',
  path: '/sessions/{id}/chat',
  tags: ['chat'],
  summary:
    "A session's chat log afterwards, for the readers the policy names (by default the session's tutor and reviewers); every reading is audited",
  ...cookieAuth,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'The chat log', content: json(SessionChatLog) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden: the policy does not let the caller read this chat log'),
    404: errorResponse('not_found: no such session'),
  },
});

const chatDeps = (c: Context<AppEnv>) => {
  const { db, roomService, now } = c.var.deps;
  return { db, roomService, now, logger: c.var.logger };
};

export const chatRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(getChat, async (c) => {
    const { session } = await inCallCaller(c, { reading: true });
    const rows = await listChatMessages(c.var.deps.db, session.id);
    return c.json({ messages: rows.map(toChatMessage) }, 200);
  })
  .openapi(postChat, async (c) => {
    const invite = await inCallCaller(c);
    const { text } = c.req.valid('json');
    return c.json(await sendChatMessage(chatDeps(c), invite, text), 201);
  })
  .openapi(readAfterwards, async (c) => {
    const actor = await requireActor(c);
    return c.json(await readChatLog(c, actor, c.req.valid('param').id), 200);
  })
  .openapi(removeChat, async (c) => {
    const invite = await inCallCaller(c);
    const { id } = c.req.valid('param');
    const message = await removeChatMessage(chatDeps(c), invite, id, {
      method: c.req.method,
      path: c.req.path,
    });
    return c.json(message, 200);
  });
