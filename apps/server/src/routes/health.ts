import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { validationHook } from '../middleware/error-handling';
import { errorResponse } from './error-responses';

const Health = z.object({ ok: z.literal(true), db: z.literal('ok') });

const health = createRoute({
  method: 'get',
  path: '/health',
  tags: ['ops'],
  summary: 'Liveness with a one-row database check',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
    503: errorResponse('The database is unreachable'),
  },
});

export const healthRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  health,
  async (c) => {
    try {
      await sql`select 1`.execute(c.var.deps.db);
    } catch (err) {
      c.var.logger.error({ err }, 'health check: database unreachable');
      throw new AppError(503, 'internal', 'Database unavailable');
    }
    return c.json({ ok: true as const, db: 'ok' as const }, 200);
  },
);
