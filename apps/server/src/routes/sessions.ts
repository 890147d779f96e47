/** Sessions belong to tutors: create one for enrolled students, list "Your sessions", read one. */
import { CreateSessionRequest, CreateSessionResponse, MySession, MySessionList } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { createSessionFor } from '../sessions/create-session';
import { describeSession, listMySessions } from '../sessions/my-sessions';
import { readableSession } from '../sessions/readable-session';
import { errorResponse } from './error-responses';

const cookieAuth = { security: [{ sessionCookie: [] }] };
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const createSession = createRoute({
  method: 'post',
  path: '/sessions',
  tags: ['sessions'],
  summary: 'A tutor creates a session for enrolled students (their guardians follow) and adult guests',
  ...cookieAuth,
  request: { body: { required: true, content: json(CreateSessionRequest) } },
  responses: {
    201: { description: 'Session created', content: json(CreateSessionResponse) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized'),
    403: errorResponse(
      "forbidden; guests_not_allowed: the organisation's policy does not allow adult guests",
    ),
  },
});

const mySessions = createRoute({
  method: 'get',
  path: '/me/sessions',
  tags: ['sessions'],
  summary: '"Your sessions": the sessions the caller owns or has a seat in, with join links',
  ...cookieAuth,
  responses: {
    200: { description: 'Sessions', content: json(MySessionList) },
    401: errorResponse('unauthorized'),
  },
});

const readSession = createRoute({
  method: 'get',
  path: '/sessions/{id}',
  tags: ['sessions'],
  summary: 'One session: its owner, attendees and staff may read it',
  ...cookieAuth,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: 'Session', content: json(MySession) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
    404: errorResponse('not_found'),
  },
});

export const sessionRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(createSession, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'session.create', organisation);
    const { deps } = c.var;
    const created = await createSessionFor(
      { ...deps, policies: deps.consent.policies },
      actor,
      c.req.valid('json'),
    );
    c.var.logger.info({ sessionId: created.sessionId }, 'session created');
    return c.json(created, 201);
  })
  .openapi(mySessions, async (c) => {
    const actor = await requireActor(c);
    return c.json({ sessions: await listMySessions(c.var.deps, actor) }, 200);
  })
  .openapi(readSession, async (c) => {
    const actor = await requireActor(c);
    const { session, people } = await readableSession(c, actor, c.req.valid('param').id);
    return c.json(await describeSession(c.var.deps, actor, session, people), 200);
  });
