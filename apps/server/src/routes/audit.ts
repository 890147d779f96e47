/** The audit log for administrators: its entries, filtered and paged, and whether its chain is intact. */
import { AuditPage, AuditQuery, AuditVerification } from '@assent/shared';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { listAuditEntries } from '../audit/audit-repository';
import { verifyAuditChain } from '../audit/audit-verify';
import type { AppEnv } from '../http/app-env';
import { validationHook } from '../middleware/error-handling';
import { requireActor } from '../people/actor';
import { authorize } from '../people/authorize';
import { organisation } from '../people/can';
import { errorResponse } from './error-responses';

const cookieAuth = { security: [{ sessionCookie: [] }] };
const json = <T>(schema: T) => ({ 'application/json': { schema } });

const listAudit = createRoute({
  method: 'get',
  path: '/admin/audit',
  tags: ['audit'],
  summary: 'Audit log entries, newest first, by actor, target, action prefix or outcome (admins only)',
  ...cookieAuth,
  request: { query: AuditQuery },
  responses: {
    200: { description: 'A page of entries', content: json(AuditPage) },
    400: errorResponse('validation_failed'),
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

const verifyAudit = createRoute({
  method: 'get',
  path: '/admin/audit/verify',
  tags: ['audit'],
  summary: 'Recompute the whole hash chain and say where it breaks, if anywhere (admins only)',
  ...cookieAuth,
  responses: {
    200: { description: 'The verification', content: json(AuditVerification) },
    401: errorResponse('unauthorized'),
    403: errorResponse('forbidden'),
  },
});

export const auditRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listAudit, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'audit.read', organisation);
    return c.json(await listAuditEntries(c.var.deps.db, c.req.valid('query')), 200);
  })
  .openapi(verifyAudit, async (c) => {
    const actor = await requireActor(c);
    await authorize(c, actor, 'audit.read', organisation);
    return c.json(await verifyAuditChain(c.var.deps.db), 200);
  });
