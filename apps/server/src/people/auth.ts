/**
 * Accounts through better-auth on our own database: email + password and passkeys, sessions in
 * httpOnly cookies (Secure when PUBLIC_URL is https), origin checks on every state-changing call,
 * rate-limited sign-in. Our migrations create its tables; this file only names them.
 *
 * Nobody signs up on their own: `emailAndPassword.disableSignUp` closes better-auth's sign-up route, and
 * accounts are made by accepting an invitation (`enrolment/invitations.ts`), which uses better-auth's own
 * password hashing and user creation.
 */
import { days } from '@assent/shared';
import { passkey } from '@better-auth/passkey';
import { betterAuth } from 'better-auth';
import { createAuthMiddleware } from 'better-auth/api';
import { PostgresAdapter } from 'kysely';
import type { Logger } from 'pino';
import { appendAudit } from '../audit/audit-log';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { clientAddressHeader } from '../http/client-address';
import { createLogger } from '../logger';
import { createMailer, type Mailer } from '../mail/mailer';
import { refuseDisabledSignIn } from './account-state';
import { authRules } from './auth-rules';
import { passwordResetLink, passwordResetMail } from './password-reset-mail';
import { cappedExpiry, capRefreshedSession } from './session-lifetime';

export interface AuthDeps {
  db: Db;
  config: Config;
  now: () => Date;
  /** For password reset mail; one from the config's SMTP settings when not given. */
  mailer?: Mailer;
  logger?: Logger;
  /**
   * Whether better-auth compares the database with the tables it expects before its first query (on by
   * default). Server tests turn it off: on PostgreSQL it reads the catalog of every schema, and each test
   * file has a schema of its own that other files create and drop meanwhile ("schema … does not exist").
   * `accounts-smoke.test.ts` runs the check itself, once per database, taking turns with schema changes.
   */
  validateSchema?: boolean;
}

