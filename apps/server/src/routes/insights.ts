/**
 * Talk time read afterwards (or while the call goes on): one session's, and a tutor's across sessions.
 * Signed-in callers only; who sees what is the policy's (`talkTimeReaderRoles`, `talkTimeLearnersSeeOwn`),
 * decided by `can()`. Every reading and every refusal is audited.
 */
import { SessionInsights, TutorTalkTrend } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { readSessionInsights } from '../insights-read/read-session-insights';
import { readTutorTrend } from '../insights-read/read-tutor-trend';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { cookieAuth, errorResponse, json } from './error-responses';

const sessionInsights = createRoute({
  method: 'get',
  path: '/sessions/{sessionId}/insights',
  tags: ['insights'],
  summary:
    "A session's talk time (how long each person spoke, measured from sound levels), for the readers the policy names; a learner (or their guardian) only their own share where the policy allows. Every reading is audited",
  ...cookieAuth,
  request: { params: z.object({ sessionId: z.string().min(1).max(64) }) },
  responses: {
    200: { description: "The session's talk time", content: json(SessionInsights) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden: the policy does not let the caller see this session’s talk time'),
    404: errorResponse('not_found: no such session'),
  },
});

const tutorTrend = createRoute({
  method: 'get',
  path: '/insights/tutors/{userId}',
  tags: ['insights'],
  summary:
    "A tutor's talk time across their measured sessions, newest last: for reviewers and admins the policy names, and the tutor themselves. Every reading is audited",
  ...cookieAuth,
  request: { params: z.object({ userId: z.string().min(1).max(64) }) },
  responses: {
    200: { description: "The tutor's sessions over time", content: json(TutorTalkTrend) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden: the policy does not let the caller see this tutor’s talk time'),
    404: errorResponse('not_found: no such account'),
  },
});

export const insightsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(sessionInsights, async (c) => {
    const actor = await requireActor(c);
    return c.json(await readSessionInsights(c, actor, c.req.valid('param').sessionId), 200);
  })
  .openapi(tutorTrend, async (c) => {
    const actor = await requireActor(c);
    return c.json(await readTutorTrend(c, actor, c.req.valid('param').userId), 200);
  });
