/** Replacing a seat's join link (sessions/replace-seat-link.ts): the new link works, every earlier one not. */
import { ReplacedLink } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { replaceSeatLink, seatToReplace } from '../sessions/replace-seat-link';
import { cookieAuth, errorResponse, json } from './error-responses';

const replace = createRoute({
  method: 'post',
  path: '/sessions/{sessionId}/seats/{personId}/link',
  tags: ['sessions'],
  summary:
    "Replace a seat's join link (a guardian their child's, a tutor a guest's in their session, admins any)",
  ...cookieAuth,
  request: {
    params: z.object({ sessionId: z.string().min(1).max(64), personId: z.string().min(1).max(64) }),
  },
  responses: {
    201: { description: 'The new link, shown once', content: json(ReplacedLink) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
    404: errorResponse('not_found'),
  },
});

export const seatLinkRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  replace,
  async (c) => {
    const actor = await requireActor(c);
    const { sessionId, personId } = c.req.valid('param');
    const seat = await seatToReplace(c.var.deps.db, sessionId, personId);
    await authorize(c, actor, 'seat.replace_link', seat.resource, { type: 'session', id: sessionId });
    return c.json(await replaceSeatLink(c.var.deps, actor, seat), 201);
  },
);
