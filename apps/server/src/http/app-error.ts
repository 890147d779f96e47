import type { ErrorBody, ErrorCode } from '@assent/shared';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorIssue = NonNullable<ErrorBody['error']['issues']>[number];

/** The one error type handlers throw; `app.onError` renders it as `{ error: { code, message } }`. */
export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly details?: Record<string, string>,
  ) {
    super(message);
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}
