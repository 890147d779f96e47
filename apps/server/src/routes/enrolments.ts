/**
 * Another child for a guardian who already has an account: a tutor or admin asks, the guardian confirms
 * or declines on their dashboard (enrolment/another-child.ts).
 */
import { PendingEnrolment, PendingEnrolmentList, RequestEnrolmentRequest } from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  answerEnrolment,
  type EnrolmentAnswer,
  pendingEnrolmentsFor,
  requestEnrolment,
} from '../enrolment/another-child';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const EnrolmentParam = z.object({ id: z.string().min(1).max(64) });

const requestOne = createRoute({
  method: 'post',
  path: '/families/enrolments',
  tags: ['families'],
  summary: 'Ask a guardian who already has an account to confirm enrolling another child (tutors, admins)',
  ...cookieAuth,
  request: { body: { required: true, content: json(RequestEnrolmentRequest) } },
  responses: {
    201: { description: 'Waiting for the guardian', content: json(PendingEnrolmentList) },
    ...signedInErrors,
    404: errorResponse('not_found: no guardian has an account with that address'),
    409: errorResponse('already_enrolled'),
  },
});

const mine = createRoute({
  method: 'get',
  path: '/me/enrolments',
  tags: ['families'],
  summary: "Requests to enrol a child waiting for the signed-in guardian's answer",
  ...cookieAuth,
  responses: {
    200: {
      description: 'Waiting requests (none for anyone but a guardian)',
      content: json(PendingEnrolmentList),
    },
    401: errorResponse('unauthorized'),
  },
});

const answerRoute = (answer: EnrolmentAnswer) =>
  createRoute({
    method: 'post',
    path: `/me/enrolments/{id}/${answer}`,
    tags: ['families'],
    summary:
      answer === 'confirm'
        ? 'The guardian confirms: the child is enrolled with them'
        : 'The guardian declines: nothing is enrolled',
    ...cookieAuth,
    request: { params: EnrolmentParam },
    responses: {
      200: { description: 'Answered', content: json(PendingEnrolment) },
      ...signedInErrors,
      404: errorResponse('not_found'),
      409: errorResponse('enrolment_declined, enrolment_not_pending'),
    },
  });

async function answer(c: Context<AppEnv>, id: string, given: EnrolmentAnswer) {
  const actor = await requireActor(c);
  await authorize(c, actor, 'enrolment.answer', organisation, { type: 'pending_enrolment', id });
  return answerEnrolment(c.var.deps, actor, id, given);
}

export const enrolmentRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(requestOne, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'enrolment.request', organisation);
    const enrolments = await requestEnrolment(
      { ...c.var.deps, logger: c.var.logger },
      actor,
      c.req.valid('json'),
    );
    return c.json({ enrolments }, 201);
  })
  .openapi(mine, async (c) => {
    const actor = await requireActor(c);
    const enrolments = actor.role === 'guardian' ? await pendingEnrolmentsFor(c.var.deps.db, actor) : [];
    return c.json({ enrolments }, 200);
  })
  .openapi(answerRoute('confirm'), async (c) =>
    c.json(await answer(c, c.req.valid('param').id, 'confirm'), 200),
  )
  .openapi(answerRoute('decline'), async (c) =>
    c.json(await answer(c, c.req.valid('param').id, 'decline'), 200),
  );
