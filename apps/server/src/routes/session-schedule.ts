/** Scheduled sessions: move one occurrence to another time, or cancel it (its owner, or an admin). */
import { CancelOccurrenceResponse, MoveOccurrenceRequest, MoveOccurrenceResponse } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isLive } from '../call/live-sessions';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { type Actor, requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { cancelOccurrence, moveOccurrence } from '../sessions/change-occurrence';
import { sessionAccess } from '../sessions/my-sessions';
import { toSession } from '../sessions/session-repository';
import { cookieAuth, errorResponse, json } from './error-responses';

const params = z.object({ sessionId: z.string().min(1).max(64) });

const changeErrors = {
  401: errorResponse('unauthorized'),
  403: errorResponse('forbidden: only the session’s tutor or an admin'),
  404: errorResponse('not_found'),
  409: errorResponse(
    'not_scheduled: the session has no time; session_cancelled; session_ended; call_in_progress (cancel): people are in the call',
  ),
};

const move = createRoute({
  method: 'patch',
  path: '/sessions/{sessionId}/schedule',
  tags: ['sessions'],
  summary: 'Move one scheduled occurrence to another time (the rest of its series stays)',
  ...cookieAuth,
  request: { params, body: { required: true, content: json(MoveOccurrenceRequest) } },
  responses: {
    200: { description: 'Moved; overlaps are a warning', content: json(MoveOccurrenceResponse) },
    400: errorResponse('validation_failed; start_in_past'),
    ...changeErrors,
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/sessions/{sessionId}/cancel',
  tags: ['sessions'],
  summary: 'Cancel one scheduled occurrence: its links stop working and nobody is reminded of it',
  ...cookieAuth,
  request: { params },
  responses: {
    200: { description: 'Cancelled', content: json(CancelOccurrenceResponse) },
    ...changeErrors,
  },
});

/** The session, once `actor` may do `action` to it (404 when there is none, 403 audited when not). */
async function changeableBy(
  c: Context<AppEnv>,
  actor: Actor,
  action: 'session.reschedule' | 'session.cancel',
  sessionId: string,
) {
  const { db } = c.var.deps;
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  if (!row) throw new AppError(404, 'not_found', 'There is no such session.');
  const { resource } = await sessionAccess(db, toSession(row));
  await authorize(c, actor, action, resource, { type: 'session', id: sessionId });
}

export const sessionScheduleRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(move, async (c) => {
    const actor = await requireActor(c);
    const { sessionId } = c.req.valid('param');
    await changeableBy(c, actor, 'session.reschedule', sessionId);
    const moved = await moveOccurrence(c.var.deps, actor, sessionId, c.req.valid('json'));
    c.var.logger.info({ sessionId, sequence: moved.sequence }, 'session moved');
    return c.json(moved, 200);
  })
  .openapi(cancel, async (c) => {
    const actor = await requireActor(c);
    const { sessionId } = c.req.valid('param');
    await changeableBy(c, actor, 'session.cancel', sessionId);
    const { db } = c.var.deps;
    const cancelled = await cancelOccurrence(
      { ...c.var.deps, callIsLive: (id) => isLive(db, id) },
      actor,
      sessionId,
    );
    c.var.logger.info({ sessionId, sequence: cancelled.sequence }, 'session cancelled');
    return c.json(cancelled, 200);
  });
