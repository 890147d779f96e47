/**
 * Security headers for the pages the server sends (the web app, the recording layout egress opens, the
 * API docs): a Content-Security-Policy per page that allows this origin's scripts and the LiveKit server
 * and nothing else, no framing, no MIME sniffing and no Referer (join links carry tokens in the path).
 * API responses get theirs in `app.ts`.
 */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config';
import type { AppEnv } from './app-env';

type Csp = NonNullable<Parameters<typeof secureHeaders>[0]>['contentSecurityPolicy'];

/**
 * Where a browser may open LiveKit connections: the signalling WebSocket and its HTTP origin (livekit-client
 * validates a failed connection over HTTP). LiveKit Cloud moves clients between regional hosts of its own.
 */
export function livekitSources(livekitUrl: string): string[] {
  const url = new URL(livekitUrl);
  const secure = url.protocol === 'wss:' || url.protocol === 'https:';
  const sources = [`${secure ? 'wss' : 'ws'}://${url.host}`, `${secure ? 'https' : 'http'}://${url.host}`];
  if (/\.livekit\.cloud$/.test(url.hostname))
    sources.push('wss://*.livekit.cloud', 'https://*.livekit.cloud');
  return sources;
}

/** What every page forbids whatever it needs: plugins, <base> rewrites, being framed. */
const lockedDown = {
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
} satisfies Csp;

export function appPagePolicy(livekitUrl: string): Csp {
  return {
    ...lockedDown,
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    fontSrc: ["'self'"],
    // The favicon is `data:,`; recordings play from the API; LiveKit's media arrive as MediaStreams.
    imgSrc: ["'self'", 'data:'],
    mediaSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'", ...livekitSources(livekitUrl)],
    formAction: ["'self'"],
  };
}

/**
 * The page egress's Chrome records: it joins the room and draws it. It talks to nobody but LiveKit and its
 * own server (the whiteboard, read with the key in its address), submits nothing and needs no camera or
 * microphone of its own.
 */
export function recordingLayoutPolicy(livekitUrl: string): Csp {
  return {
    ...lockedDown,
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    fontSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    mediaSrc: ["'self'", 'blob:'],
    // Its own server only for the whiteboard, read with the key in its address.
    connectSrc: ["'self'", ...livekitSources(livekitUrl)],
    formAction: ["'none'"],
  };
}

/** swagger-ui sets inline styles and draws its icons from data: URLs; its scripts are served from here. */
const apiDocsPolicy: Csp = {
  ...lockedDown,
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'none'"],
};

export function pageSecurityHeaders(config: Pick<Config, 'livekit'>): MiddlewareHandler<AppEnv> {
  const appPage = secureHeaders({ contentSecurityPolicy: appPagePolicy(config.livekit.url) });
  const layoutPage = secureHeaders({
    contentSecurityPolicy: recordingLayoutPolicy(config.livekit.url),
    permissionsPolicy: { camera: [], microphone: [], displayCapture: [], geolocation: [] },
  });
  const docsPage = secureHeaders({ contentSecurityPolicy: apiDocsPolicy });
  return function pageSecurity(c, next) {
    const path = c.req.path;
    if (path === '/api/docs' || path.startsWith('/api/docs/')) return docsPage(c, next);
    // API answers get their headers where the API is mounted.
    if (path === '/api' || path.startsWith('/api/')) return next();
    if (path === '/recording-layout' || path.startsWith('/recording-layout/')) return layoutPage(c, next);
    return appPage(c, next);
  };
}
