/**
 * Server configuration, read from the environment once at boot. A missing or bad variable stops the
 * process with a message naming it, so a misconfigured deploy never half-starts.
 */
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultRecordingPurposes } from '@assent/shared';
import { z } from 'zod';
import { parseTrustedProxies } from './http/trusted-proxies';
import { databaseDirOf, masterKeysSource, parseMasterKeys } from './vault/master-keys-source';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export type DatabaseConfig = { kind: 'sqlite'; filename: string } | { kind: 'postgres'; url: string };

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const secret = (what: string) => z.string().min(32, `${what} must be at least 32 characters`);

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATABASE_URL: z.string().default(`sqlite:${repoRoot}.data/assent.sqlite`),
  LIVEKIT_URL: z
    .string()
    .default('ws://127.0.0.1:7880')
    .refine((v) => /^wss?:\/\/[^/\s]+/.test(v), 'must be a ws:// or wss:// URL'),
  LIVEKIT_API_KEY: z.string().min(1, 'is required'),
  LIVEKIT_API_SECRET: secret('LIVEKIT_API_SECRET'),
  INVITE_SECRET: secret('INVITE_SECRET'),
  AUTH_SECRET: secret('AUTH_SECRET'),
  AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().max(10_000).default(10),
  AUTH_SIGN_IN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().max(1000).default(10),
  AUTH_ACCOUNT_LOCK_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .default(15),
  SESSION_MAX_AGE_DAYS: z.coerce.number().positive().max(365).default(30),
  PASSWORD_RESET_TTL_MINUTES: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 60)
    .default(60),
  // Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed.
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .superRefine((text, ctx) => {
      try {
        parseTrustedProxies(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  PASSKEY_RP_ID: z
    .string()
    .regex(/^[a-z0-9.-]+$/, 'must be a host name such as assent.example.org')
    .optional(),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v) && URL.canParse(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Assent <no-reply@assent.invalid>'),
  LINK_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(24 * 7),
  PUBLIC_URL: z
    .string()
    .default('http://127.0.0.1:8787')
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), 'must be an http(s) URL'),
  INVITE_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(72),
  WEB_DIST_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  // RECORDING_PURPOSES and RECORDING_RETENTION_DAYS only seed version 1 of the organisation's policy
  // on a fresh database (policy/default-policy.ts). From then on the policy, edited by admins, is what
  // counts: changing these variables changes nothing. Who may watch comes from the policy's roles.
  RECORDING_PURPOSES: z
    .string()
    .default(defaultRecordingPurposes.join(','))
    .transform((v) => [
      ...new Set(
        v
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean),
      ),
    ])
    .refine(
      (list) => list.length > 0 && list.every((p) => /^[a-z][a-z0-9_]{0,59}$/.test(p)),
      'must be a comma-separated list of ids such as quality_assurance',
    ),
  RECORDING_RETENTION_DAYS: z.coerce.number().int().positive().max(3650).default(90),
  RECORDINGS_DIR: z
    .string()
    .default(`${repoRoot}.data/recordings`)
    .refine((v) => isAbsolute(v), 'must be an absolute path'),
  RECORDING_LAYOUT_URL: z
    .string()
    .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), 'must be an http(s) URL')
    .optional(),
  EGRESS_ACTIVE_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(20),
  RECONCILE_INTERVAL_SECONDS: z.coerce.number().positive().max(3600).default(15),
  // How often the calendar worker looks for due invitations, changes, cancellations and reminders.
  ASSENT_JOB_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(15_000),
  EGRESS_START_TIMEOUT_SECONDS: z.coerce.number().positive().max(120).default(10),
  VAULT_DIR: z
    .string()
    .default(`${repoRoot}.data/vault`)
    .refine((v) => isAbsolute(v), 'must be an absolute path'),
  // Key-encryption keys as `id:base64url,id2:base64url`; kept out of the database on purpose.
  VAULT_MASTER_KEYS: z
    .string()
    .superRefine((text, ctx) => {
      try {
        parseMasterKeys(text);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    })
    .optional(),
  // Or a file holding them, outside the data directories (see vault/master-keys-source.ts).
  VAULT_MASTER_KEYS_FILE: z.string().optional(),
  VAULT_CURRENT_KEY_ID: z.string().min(1).optional(),
  VAULT_SWEEP_INTERVAL_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(60),
  // The Python that runs the transcription worker: the one scripts/ensure-transcriber.sh prints, which the
  // README's start and test commands export. Unset: no transcripts are made; everything else runs.
  ASSENT_TRANSCRIBER_PYTHON: z
    .string()
    .refine((v) => isAbsolute(v), 'must be an absolute path')
    .refine((v) => existsSync(v), 'names no file: run scripts/ensure-transcriber.sh, which prints it')
    .optional(),
  // A larger CTranslate2 Whisper model directory of the organisation's own; unset: the pinned tiny.en.
  ASSENT_TRANSCRIBER_MODEL_DIR: z
    .string()
    .refine((v) => isAbsolute(v), 'must be an absolute path')
    .refine((v) => existsSync(`${v}/model.bin`), 'must be a directory holding a model.bin')
    .optional(),
  ASSENT_TRANSCRIBER_THREADS: z.coerce.number().int().min(1).max(64).default(2),
  // How long one recording may take to transcribe before the worker is stopped and the job fails.
  ASSENT_TRANSCRIBER_TIMEOUT_SECONDS: z.coerce
    .number()
    .positive()
    .max(24 * 3600)
    .default(1800),
});

