/**
 * The one-click deletion request offered in the call after a withdrawal under the "keep" rule: the
 * person's invite token identifies them and their session; the request asks for that session's earlier
 * recordings to be deleted, and an admin decides it.
 */
import { CallDeletionRequestBody, DeletionRequestReceipt } from '@assent/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { checkLinkRequest } from '../rights/access/link-requests';
import { resolveInvite } from '../sessions/resolve-invite';
import { receiveDeletionRequest } from '../vault/deletion-requests';
import { errorResponse, json } from './error-responses';

const postDeletionRequest = createRoute({
  method: 'post',
  path: '/recording/deletion-request',
  tags: ['recording'],
  summary: "Ask for this session's earlier recordings to be deleted (an admin decides)",
  security: [{ inviteToken: [] }],
  request: { body: { required: true, content: json(CallDeletionRequestBody) } },
  responses: {
    201: { description: 'Received', content: json(DeletionRequestReceipt) },
    200: { description: 'Already received and still open', content: json(DeletionRequestReceipt) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized or invite_invalid'),
    404: errorResponse('not_found: the session or person no longer exists'),
    410: errorResponse('invite_expired: the link expired more than the policy’s late days after the session'),
    429: errorResponse('rate_limited: this seat sent its limit of deletion requests by link in 24 hours'),
  },
});

export const callDeletionRequestRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  postDeletionRequest,
  async (c) => {
    const token = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new AppError(401, 'unauthorized', 'Send your invite token as a Bearer token.');
    const { db, config, now } = c.var.deps;
    // Someone still in the call after their invite expired may still ask, for a while (link-requests).
    const invite = await resolveInvite(db, config.inviteSecret, token, now(), { allowExpired: true });
    const { person, session } = invite;
    await checkLinkRequest({ db, now, policies: c.var.deps.consent.policies }, invite, 'deletion_request', {
      method: c.req.method,
      path: c.req.path,
    });
    const { receipt, created } = await receiveDeletionRequest(
      { db, now },
      {
        sessionId: session.id,
        personId: person.id,
        userId: person.userId ?? null,
        name: person.name,
        role: person.role,
      },
      'withdrawal',
    );
    return c.json(receipt, created ? 201 : 200);
  },
);
