import { useSyncExternalStore } from 'react';

// A path-based router is all the app needs: a handful of pages, no nested routes.

const NAVIGATE_EVENT = 'assent:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** The query string (with its `?`, or ''), for pages that keep their filters in the address. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

let moved = false;

/** Whether the person has moved between pages in the app since it loaded (then headings take focus). */
export function navigatedInApp(): boolean {
  return moved;
}

/** Goes to an in-app path (which may carry a query); `replace` for redirects the Back button should skip. */
export function navigate(path: string, { replace = false }: { replace?: boolean } = {}): void {
  if (path === window.location.pathname + window.location.search) return;
  moved = true;
  if (replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export type Route =
  | { page: 'home' }
  | { page: 'sign-in' }
  | { page: 'forgot-password' }
  | { page: 'reset-password'; resetToken: string }
  | { page: 'welcome'; linkToken: string }
  | { page: 'account' }
  | { page: 'admin-people' }
  | { page: 'admin-policy' }
  | { page: 'admin-audit' }
  | { page: 'admin-deletions' }
  | { page: 'recordings' }
  | { page: 'recording'; recordingId: string }
  | { page: 'my-requests' }
  | { page: 'access-answer'; requestId: string }
  | { page: 'report-concern'; sessionId: string }
  | { page: 'session-chat'; sessionId: string }
  | { page: 'session-board'; sessionId: string }
  | { page: 'session-insights'; sessionId: string }
  | { page: 'tutor-insights'; userId: string }
  | { page: 'safeguarding' }
  | { page: 'safeguarding-report'; reportId: string }
  | { page: 'admin-requests' }
  | { page: 'admin-guardian-presence' }
  | { page: 'admin-research' }
  | { page: 'policy' }
  | { page: 'join'; inviteToken: string }
  | { page: 'not-found' };

const fixedPages: Readonly<Record<string, Route>> = {
  '/': { page: 'home' },
  '/sign-in': { page: 'sign-in' },
  '/forgot-password': { page: 'forgot-password' },
  '/account': { page: 'account' },
  '/admin/people': { page: 'admin-people' },
  '/admin/policy': { page: 'admin-policy' },
  '/admin/audit': { page: 'admin-audit' },
  '/admin/deletions': { page: 'admin-deletions' },
  '/recordings': { page: 'recordings' },
  '/requests': { page: 'my-requests' },
  '/safeguarding': { page: 'safeguarding' },
  '/admin/requests': { page: 'admin-requests' },
  '/admin/guardian-presence': { page: 'admin-guardian-presence' },
  '/admin/research': { page: 'admin-research' },
  '/policy': { page: 'policy' },
};

/** Pages with one id in their path: `/requests/access/:id` and the like. */
const idPages: readonly [RegExp, (id: string) => Route][] = [
  [/^\/recordings\/([^/]+)$/, (recordingId) => ({ page: 'recording', recordingId })],
  [/^\/requests\/access\/([^/]+)$/, (requestId) => ({ page: 'access-answer', requestId })],
  [/^\/sessions\/([^/]+)\/report$/, (sessionId) => ({ page: 'report-concern', sessionId })],
  [/^\/sessions\/([^/]+)\/chat$/, (sessionId) => ({ page: 'session-chat', sessionId })],
  [/^\/sessions\/([^/]+)\/board$/, (sessionId) => ({ page: 'session-board', sessionId })],
  [/^\/sessions\/([^/]+)\/insights$/, (sessionId) => ({ page: 'session-insights', sessionId })],
  [/^\/insights\/tutors\/([^/]+)$/, (userId) => ({ page: 'tutor-insights', userId })],
  [/^\/safeguarding\/([^/]+)$/, (reportId) => ({ page: 'safeguarding-report', reportId })],
];

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname || '/';
  const fixed = fixedPages[path];
  if (fixed) return fixed;
  const join = /^\/join\/([^/]+)$/.exec(path);
  if (join?.[1]) return { page: 'join', inviteToken: decodeURIComponent(join[1]) };
  const welcome = /^\/welcome\/([^/]+)$/.exec(path);
  if (welcome?.[1]) return { page: 'welcome', linkToken: decodeURIComponent(welcome[1]) };
  const reset = /^\/reset-password\/([^/]+)$/.exec(path);
  if (reset?.[1]) return { page: 'reset-password', resetToken: decodeURIComponent(reset[1]) };
  for (const [pattern, route] of idPages) {
    const id = pattern.exec(path)?.[1];
    if (id) return route(decodeURIComponent(id));
  }
  return { page: 'not-found' };
}

/**
 * Where to go after signing in: the `next` the sign-in link carried, if it is a path on this site.
 * Anything else (another origin, `//host`, a backslash trick) goes to the start page.
 */
export function safeNextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next?.startsWith('/') || next.startsWith('//') || next.includes('\\')) return '/';
  return next;
}

/** The sign-in page's path, remembering the page to come back to. */
export function signInPath(returnTo: string): string {
  return returnTo === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(returnTo)}`;
}

/** An in-app path for a link that may be absolute (join links are), or null for another site's link. */
export function inAppPath(href: string, origin: string): string | null {
  try {
    const url = new URL(href, origin);
    return url.origin === origin ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}
