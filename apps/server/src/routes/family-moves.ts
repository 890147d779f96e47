/** Admins list the families and move one to another tutor (enrolment/move-family.ts). */
import { FamilyList, FamilyMoved, MoveFamilyRequest } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listFamilies, moveFamily } from '../enrolment/move-family';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const families = createRoute({
  method: 'get',
  path: '/admin/families',
  tags: ['families'],
  summary: 'Every family (a guardian and their children) with who teaches each child, and the tutors',
  ...cookieAuth,
  responses: {
    200: { description: 'Families', content: json(FamilyList) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

const move = createRoute({
  method: 'post',
  path: '/admin/families/{guardianUserId}/tutor',
  tags: ['families'],
  summary: 'Move a family to another tutor: the children change tutor; the sessions keep their owner',
  ...cookieAuth,
  request: {
    params: z.object({ guardianUserId: z.string().min(1).max(64) }),
    body: { required: true, content: json(MoveFamilyRequest) },
  },
  responses: {
    200: { description: 'Moved', content: json(FamilyMoved) },
    ...signedInErrors,
    404: errorResponse('not_found'),
  },
});

export const familyMoveRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(families, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'family.move', organisation);
    return c.json(await listFamilies(c.var.deps.db), 200);
  })
  .openapi(move, async (c) => {
    const actor = await requireActor(c);
    const { guardianUserId } = c.req.valid('param');
    await authorize(c, actor, 'family.move', organisation, { type: 'user', id: guardianUserId });
    const moved = await moveFamily(c.var.deps, actor, guardianUserId, c.req.valid('json').tutorUserId);
    return c.json(moved, 200);
  });
