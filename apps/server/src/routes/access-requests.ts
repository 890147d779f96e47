/**
 * Access requests (Hearken): a person asks for everything Assent holds about them, or a guardian
 * about their child; an admin compiles the answer, reads it and releases it, and only then does the
 * requester read it and download it as an archive. Someone else's request answers like a missing one (404), and the refusal is audited.
 */
import {
  AccessAnswer,
  AccessRequest,
  AccessRequestDetail,
  AccessRequestList,
  AccessWithheld,
  AdminAccessRequest,
  AdminAccessRequestDetail,
  AdminAccessRequestList,
  CreateAccessRequest,
} from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { appendAudit, auditDenied } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { type Actor, requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { findStudentAccess } from '../people/family-repository';
import { accessArchive } from '../rights/access/access-archive';
import {
  findAccessRequest,
  findAdminAccessRequest,
  listAllAccessRequests,
  listOwnAccessRequests,
  releasedAnswer,
  toAccessRequest,
  toAdminAccessRequest,
} from '../rights/access/access-repository';
import {
  answerAccessRequest,
  type RequestedSubject,
  receiveAccessRequest,
  releaseAccessRequest,
} from '../rights/access/access-requests';
import { subjectTranscriptLines } from '../rights/access/access-transcript-lines';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const RequestParams = z.object({ id: z.string().min(1).max(64) });
const notFoundMessage = 'There is no such access request, or it is not yours.';

const createRequest = createRoute({
  method: 'post',
  path: '/me/access-requests',
  tags: ['rights'],
  summary: 'Ask for everything Assent holds about you, or about a child you are guardian of',
  ...cookieAuth,
  request: { body: { required: true, content: json(CreateAccessRequest) } },
  responses: {
    201: { description: 'Received', content: json(AccessRequest) },
    200: { description: 'The same request, already received and still open', content: json(AccessRequest) },
    ...signedInErrors,
    404: errorResponse('not_found: no such student'),
  },
});

const listOwn = createRoute({
  method: 'get',
  path: '/me/access-requests',
  tags: ['rights'],
  summary: 'Your access requests, newest first',
  ...cookieAuth,
  responses: {
    200: { description: 'Your requests', content: json(AccessRequestList) },
    401: errorResponse('unauthorized'),
  },
});

const readOwn = createRoute({
  method: 'get',
  path: '/me/access-requests/{id}',
  tags: ['rights'],
  summary: 'One of your access requests and, once answered, the answer',
  ...cookieAuth,
  request: { params: RequestParams },
  responses: {
    200: { description: 'The request', content: json(AccessRequestDetail) },
    401: errorResponse('unauthorized'),
    404: errorResponse('not_found: no such request, or not the caller’s'),
  },
});

const downloadArchive = createRoute({
  method: 'get',
  path: '/me/access-requests/{id}/archive',
  tags: ['rights'],
  summary: 'The answer as a zip archive (README, the answer as JSON, each section as CSV)',
  ...cookieAuth,
  request: { params: RequestParams },
  responses: {
    200: {
      description: 'The archive (application/zip)',
      content: { 'application/zip': { schema: z.any() } },
    },
    401: errorResponse('unauthorized'),
    404: errorResponse('not_found: no such request, or not the caller’s'),
    409: errorResponse('conflict: not answered yet'),
  },
});

const listAll = createRoute({
  method: 'get',
  path: '/admin/access-requests',
  tags: ['rights'],
  summary: 'Every access request, open ones first with how long each has waited (admins)',
  ...cookieAuth,
  responses: {
    200: { description: 'Requests', content: json(AdminAccessRequestList) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

const answerRequest = createRoute({
  method: 'post',
  path: '/admin/access-requests/{id}/answer',
  tags: ['rights'],
  summary:
    'Compile the answer to an access request as a draft for the admins (the requester sees nothing yet)',
  ...cookieAuth,
  request: { params: RequestParams },
  responses: {
    200: { description: 'Compiled as a draft', content: json(AdminAccessRequest) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
    404: errorResponse('not_found'),
    409: errorResponse('already_decided'),
  },
});

const readDraft = createRoute({
  method: 'get',
  path: '/admin/access-requests/{id}',
  tags: ['rights'],
  summary: 'One access request with its compiled answer and what the answer leaves out (admins)',
  ...cookieAuth,
  request: { params: RequestParams },
  responses: {
    200: { description: 'The request', content: json(AdminAccessRequestDetail) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
    404: errorResponse('not_found'),
  },
});

const releaseAnswer = createRoute({
  method: 'post',
  path: '/admin/access-requests/{id}/release',
  tags: ['rights'],
  summary: 'Release a compiled answer to the requester, who is then mailed (admins)',
  ...cookieAuth,
  request: { params: RequestParams },
  responses: {
    200: { description: 'Released', content: json(AdminAccessRequest) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
    404: errorResponse('not_found'),
    409: errorResponse('conflict: not compiled yet; already_decided: released before'),
  },
});

/** The caller's own request; anyone else's (or a missing one) is a 404 with the refusal audited. */
async function ownRequest(
  c: Context<AppEnv>,
  actor: Actor,
  id: string,
  action: 'access_request.read' | 'access_request.download',
) {
  const { db, now } = c.var.deps;
  const request = await findAccessRequest(db, id);
  if (!request || request.requester_user_id !== actor.userId) {
    await auditDenied(db, {
      actor,
      action,
      target: { type: 'access_request', id },
      detail: { reason: request ? 'not_requester' : 'not_found' },
      at: now(),
    });
    throw new AppError(404, 'not_found', notFoundMessage);
  }
  return request;
}

const answerOf = (json: string | null) => (json === null ? null : AccessAnswer.parse(JSON.parse(json)));

export const accessRequestRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(createRequest, async (c) => {
    const actor = await requireActor(c);
    const { subject } = c.req.valid('json');
    let requested: RequestedSubject = { kind: 'self' };
    if (subject.kind === 'student') {
      const student = await findStudentAccess(c.var.deps.db, subject.studentId);
      if (!student) throw new AppError(404, 'not_found', 'There is no such student.');
      await authorize(
        c,
        actor,
        'student.request_access',
        { kind: 'student', ...student },
        { type: 'student', id: student.id },
      );
      requested = { kind: 'student', student };
    }
    const { request, created } = await receiveAccessRequest(c.var.deps, actor, requested);
    return c.json(request, created ? 201 : 200);
  })
  .openapi(listOwn, async (c) => {
    const actor = await requireActor(c);
    const rows = await listOwnAccessRequests(c.var.deps.db, actor.userId);
    return c.json({ requests: rows.map(toAccessRequest) }, 200);
  })
  .openapi(readOwn, async (c) => {
    const actor = await requireActor(c);
    const request = await ownRequest(c, actor, c.req.valid('param').id, 'access_request.read');
    return c.json({ ...toAccessRequest(request), answer: answerOf(releasedAnswer(request)) }, 200);
  })
  .openapi(downloadArchive, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    const request = await ownRequest(c, actor, id, 'access_request.download');
    const answer = answerOf(releasedAnswer(request));
    if (!answer) throw new AppError(409, 'conflict', 'This request has not been answered yet.');
    const { db, now, vault, consent } = c.var.deps;
    const at = now();
    await appendAudit(db, {
      actor: { userId: actor.userId, role: actor.role },
      action: 'access_request.download',
      target: { type: 'access_request', id },
      at,
    });
    // The subject's own transcript lines, from the vault now (each transcript read audited).
    const lines = await subjectTranscriptLines(
      { db, policies: consent.policies, vault },
      request,
      answer,
      actor,
      at,
    );
    const zip = accessArchive(answer, id, lines);
    return c.body(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="assent-data-${id}.zip"`,
      'Content-Length': String(zip.byteLength),
      'Cache-Control': 'no-store',
    });
  })
  .openapi(listAll, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'access_requests.manage', organisation);
    const { db, now } = c.var.deps;
    return c.json({ requests: await listAllAccessRequests(db, now()) }, 200);
  })
  .openapi(answerRequest, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    await authorize(c, actor, 'access_requests.manage', organisation, { type: 'access_request', id });
    const { deps } = c.var;
    const answered = await answerAccessRequest(
      { ...deps, policies: deps.consent.policies, logger: c.var.logger },
      actor,
      id,
    );
    return c.json(answered, 200);
  })
  .openapi(readDraft, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    await authorize(c, actor, 'access_requests.manage', organisation, { type: 'access_request', id });
    const { db, now } = c.var.deps;
    const row = await findAdminAccessRequest(db, id);
    if (!row) throw new AppError(404, 'not_found', 'There is no such access request.');
    if (row.answer !== null) {
      // Reading what is held about someone is itself recorded.
      await appendAudit(db, {
        actor: { userId: actor.userId, role: actor.role },
        action: 'access_request.review',
        target: { type: 'access_request', id },
        at: now(),
      });
    }
    return c.json(
      {
        ...toAdminAccessRequest(row, now()),
        answer: answerOf(row.answer),
        withheld: row.withheld === null ? null : AccessWithheld.parse(JSON.parse(row.withheld)),
      },
      200,
    );
  })
  .openapi(releaseAnswer, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    await authorize(c, actor, 'access_requests.manage', organisation, { type: 'access_request', id });
    const released = await releaseAccessRequest({ ...c.var.deps, logger: c.var.logger }, actor, id);
    return c.json(released, 200);
  });
