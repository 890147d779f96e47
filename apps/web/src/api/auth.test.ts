import { afterEach, describe, expect, it, vi } from 'vitest';
import { authFailureCode, signInWithPassword, signOutEverywhere } from './auth';
import { ApiError } from './client';

afterEach(() => vi.unstubAllGlobals());

describe('better-auth calls', () => {
  it('names better-auth refusals in our codes', () => {
    expect([401, 403, 429, 400, 422, 500].map(authFailureCode)).toEqual([
      'unauthorized',
      'forbidden',
      'rate_limited',
      'validation_failed',
      'validation_failed',
      'internal',
    ]);
  });

  it('signs in with the trimmed email, and turns a wrong password into unauthorized', async () => {
    const fetch = vi.fn(
      async () =>
        new Response(
          JSON.stringify({ code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' }),
          {
            status: 401,
          },
        ),
    );
    vi.stubGlobal('fetch', fetch);
    const error = await signInWithPassword(' pat@example.org ', 'secret secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/auth/sign-in/email');
    expect(JSON.parse(String(init.body))).toEqual({ email: 'pat@example.org', password: 'secret secret' });
  });

  it('signs out everywhere by ending every session, then this one', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ status: true }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    await signOutEverywhere();
    expect(fetch.mock.calls.map((call) => (call as unknown as [string])[0])).toEqual([
      '/api/auth/revoke-sessions',
      '/api/auth/sign-out',
    ]);
  });
});
