/** Builds the HTTP app from its dependencies; `index.ts` is what listens. Tests call `app.request()`. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps, AppEnv } from './http/app-env';
import { AppError } from './http/app-error';
import { pageSecurityHeaders } from './http/page-security';
import { createMailer } from './mail/mailer';
import { renderError, renderNotFound, validationHook } from './middleware/error-handling';
import { requestId } from './middleware/request-id';
import { requestLogger } from './middleware/request-logger';
import { sameOriginForCookies } from './middleware/same-origin';
import { createAuth, trustedOrigins } from './people/auth';
import { betterAuthRoutes } from './people/auth-gateway';
import { accessRequestRoutes } from './routes/access-requests';
import { accountLifecycleRoutes } from './routes/account-lifecycle';
import { advanceConsentRoutes } from './routes/advance-consent';
import { auditRoutes } from './routes/audit';
import { boardBodyPaths, boardRoutes } from './routes/board';
import { callRoutes } from './routes/call';
import { callDeletionRequestRoutes } from './routes/call-deletion-request';
import { callSharingRoutes } from './routes/call-sharing';
import { chatRoutes } from './routes/chat';
import { concernRoutes } from './routes/concerns';
import { recordingRoutes } from './routes/consent';
import { deletionRequestRoutes } from './routes/deletion-requests';
import { docsRoutes } from './routes/docs';
import { enrolmentRoutes } from './routes/enrolments';
import { familyRoutes } from './routes/families';
import { familyMoveRoutes } from './routes/family-moves';
import { firstRunRoutes } from './routes/first-run';
import { guardianPresenceRoutes } from './routes/guardian-presence';
import { healthRoutes } from './routes/health';
import { insightsRoutes } from './routes/insights';
import { inviteRoutes } from './routes/invites';
import { observeRoutes } from './routes/observe';
import { peopleRoutes } from './routes/people';
import { policyRoutes } from './routes/policy';
import { recordingsRoutes } from './routes/recordings';
import { researchRoutes } from './routes/research';
import { seatLinkRoutes } from './routes/seat-links';
import { sessionScheduleRoutes } from './routes/session-schedule';
import { sessionRoutes } from './routes/sessions';
import { studentRoutes } from './routes/students';
import { transcriptRoutes } from './routes/transcripts';
import { webhookRoutes } from './routes/webhooks';
import { webApp } from './web-static';

export function createApp(deps: AppDeps) {
  const now = deps.now ?? (() => new Date());
  const resolved: Required<AppDeps> = {
    ...deps,
    now,
    auth:
      deps.auth ??
      createAuth({ db: deps.db, config: deps.config, now, mailer: deps.mailer, logger: deps.logger }),
    mailer: deps.mailer ?? createMailer(deps.config.mail, deps.logger),
  };
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.onError(renderError);
  app.notFound(renderNotFound);
  app.use('*', requestId(), requestLogger(deps.logger), async function provideDeps(c, next) {
    c.set('deps', resolved);
    await next();
  });
  app.use('*', pageSecurityHeaders(deps.config));
  app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  // Every API body is small JSON; refuse anything larger before reading it. The whiteboard's updates and
  // pictures are larger, with limits of their own on their routes.
  const smallBodies = bodyLimit({
    maxSize: 64 * 1024,
    onError: () => {
      throw new AppError(413, 'validation_failed', 'The request body is too large');
    },
  });
  app.use('/api/*', (c, next) => (Object.hasOwn(boardBodyPaths, c.req.path) ? next() : smallBodies(c, next)));

  app.use('/api/*', sameOriginForCookies(trustedOrigins(deps.config)));
  app.on(['GET', 'POST'], '/api/auth/*', betterAuthRoutes);

  const routes = app
    .route('/api', healthRoutes)
    .route('/api', sessionRoutes)
    .route('/api', sessionScheduleRoutes)
    .route('/api', observeRoutes)
    .route('/api', callRoutes)
    .route('/api', advanceConsentRoutes)
    .route('/api', inviteRoutes)
    .route('/api', recordingRoutes)
    .route('/api', chatRoutes)
    .route('/api', boardRoutes)
    .route('/api', recordingsRoutes)
    .route('/api', transcriptRoutes)
    .route('/api', callDeletionRequestRoutes)
    .route('/api', callSharingRoutes)
    .route('/api', accessRequestRoutes)
    .route('/api', deletionRequestRoutes)
    .route('/api', concernRoutes)
    .route('/api', guardianPresenceRoutes)
    .route('/api', researchRoutes)
    .route('/api', peopleRoutes)
    .route('/api', accountLifecycleRoutes)
    .route('/api', familyRoutes)
    .route('/api', enrolmentRoutes)
    .route('/api', familyMoveRoutes)
    .route('/api', seatLinkRoutes)
    .route('/api', studentRoutes)
    .route('/api', auditRoutes)
    .route('/api', policyRoutes)
    .route('/api', firstRunRoutes)
    .route('/api', insightsRoutes)
    .route('/api', webhookRoutes)
    .route('/api', docsRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'assent.session_token',
    description: 'The session cookie set by signing in (better-auth)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'inviteToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The invite token from the join link',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Assent API',
      version: '0.1.0',
      description: 'Sessions, invites, LiveKit access and consent commands for consent-gated recording.',
    },
  });

  if (deps.config.webDistDir) app.use('*', webApp(deps.config.webDistDir));
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
