/** A stand-in for the API in component tests: `fetch` answers from a function of method and path. */
import { vi } from 'vitest';

export interface StubAnswer {
  status?: number;
  body: unknown;
}

export type StubRoutes = (method: string, path: string) => StubAnswer | undefined;

/** Stubs the global `fetch`; a request no route answers gets a 404 `not_found`. Returns the mock. */
export function stubApi(routes: StubRoutes) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const answer = routes(init?.method ?? 'GET', url.pathname + url.search) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: `No route for ${url.pathname}` } },
    };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The requests made so far, as `METHOD /path?query`. */
export function requestsMade(fetchMock: ReturnType<typeof stubApi>): string[] {
  return fetchMock.mock.calls.map(([input, init]) => {
    const url = new URL(String(input), 'http://localhost');
    return `${init?.method ?? 'GET'} ${url.pathname}${url.search}`;
  });
}
