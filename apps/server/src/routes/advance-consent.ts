/** A guardian's consent in advance for their child's seat in a session (see sessions/advance-consent.ts). */
import { AdvanceConsentRequest, AdvanceConsentResponse } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { giveAdvanceConsent } from '../sessions/advance-consent';
import { errorResponse, json } from './error-responses';

const putAdvanceConsent = createRoute({
  method: 'put',
  path: '/sessions/{sessionId}/advance-consent',
  tags: ['sessions'],
  summary: 'A guardian consents ahead of the session, for their child, to recording for these purposes',
  security: [{ sessionCookie: [] }],
  request: {
    params: z.object({ sessionId: z.string().min(1).max(64) }),
    body: { required: true, content: json(AdvanceConsentRequest) },
  },
  responses: {
    200: { description: 'Saved', content: json(AdvanceConsentResponse) },
    400: errorResponse('validation_failed or purpose_not_allowed'),
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden: not a guardian of that child in this session'),
    409: errorResponse('advance_consent_not_allowed: the policy asks for consent in the call'),
  },
});

export const advanceConsentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  putAdvanceConsent,
  async (c) => {
    const actor = await requireActor(c);
    const { sessionId } = c.req.valid('param');
    const { db, consent, now } = c.var.deps;
    return c.json(await giveAdvanceConsent({ db, consent, now }, actor, sessionId, c.req.valid('json')), 200);
  },
);
