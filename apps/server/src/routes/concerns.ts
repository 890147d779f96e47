/**
 * Concerns and safeguarding reports: made from the call (invite token; nothing is sent to the room, so
 * nobody else learns of it) or afterwards by a signed-in attendee or the guardian of a child who
 * attended; read and closed by the safeguarding staff (`concerns.handle`); each reporter sees their own.
 */
import {
  CloseConcernBody,
  ConcernReceipt,
  ConcernReportBody,
  MyConcernReportList,
  SafeguardingReportDetail,
  SafeguardingReportList,
} from '@assent/shared';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { appendAudit } from '../audit/audit-log';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { can, organisation } from '../people/can';
import { checkLinkRequest } from '../rights/access/link-requests';
import { closeReport } from '../rights/concerns/concern-close';
import { presentUserIds, receiveConcern, seatOf } from '../rights/concerns/concern-reports';
import { listReports, myReports, reportDetail } from '../rights/concerns/concern-review';
import { resolveInvite } from '../sessions/resolve-invite';
import { cookieAuth, errorResponse, json, signedInErrors } from './error-responses';

const SessionParams = z.object({ id: z.string().min(1).max(64) });
const ReportParams = z.object({ id: z.string().min(1).max(64) });

const noSuchReport = () => new AppError(404, 'not_found', 'There is no such report.');