export interface Config {
  readonly host: string;
  readonly port: number;
  readonly database: DatabaseConfig;
  readonly livekit: {
    /** What browsers connect to. */
    readonly url: string;
    /** The same server over http(s), for server-side API calls. */
    readonly apiUrl: string;
    readonly apiKey: string;
    readonly apiSecret: string;
  };
  readonly inviteSecret: string;
  readonly auth: AuthConfig;
  readonly mail: MailConfig;
  /** ASSENT_JOB_POLL_MS: the calendar worker's poll interval. */
  readonly jobPollMs: number;
  /** Origin used in invite links, without a trailing slash. */
  readonly publicUrl: string;
  readonly inviteTtlHours: number;
  readonly webDistDir: string | undefined;
  readonly logLevel: (typeof logLevels)[number];
  readonly recording: RecordingConfig;
  readonly vault: VaultConfig;
  /** Unset when ASSENT_TRANSCRIBER_PYTHON is: transcription is off and the server runs without it. */
  readonly transcriber: TranscriberConfig | undefined;
}

/** The faster-whisper worker (transcripts/whisper-transcriber.ts) the server starts on first use. */
export interface TranscriberConfig {
  /** ASSENT_TRANSCRIBER_PYTHON: the virtual environment's python. */
  readonly python: string;
  /** ASSENT_TRANSCRIBER_MODEL_DIR; undefined: the pinned tiny.en the environment ships. */
  readonly modelDir: string | undefined;
  /** ASSENT_TRANSCRIBER_THREADS: CPU threads the worker's engine uses. */
  readonly threads: number;
  readonly timeoutSeconds: number;
}

/** Where encrypted recordings live and the keys that wrap their data keys. */
export interface VaultConfig {
  readonly dir: string;
  /** RECORDINGS_DIR: the only place the vault reads (or deletes) egress's plaintext from. */
  readonly recordingsDir: string;
  /** VAULT_MASTER_KEYS, or VAULT_MASTER_KEYS_FILE's content (validated); `parseMasterKeys` turns it into keys. */
  readonly masterKeys: string;
  /** New data keys are wrapped under this one; the last listed key unless VAULT_CURRENT_KEY_ID names one. */
  readonly currentKeyId: string;
  readonly sweepIntervalMinutes: number;
}

export interface AuthConfig {
  readonly secret: string;
  /** Failed or not, sign-in attempts allowed per client address per minute. */
  readonly signInAttemptsPerMinute: number;
  /** WebAuthn relying party: PUBLIC_URL's host name, or `localhost` when that is an IP address. */
  readonly passkeyRpId: string;
  /** How long invitation and enrolment links work. */
  readonly linkTtlHours: number;
  /** Failed sign-ins one account may have within `accountLockMinutes` before sign-in to it pauses. */
  readonly signInFailuresPerAccount: number;
  readonly accountLockMinutes: number;
  /** A session ends this long after sign-in, however active it is. */
  readonly sessionMaxAgeDays: number;
  /** How long a password reset link works. */
  readonly passwordResetTtlMinutes: number;
  /** Reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For names the caller; none by default. */
  readonly trustedProxies: readonly string[];
}

export interface MailConfig {
  /** Unset: links are shown on the page to copy instead of being mailed. */
  readonly smtpUrl: string | undefined;
  readonly from: string;
}

/**
 * Recording settings. `purposes` and `retentionDays` are only the defaults version 1 of the
 * organisation's policy is written from on a fresh database; requests, prompts and retention follow
 * the policy in force (policy/), never these values.
 */
