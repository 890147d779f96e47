/** Live observers: staff list the sessions in a call now and take an Observer seat in one. */
import { LiveSessionList, ObserveResponse } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listLiveSessions } from '../call/live-sessions';
import { observeSession } from '../call/observe-session';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { readableSession } from '../sessions/readable-session';
import { cookieAuth, errorResponse, json } from './error-responses';

const liveSessions = createRoute({
  method: 'get',
  path: '/live-sessions',
  tags: ['sessions'],
  summary: 'Sessions with people in the call now (reviewers and admins, who may observe them)',
  ...cookieAuth,
  responses: {
    200: { description: 'Live sessions', content: json(LiveSessionList) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

const observe = createRoute({
  method: 'post',
  path: '/sessions/{id}/observe',
  tags: ['sessions'],
  summary: 'A reviewer or admin takes an Observer seat in a live call, seen by everyone in it',
  ...cookieAuth,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: "The observer's own join link", content: json(ObserveResponse) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
    404: errorResponse('not_found'),
    409: errorResponse('session_not_live: nobody is in the call now'),
  },
});

export const observeRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(liveSessions, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'sessions.list_live', organisation);
    return c.json({ sessions: await listLiveSessions(c.var.deps.db, c.var.deps.now()) }, 200);
  })
  .openapi(observe, async (c) => {
    const actor = await requireActor(c);
    const { session } = await readableSession(c, actor, c.req.valid('param').id);
    await authorize(
      c,
      actor,
      'session.observe',
      { kind: 'session', ownerUserId: session.ownerUserId, attendeeUserIds: [] },
      { type: 'session', id: session.id },
    );
    const answer = await observeSession(c.var.deps, actor, session);
    c.var.logger.info({ sessionId: session.id }, 'observer seat issued');
    return c.json(answer, 200);
  });
