/** Every failure leaves as `{ error: { code, message } }` with a stable code; stack traces never do. */

import type { ErrorCode } from '@assent/shared';
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { AppEnv } from './app-env';
import { AppError } from './app-error';

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

export const renderError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) return c.json(err.toBody(), err.status);
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