export function createAuth({
  db,
  config,
  now,
  mailer: givenMailer,
  logger: givenLogger,
  validateSchema = true,
}: AuthDeps) {
  const type = db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  const logger = givenLogger ?? createLogger(config.logLevel);
  const mailer = givenMailer ?? createMailer(config.mail, logger);
  return betterAuth({
    appName: 'Assent',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.auth.secret,
    trustedOrigins: trustedOrigins(config),
    database: { db, type },
    telemetry: { enabled: false },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      // "Forgot password?": a one-time link by mail to the web app's reset page (people/auth-gateway.ts
      // limits it per account); the token is consumed on use and expires after PASSWORD_RESET_TTL_MINUTES.
      resetPasswordTokenExpiresIn: config.auth.passwordResetTtlMinutes * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const link = passwordResetLink(config.publicUrl, token);
        await appendAudit(db, {
          actor: { userId: null, role: null },
          action: 'auth.password_reset_requested',
          target: { type: 'user', id: user.id },
          detail: { mailed: mailer.enabled },
          at: now(),
        });
        // Sent after the answer: how long the answer takes must not tell whether the address has an account.
        void mailer
          .send(passwordResetMail(user.email, link, config.auth.passwordResetTtlMinutes))
          .catch((err: unknown) => logger.warn({ err }, 'password reset mail could not be sent'));
      },
      onPasswordReset: async ({ user }) => {
        await appendAudit(db, {
          actor: { userId: user.id, role: (user as { role?: string }).role ?? null },
          action: 'auth.password_reset',
          target: { type: 'user', id: user.id },
          at: now(),
        });
      },
    },
    session: {
      modelName: 'auth_sessions',
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
      expiresIn: days(7) / 1000,
      updateAge: days(1) / 1000,
    },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', createdAt: 'created_at', updatedAt: 'updated_at' },
      additionalFields: {
        // Set only by invitations and admins, never by the person (input: false).
        role: { type: 'string', required: true, input: false },
      },
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        accountId: 'account_id',
        providerId: 'provider_id',
        userId: 'user_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        createdAt: 'created_at',
        updatedAt: 'updated_at',
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: { expiresAt: 'expires_at', createdAt: 'created_at', updatedAt: 'updated_at' },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'auth_rate_limits',
      fields: { lastRequest: 'last_request' },
      window: 60,
      max: 200,
      customRules: {
        '/sign-in/email': { window: 60, max: config.auth.signInAttemptsPerMinute },
        '/sign-in/passkey': { window: 60, max: config.auth.signInAttemptsPerMinute },
        '/passkey/verify-authentication': { window: 60, max: config.auth.signInAttemptsPerMinute },
        '/request-password-reset': { window: 60, max: 5 },
        '/reset-password': { window: 60, max: 10 },
        '/change-password': { window: 60, max: 10 },
      },
    },
    advanced: {
      cookiePrefix: 'assent',
      ipAddress: { ipAddressHeaders: [clientAddressHeader] },
      database: { generateId: () => crypto.randomUUID(), validateSchema },
    },
    plugins: [
      refuseDisabledSignIn(db, now),
      passkey({
        rpID: config.auth.passkeyRpId,
        rpName: 'Assent',
        origin: trustedOrigins(config),
        schema: {
          passkey: {
            modelName: 'passkeys',
            fields: {
              publicKey: 'public_key',
              userId: 'user_id',
              credentialID: 'credential_id',
              deviceType: 'device_type',
              backedUp: 'backed_up',
              createdAt: 'created_at',
            },
          },
        },
      }),
    ],
    databaseHooks: {
      session: {
        update: {
          // Absolute lifetime: a refresh never moves a session's end past SESSION_MAX_AGE_DAYS.
          after: async (session) => {
            await capRefreshedSession(db, session, config.auth.sessionMaxAgeDays);
          },
        },
        create: {
          before: async (session) => ({
            data: {
              ...session,
              expiresAt: cappedExpiry(
                session.expiresAt,
                session.createdAt ?? new Date(),
                config.auth.sessionMaxAgeDays,
              ),
            },
          }),
          // Every sign-in (password or passkey) is in the audit log.
          after: async (session) => {
            const user = await db
              .selectFrom('users')
              .select('role')
              .where('id', '=', session.userId)
              .executeTakeFirst();
            await appendAudit(db, {
              actor: { userId: session.userId, role: user?.role ?? null },
              action: 'auth.sign_in',
              target: { type: 'user', id: session.userId },
              at: now(),
            });
          },
        },
      },
    },
    hooks: {
      before: authRules(db),
      after: createAuthMiddleware(async (ctx) => {
        if (
          ctx.path === '/change-password' &&
          ctx.context.session &&
          !(ctx.context.returned instanceof Error)
        ) {
          const user = ctx.context.session.user as { id: string; role?: string };
          await appendAudit(db, {
            actor: { userId: user.id, role: user.role ?? null },
            action: 'auth.password_change',
            target: { type: 'user', id: user.id },
            detail: { otherSessionsEnded: true },
            at: now(),
          });
          return;
        }
        if (ctx.path !== '/revoke-sessions' && ctx.path !== '/sign-out') return;
        const userId = ctx.context.session?.user.id ?? null;
        if (!userId) return;
        await appendAudit(db, {
          actor: { userId, role: (ctx.context.session?.user as { role?: string } | undefined)?.role ?? null },
          action: ctx.path === '/sign-out' ? 'auth.sign_out' : 'auth.sign_out_everywhere',
          target: { type: 'user', id: userId },
          at: now(),
        });
      }),
    },
  });
}

/**
 * Where our pages are served from. With PUBLIC_URL on 127.0.0.1 the app also works opened as
 * `localhost` on the same port, which is where passkeys work (WebAuthn refuses IP addresses).
 */
export function trustedOrigins(config: Config): string[] {
  const url = new URL(config.publicUrl);
  if (config.auth.passkeyRpId !== 'localhost' || url.hostname === 'localhost') return [config.publicUrl];
  return [config.publicUrl, `${url.protocol}//localhost${url.port ? `:${url.port}` : ''}`];
}

export type Auth = ReturnType<typeof createAuth>;