const reportFromCall = createRoute({
  method: 'post',
  path: '/call/concern',
  tags: ['concerns'],
  summary: 'Report a concern from the call; nobody else in the call is told',
  security: [{ inviteToken: [] }],
  request: { body: { required: true, content: json(ConcernReportBody) } },
  responses: {
    201: { description: 'Received by the safeguarding team', content: json(ConcernReceipt) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized or invite_invalid'),
    404: errorResponse('not_found: the session or person no longer exists'),
    410: errorResponse('invite_expired: the link expired more than the policy’s late days after the session'),
    429: errorResponse('rate_limited: this seat sent its limit of reports by link in the last 24 hours'),
  },
});

const listMineFromCall = createRoute({
  method: 'get',
  path: '/call/concerns',
  tags: ['concerns'],
  summary:
    'The reports this invite holder made: received, or handled and when (for people without an account)',
  security: [{ inviteToken: [] }],
  responses: {
    200: { description: 'Your reports', content: json(MyConcernReportList) },
    401: errorResponse('unauthorized or invite_invalid'),
    404: errorResponse('not_found: the session or person no longer exists'),
  },
});

const reportAfterSession = createRoute({
  method: 'post',
  path: '/sessions/{id}/concerns',
  tags: ['concerns'],
  summary: 'Report a concern about a session the caller (or their child) was in',
  ...cookieAuth,
  request: { params: SessionParams, body: { required: true, content: json(ConcernReportBody) } },
  responses: {
    201: { description: 'Received by the safeguarding team', content: json(ConcernReceipt) },
    ...signedInErrors,
    403: errorResponse('not_attended: neither the caller nor a child of theirs was in the call'),
    404: errorResponse('not_found: no such session'),
  },
});

const listMine = createRoute({
  method: 'get',
  path: '/me/concerns',
  tags: ['concerns'],
  summary: "The caller's own reports: received, or handled and when",
  ...cookieAuth,
  responses: {
    200: { description: 'Your reports', content: json(MyConcernReportList) },
    401: errorResponse('unauthorized'),
  },
});

const listAll = createRoute({
  method: 'get',
  path: '/safeguarding/reports',
  tags: ['concerns'],
  summary: 'Every report, open ones first (safeguarding staff)',
  ...cookieAuth,
  responses: {
    200: { description: 'Reports', content: json(SafeguardingReportList) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

const getOne = createRoute({
  method: 'get',
  path: '/safeguarding/reports/{id}',
  tags: ['concerns'],
  summary: 'One report with its session, people, other reports and recordings (safeguarding staff)',
  ...cookieAuth,
  request: { params: ReportParams },
  responses: {
    200: { description: 'The report', content: json(SafeguardingReportDetail) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
    404: errorResponse('not_found'),
  },
});

const closeOne = createRoute({
  method: 'post',
  path: '/safeguarding/reports/{id}/close',
  tags: ['concerns'],
  summary: 'Close a report with its outcome and corrective actions; the reporter is told it was handled',
  ...cookieAuth,
  request: { params: ReportParams, body: { required: true, content: json(CloseConcernBody) } },
  responses: {
    200: { description: 'Closed', content: json(SafeguardingReportDetail) },
    ...signedInErrors,
    404: errorResponse('not_found'),
    409: errorResponse('already_decided: closed before'),
  },
});

export const concernRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(reportFromCall, async (c) => {
    const token = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new AppError(401, 'unauthorized', 'Send your invite token as a Bearer token.');
    const { db, config, now } = c.var.deps;
    // Someone still in the call after their invite expired may still report, for a while (link-requests).
    const invite = await resolveInvite(db, config.inviteSecret, token, now(), { allowExpired: true });
    const { person, session } = invite;
    await checkLinkRequest({ db, now, policies: c.var.deps.consent.policies }, invite, 'concern_report', {
      method: c.req.method,
      path: c.req.path,
    });
    const receipt = await receiveConcern(
      { db, now },
      {
        sessionId: session.id,
        userId: person.userId,
        personId: person.id,
        name: person.name,
        role: person.role,
      },
      c.req.valid('json'),
      true,
    );
    return c.json(receipt, 201);
  })
  .openapi(listMineFromCall, async (c) => {
    const token = c.req.header('Authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) throw new AppError(401, 'unauthorized', 'Send your invite token as a Bearer token.');
    const { db, config, now } = c.var.deps;
    // A child without an account learns here, from their own link, that their report was handled.
    const { person } = await resolveInvite(db, config.inviteSecret, token, now(), { allowExpired: true });
    return c.json({ reports: await myReports(db, { personId: person.id }) }, 200);
  })
  .openapi(reportAfterSession, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    const { db, now } = c.var.deps;
    const session = await db.selectFrom('sessions').select('id').where('id', '=', id).executeTakeFirst();
    if (!session) throw new AppError(404, 'not_found', 'There is no such session.');
    const present = await presentUserIds(db, id);
    if (!can(actor, 'session.report_concern', { kind: 'attendance', presentUserIds: present })) {
      // Audited like any refusal, but said in words a person can act on.
      await appendAudit(db, {
        actor: { userId: actor.userId, role: actor.role },
        action: 'session.report_concern',
        target: { type: 'session', id },
        outcome: 'denied',
        detail: { method: c.req.method, path: c.req.path, reason: 'not_attended' },
        at: now(),
      });
      throw new AppError(403, 'not_attended', 'You can report a concern only about a session you were in.');
    }
    const seat = await seatOf(db, id, actor.userId);
    const receipt = await receiveConcern(
      { db, now },
      {
        sessionId: id,
        userId: actor.userId,
        personId: seat?.id ?? null,
        name: actor.name,
        role: seat?.role ?? actor.role,
      },
      c.req.valid('json'),
      false,
    );
    return c.json(receipt, 201);
  })
  .openapi(listMine, async (c) => {
    const actor = await requireActor(c);
    return c.json({ reports: await myReports(c.var.deps.db, { userId: actor.userId }) }, 200);
  })
  .openapi(listAll, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'concerns.handle', organisation);
    const { db, now } = c.var.deps;
    return c.json({ reports: await listReports(db, now()) }, 200);
  })
  .openapi(getOne, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    await authorize(c, actor, 'concerns.handle', organisation, { type: 'concern_report', id });
    const { db, consent, now } = c.var.deps;
    const detail = await reportDetail({ db, policies: consent.policies }, id, now());
    if (!detail) throw noSuchReport();
    return c.json(detail, 200);
  })
  .openapi(closeOne, async (c) => {
    const actor = await requireActor(c);
    const { id } = c.req.valid('param');
    await authorize(c, actor, 'concerns.handle', organisation, { type: 'concern_report', id });
    const { db, consent, now, mailer } = c.var.deps;
    await closeReport({ db, now, mailer, logger: c.var.logger }, actor, id, c.req.valid('json'));
    const detail = await reportDetail({ db, policies: consent.policies }, id, now());
    if (!detail) throw noSuchReport();
    return c.json(detail, 200);
  });
