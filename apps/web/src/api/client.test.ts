import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, requestJson } from './client';

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error('expected an ApiError');
  return error;
}

afterEach(() => vi.unstubAllGlobals());

describe('requestJson', () => {
  it('returns the body of a successful answer', async () => {
    answer(200, { ok: 1 });
    await expect(requestJson('/api/x')).resolves.toEqual({ ok: 1 });
  });

  it('turns the error body into an ApiError with its code and issues', async () => {
    const issues = [{ path: 'title', message: 'Title is required' }];
    answer(400, { error: { code: 'validation_failed', message: 'Invalid', issues } });
    const error = await failureOf(requestJson('/api/x'));
    expect(error).toMatchObject({ code: 'validation_failed', status: 400, issues });
  });

  it('reports a network failure as unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect((await failureOf(requestJson('/api/x'))).code).toBe('unreachable');
  });

  it('reports a proxy error page as unreachable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('Bad gateway', { status: 502 })),
    );
    expect((await failureOf(requestJson('/api/x'))).code).toBe('unreachable');
  });
});
