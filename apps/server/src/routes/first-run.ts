/** The admin's first-run checklist, and marking the recording policy in force as reviewed. */
import { FirstRunChecklist } from '@assent/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { firstRunChecklist } from '../enrolment/first-run-checklist';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { markPolicyReviewed } from '../policy/policy-review';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const checklist = createRoute({
  method: 'get',
  path: '/admin/first-run',
  tags: ['people'],
  summary:
    'Which of a new organisation’s first steps are done: staff invited, policy reviewed, a family enrolled (admins)',
  ...cookieAuth,
  responses: {
    200: { description: 'The checklist', content: json(FirstRunChecklist) },
    ...signedInErrors,
  },
});

const review = createRoute({
  method: 'post',
  path: '/admin/policy/review',
  tags: ['policy'],
  summary:
    'Mark the recording policy in force and its agreement text as reviewed, unchanged (admins; audited)',
  ...cookieAuth,
  responses: {
    200: {
      description: 'Recorded (once per admin and version); the checklist after it',
      content: json(FirstRunChecklist),
    },
    ...signedInErrors,
    409: errorResponse('conflict: there is no policy yet'),
  },
});

export const firstRunRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(checklist, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'first_run.read', organisation);
    return c.json(await firstRunChecklist(c.var.deps.db, actor.userId), 200);
  })
  .openapi(review, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'policy.review', organisation);
    const { db, now } = c.var.deps;
    await markPolicyReviewed(db, actor, now());
    return c.json(await firstRunChecklist(db, actor.userId), 200);
  });
