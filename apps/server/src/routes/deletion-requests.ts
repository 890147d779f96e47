/**
 * Deletion requests for signed-in people: asking from a recording's page (attendees, and guardians of a
 * child who attended), reading one's own requests and their answers, and for admins the list to decide
 * from and the decision itself. A recording that does not exist and one the caller may not ask about
 * answer alike (404), and the refusal is audited.
 */
import {
  AdminDeletionRequestList,
  DeletionDecisionBody,
  DeletionDecisionResult,
  DeletionRequestReceipt,
  MyDeletionRequestList,
  RecordingDeletionRequestBody,
} from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { appendAudit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { can, organisation } from '../people/can';
import { decideDeletionRequest } from '../rights/deletion/deletion-decision';
import { tellRequester } from '../rights/deletion/deletion-mail';
import { adminDeletionRequests, myDeletionRequests } from '../rights/deletion/deletion-request-lists';
import { receiveDeletionRequest } from '../vault/deletion-requests';
import { recordingResource } from '../vault/recording-access';
import { findRecording } from '../vault/recording-repository';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const IdParams = z.object({ id: z.string().min(1).max(64) });

const postRecordingRequest = createRoute({
  method: 'post',
  path: '/recordings/{id}/deletion-request',
  tags: ['deletion requests'],
  summary: 'Ask for one recording to be deleted early (an admin decides)',
  ...cookieAuth,
  request: { params: IdParams, body: { required: true, content: json(RecordingDeletionRequestBody) } },
  responses: {
    201: { description: 'Received', content: json(DeletionRequestReceipt) },
    200: { description: 'Already asked and still open', content: json(DeletionRequestReceipt) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized'),
    404: errorResponse('not_found: no such recording, destroyed, or not one the caller attended'),
  },
});

const listMine = createRoute({
  method: 'get',
  path: '/me/deletion-requests',
  tags: ['deletion requests'],
  summary: "The caller's deletion requests and their answers, newest first",
  ...cookieAuth,
  responses: {
    200: { description: 'Requests', content: json(MyDeletionRequestList) },
    401: errorResponse('unauthorized'),
  },
});

const listAll = createRoute({
  method: 'get',
  path: '/admin/deletion-requests',
  tags: ['deletion requests'],
  summary: 'Every deletion request, open first (admins only)',
  ...cookieAuth,
  responses: {
    200: { description: 'Requests', content: json(AdminDeletionRequestList) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

const postDecision = createRoute({
  method: 'post',
  path: '/admin/deletion-requests/{id}/decision',
  tags: ['deletion requests'],
  summary: 'Approve (destroying the recordings it covers) or refuse a deletion request, saying why',
  ...cookieAuth,
  request: { params: IdParams, body: { required: true, content: json(DeletionDecisionBody) } },
  responses: {
    200: { description: 'Decided', content: json(DeletionDecisionResult) },
    ...signedInErrors,
    404: errorResponse('not_found'),
    409: errorResponse('already_decided, or recording_on_hold: a safeguarding report is open'),
  },
});

export const deletionRequestRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(postRecordingRequest, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    const { db, consent, now } = c.var.deps;
    const recording = await findRecording(db, id);
    const live = recording && (recording.status === 'stored' || recording.status === 'pending');
    const view = live
      ? await recordingResource({ db, policies: consent.policies }, recording, now())
      : undefined;
    if (!recording || !view || !can(actor, 'recording.request_deletion', view.resource)) {
      await appendAudit(db, {
        actor: { userId: actor.userId, role: actor.role },
        action: 'recording.request_deletion',
        target: { type: 'recording', id },
        outcome: 'denied',
        detail: { reason: view ? 'not_allowed' : 'not_found' },
        at: now(),
      });
      throw new AppError(
        404,
        'not_found',
        'There is no such recording, or you may not ask for its deletion.',
      );
    }
    const { receipt, created } = await receiveDeletionRequest(
      { db, now },
      {
        sessionId: recording.sessionId,
        personId: null,
        userId: actor.userId,
        name: actor.name,
        role: actor.role,
      },
      { origin: 'recordings_page', recordingId: id, reason: reason ?? null },
    );
    return c.json(receipt, created ? 201 : 200);
  })
  .openapi(listMine, async (c) => {
    const actor = await requireActor(c);
    return c.json({ requests: await myDeletionRequests(c.var.deps.db, actor.userId) }, 200);
  })
  .openapi(listAll, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'deletion_requests.manage', organisation);
    const { db, consent, now } = c.var.deps;
    return c.json({ requests: await adminDeletionRequests({ db, policies: consent.policies }, now()) }, 200);
  })
  .openapi(postDecision, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    await authorize(c, actor, 'deletion_requests.manage', organisation, { type: 'deletion_request', id });
    const deps = c.var.deps;
    const outcome = await decideDeletionRequest(deps, actor, id, c.req.valid('json'));
    const requesterMailed = await tellRequester(deps, outcome.request);
    const [request] = await adminDeletionRequests(
      { db: deps.db, policies: deps.consent.policies },
      deps.now(),
      id,
    );
    if (!request) throw new AppError(404, 'not_found', 'There is no such deletion request.');
    return c.json({ request, destroyed: outcome.destroyed.length, requesterMailed }, 200);
  });
