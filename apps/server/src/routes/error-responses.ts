import { ErrorBody } from '@assent/shared';

/** OpenAPI response entries for the standard error shape. */
export function errorResponse(description: string) {
  return { description, content: { 'application/json': { schema: ErrorBody } } };
}
