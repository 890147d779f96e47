/** What every route module's OpenAPI description shares: the error shape, JSON bodies, how callers prove who they are. */
import { ErrorBody } from '@assent/shared';

/** OpenAPI response entries for the standard error shape. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorBody } } };
}

/** A JSON request or response body described by a zod schema. */
export const json = <T>(schema: T) => ({ 'application/json': { schema } });

/** Routes for signed-in people: the session cookie better-auth sets. */
export const cookieAuth = { security: [{ sessionCookie: [] }] };

/** Routes for people in a call: the invite token of their join link, sent as a Bearer token. */
export const inviteAuth = { security: [{ inviteToken: [] }] };

/** What any signed-in route may answer besides success: bad input, not signed in, not allowed. */
export const signedInErrors = {
  400: errorResponse('validation_failed'),
  401: errorResponse('unauthorized'),
  403: errorResponse('forbidden'),
};
