/** Every failure leaves as `{ error: { code, message } }` with a stable code; stack traces never do. */
import type { ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
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

export const renderError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof AppError) return c.json(err.toBody(), err.status);
  if (err instanceof HTTPException) {
    // Hono's own rejections: malformed JSON (400) and body too large (413) are both bad input.
    const status = err.status;
    if (status === 400 || status === 413) {
      return c.json(
        new AppError(status, 'validation_failed', err.message || 'The request is not valid').toBody(),
        status,
      );
    }
    if (status === 404) return c.json(new AppError(404, 'not_found', 'Not found').toBody(), 404);
  }
  c.var.logger?.error({ err }, 'unhandled error');
  return c.json(new AppError(500, 'internal', 'Something went wrong on our side').toBody(), 500);
};

export const renderNotFound: NotFoundHandler<AppEnv> = (c) =>
  c.json(new AppError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`).toBody(), 404);
