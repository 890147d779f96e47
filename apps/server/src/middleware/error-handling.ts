/** Every failure leaves as `{ error: { code, message } }` with a stable code; stack traces never do. */

import type { ErrorCode } from '@assent/shared';
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { recordSecurityEvent, type SecurityAction } from '../audit/security-events';
import type { AppEnv } from '../http/app-env';
import { AppError } from '../http/app-error';
import { clientAddress } from '../http/client-address';

/** Shared by every route module as the OpenAPIHono `defaultHook`, so validation errors look the same everywhere. */
export function validationHook(result: { success: boolean; error?: ZodError }): void {
  if (result.success || !result.error) return;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  throw new AppError(400, 'validation_failed', 'The request is not valid', issues);
}

const codeForStatus: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
};

// Refusals that show someone holding a bad credential: guessing links, replaying used ones, forging
// webhooks. Each is audited (within a budget per source address, audit/security-events.ts).
const probeActions: Partial<Record<ErrorCode, SecurityAction>> = {
  invite_invalid: 'auth.link_invalid',
  link_invalid: 'auth.link_invalid',
  webhook_signature_invalid: 'webhook.signature_invalid',
};

export const renderError: ErrorHandler<AppEnv> = async (err, c) => {
  if (err instanceof AppError) {
    const action = probeActions[err.code];
    if (action && c.var.deps) await auditProbe(c, action, err.code);
    return c.json(err.toBody(), err.status);
  }
  if (err instanceof HTTPException && err.status >= 400 && err.status < 500) {
    // Hono's own rejections (malformed JSON, wrong media type, body too large) are all bad input.
    const status = err.status as ContentfulStatusCode;
    return c.json(
      new AppError(
        status,
        codeForStatus[status] ?? 'validation_failed',
        err.message || 'Bad request',
      ).toBody(),
      status,
    );
  }
  c.var.logger?.error({ err }, 'unhandled error');
  return c.json(new AppError(500, 'internal', 'Something went wrong on our side').toBody(), 500);
};

export const renderNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(new AppError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`).toBody(), 404);

async function auditProbe(c: Context<AppEnv>, action: SecurityAction, code: ErrorCode): Promise<void> {
  const { db, now } = c.var.deps;
  try {
    await recordSecurityEvent(db, {
      action,
      source: clientAddress(c),
      detail: { code, method: c.req.method, route: c.req.routePath },
      at: now(),
    });
  } catch (err) {
    c.var.logger?.error({ err }, 'security event could not be audited');
  }
}
