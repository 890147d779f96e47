import type { ErrorBody, ErrorCode } from '@assent/shared';

/** Why a request failed, in terms the UI can explain: an API error code, or no server at all. */
export type ApiFailureCode = ErrorCode | 'unreachable';

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiFailureCode,
    message: string,
    readonly status = 0,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  const error = (value as { error?: { code?: unknown } } | null)?.error;
  return typeof error?.code === 'string';
}

export interface JsonRequestInit extends Omit<RequestInit, 'headers'> {
  /** The invite token that identifies the caller, sent as `Authorization: Bearer`. */
  bearer?: string;
}

/**
 * Calls the API and returns its JSON body, or throws an ApiError.
 * A network failure or a non-JSON answer (a proxy with no server behind it) counts as `unreachable`.
 */
export async function requestJson<T>(url: string, init: JsonRequestInit = {}): Promise<T> {
  const { bearer, ...rest } = init;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (rest.body) headers['content-type'] = 'application/json';
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  let response: Response;
  try {
    response = await fetch(url, { ...rest, headers });
  } catch {
    throw new ApiError('unreachable', 'The server could not be reached.');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok && body !== undefined) return body as T;
  if (isErrorBody(body)) {
    const { code, message, issues } = body.error;
    throw new ApiError(code, message, response.status, issues ?? []);
  }
  if (response.status >= 500 || body === undefined) {
    throw new ApiError('unreachable', 'The server did not answer properly.', response.status);
  }
  throw new ApiError('internal', `Unexpected answer (HTTP ${response.status}).`, response.status);
}
