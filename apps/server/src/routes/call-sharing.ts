/** In the call, the tutor lets someone share their screen, or stops them (`consent/share-permission.ts`). */
import { SharePermissionBody, SharePermissionResponse } from '@assent/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { setSharePermission } from '../consent/share-permission';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { resolveInvite } from '../sessions/resolve-invite';
import { errorResponse, inviteAuth, json } from './error-responses';

const postSharePermission = createRoute({
  method: 'post',
  path: '/call/share-permission',
  tags: ['call'],
  summary: 'Let someone in the call share their screen, or stop them (the tutor)',
  ...inviteAuth,
  request: { body: { required: true, content: json(SharePermissionBody) } },
  responses: {
    200: { description: 'Set in LiveKit', content: json(SharePermissionResponse) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized or invite_invalid'),
    403: errorResponse('forbidden: only the tutor lets people share'),
    404: errorResponse('not_found: nobody of that id in this session'),
    409: errorResponse('not_in_call: they are not in the call; conflict: the tutor always may'),
    503: errorResponse('livekit_unavailable'),
  },
});

export const callSharingRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  postSharePermission,
  async (c) => {
    const token = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new AppError(401, 'unauthorized', 'Send your invite token as a Bearer token.');
    const { db, config, now, roomService } = c.var.deps;
    const invite = await resolveInvite(db, config.inviteSecret, token, now());
    return c.json(await setSharePermission({ db, roomService, now }, invite, c.req.valid('json')), 200);
  },
);