export interface RecordingConfig {
  /** RECORDING_PURPOSES: version 1's purpose ids. */
  readonly purposes: readonly string[];
  /** RECORDING_RETENTION_DAYS: version 1's retention for every purpose. */
  readonly retentionDays: number;
  /** Absolute directory egress writes recordings into. */
  readonly recordingsDir: string;
  /** The page egress opens to compose the recording: the web app's recording layout. */
  readonly layoutUrl: string;
  /** A recorder not capturing (EGRESS_ACTIVE) this long after its start is stopped and tried again. */
  readonly egressActiveTimeoutSeconds: number;
  readonly reconcileIntervalSeconds: number;
  readonly egressStartTimeoutSeconds: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseDatabaseUrl(url: string): DatabaseConfig | undefined {
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  if (url === 'sqlite::memory:') return { kind: 'sqlite', filename: ':memory:' };
  const filename = url.startsWith('sqlite:') ? url.slice('sqlite:'.length) : undefined;
  return filename ? { kind: 'sqlite', filename } : undefined;
}

/** Validates `env` (process.env by default) into a frozen Config, or throws a ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (`FOO=` in an env file) means "not set", so defaults apply.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const message =
        issue.code === 'invalid_type' && present[name] === undefined ? 'is required' : issue.message;
      return `  ${name}: ${message.replace(`${name} `, '')}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const database = parseDatabaseUrl(e.DATABASE_URL);
  if (!database) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_URL: must be sqlite:<path>, sqlite::memory: or a postgres:// URL',
    );
  }
  const keys = masterKeysSource(
    e,
    [e.VAULT_DIR, databaseDirOf(e.DATABASE_URL)].filter((d) => d !== undefined),
  );
  if (!keys.ok) throw new ConfigError(`Invalid configuration:\n  ${keys.problem}`);
  let keyIds: string[];
  try {
    keyIds = parseMasterKeys(keys.text).map((k) => k.id);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  VAULT_MASTER_KEYS_FILE: ${(error as Error).message}`);
  }
  const currentKeyId = e.VAULT_CURRENT_KEY_ID ?? keyIds[keyIds.length - 1] ?? '';
  if (!keyIds.includes(currentKeyId)) {
    throw new ConfigError(
      `Invalid configuration:\n  VAULT_CURRENT_KEY_ID: ${currentKeyId} is not one of VAULT_MASTER_KEYS' ids`,
    );
  }
  return deepFreeze({
    host: e.HOST,
    port: e.PORT,
    database,
    livekit: {
      url: e.LIVEKIT_URL,
      apiUrl: e.LIVEKIT_URL.replace(/^ws/, 'http'),
      apiKey: e.LIVEKIT_API_KEY,
      apiSecret: e.LIVEKIT_API_SECRET,
    },
    inviteSecret: e.INVITE_SECRET,
    auth: {
      secret: e.AUTH_SECRET,
      signInAttemptsPerMinute: e.AUTH_SIGN_IN_ATTEMPTS_PER_MINUTE,
      passkeyRpId: e.PASSKEY_RP_ID ?? rpIdFor(new URL(e.PUBLIC_URL).hostname),
      linkTtlHours: e.LINK_TTL_HOURS,
      signInFailuresPerAccount: e.AUTH_SIGN_IN_FAILURES_PER_ACCOUNT,
      accountLockMinutes: e.AUTH_ACCOUNT_LOCK_MINUTES,
      sessionMaxAgeDays: e.SESSION_MAX_AGE_DAYS,
      passwordResetTtlMinutes: e.PASSWORD_RESET_TTL_MINUTES,
      trustedProxies: parseTrustedProxies(e.TRUSTED_PROXIES),
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    jobPollMs: e.ASSENT_JOB_POLL_MS,
    publicUrl: new URL(e.PUBLIC_URL).origin,
    inviteTtlHours: e.INVITE_TTL_HOURS,
    webDistDir: e.WEB_DIST_DIR,
    logLevel: e.LOG_LEVEL,
    recording: {
      purposes: e.RECORDING_PURPOSES,
      retentionDays: e.RECORDING_RETENTION_DAYS,
      recordingsDir: e.RECORDINGS_DIR,
      layoutUrl: e.RECORDING_LAYOUT_URL ?? `${new URL(e.PUBLIC_URL).origin}/recording-layout/`,
      egressActiveTimeoutSeconds: e.EGRESS_ACTIVE_TIMEOUT_SECONDS,
      reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
      egressStartTimeoutSeconds: e.EGRESS_START_TIMEOUT_SECONDS,
    },
    vault: {
      dir: e.VAULT_DIR,
      recordingsDir: e.RECORDINGS_DIR,
      masterKeys: keys.text,
      currentKeyId,
      sweepIntervalMinutes: e.VAULT_SWEEP_INTERVAL_MINUTES,
    },
    transcriber: e.ASSENT_TRANSCRIBER_PYTHON
      ? {
          python: e.ASSENT_TRANSCRIBER_PYTHON,
          modelDir: e.ASSENT_TRANSCRIBER_MODEL_DIR,
          threads: e.ASSENT_TRANSCRIBER_THREADS,
          timeoutSeconds: e.ASSENT_TRANSCRIBER_TIMEOUT_SECONDS,
        }
      : undefined,
  });
}

/** WebAuthn refuses IP addresses as relying party ids; browsers treat `localhost` as the loopback one. */
function rpIdFor(hostname: string): string {
  return /^[\d.]+$/.test(hostname) || hostname.includes(':') || hostname.startsWith('[')
    ? 'localhost'
    : hostname;
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (child && typeof child === 'object') deepFreeze(child);
  }
  return Object.freeze(value);
}
