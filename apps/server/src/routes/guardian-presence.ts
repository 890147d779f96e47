/**
 * Whether a guardian was there at the start and end of each minor's part of a session (VTO): one
 * session's record for those who may read the session, and the sessions where it was missed for admins.
 */
import { GuardianPresencePage, GuardianPresenceQuery, SessionGuardianPresence } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { minorsVisibleTo } from '../presence/guardian-presence';
import { judgeSessions, listGuardianPresence } from '../presence/guardian-presence-repository';
import { readableSession } from '../sessions/readable-session';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const sessionPresence = createRoute({
  method: 'get',
  path: '/sessions/{id}/guardian-presence',
  tags: ['guardian presence'],
  summary:
    "Whether a guardian was there at each minor's start and end: every child for staff and the tutor, " +
    'their own children for a guardian',
  ...cookieAuth,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: {
    200: { description: "The session's record", content: json(SessionGuardianPresence) },
    ...signedInErrors,
    404: errorResponse('not_found'),
  },
});

const missedSessions = createRoute({
  method: 'get',
  path: '/admin/guardian-presence',
  tags: ['guardian presence'],
  summary: 'Sessions with minors, newest first, by default only those where a guardian was missing (admins)',
  ...cookieAuth,
  request: { query: GuardianPresenceQuery },
  responses: {
    200: { description: 'A page of sessions', content: json(GuardianPresencePage) },
    ...signedInErrors,
  },
});

export const guardianPresenceRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(sessionPresence, async (c) => {
    const actor = await requireActor(c);
    const { db, consent } = c.var.deps;
    // Like reading the session itself: a missing one is 404, one the caller may not read is 403.
    const { session } = await readableSession(c, actor, c.req.valid('param').id);
    const { policy } = await consent.policies.current();
    const judged = (await judgeSessions(db, [session.id], policy.guardianPresenceMinutes)).get(session.id);
    if (!judged) throw new AppError(404, 'not_found', 'There is no such session.');
    // A guardian sees their own children only, so `missed` is about those alone.
    const minors = minorsVisibleTo(actor, session.ownerUserId, judged.facts, judged.verdict) ?? [];
    const missed = minors.some((m) => m.start === 'missed' || m.end === 'missed');
    return c.json({ ...judged.verdict, minors, missed }, 200);
  })
  .openapi(missedSessions, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'guardian_presence.read', organisation);
    const { policy } = await c.var.deps.consent.policies.current();
    return c.json(
      await listGuardianPresence(c.var.deps.db, {
        ...c.req.valid('query'),
        windowMinutes: policy.guardianPresenceMinutes,
      }),
      200,
    );
  });
