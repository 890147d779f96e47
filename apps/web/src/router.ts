import { useSyncExternalStore } from 'react';

// A path-based router is all the app needs: two pages, no nested routes.

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

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export type Route = { page: 'home' } | { page: 'join'; inviteToken: string } | { page: 'not-found' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const join = /^\/join\/([^/]+)\/?$/.exec(pathname);
  if (join?.[1]) return { page: 'join', inviteToken: decodeURIComponent(join[1]) };
  return { page: 'not-found' };
}
