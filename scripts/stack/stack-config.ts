/** Where the local stack lives and which loopback ports it uses; secrets generated once per data dir. */
import { createHash, randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';

export interface StackPorts {
  redis: number;
  livekit: number;
  livekitRtcTcp: number;
  livekitRtcUdp: number;
  server: number;
}

export interface StackSecrets {
  livekitApiKey: string;
  livekitApiSecret: string;
  inviteSecret: string;
  authSecret: string;
  /** VAULT_MASTER_KEYS: `id:base64url,...`, the last one current; `npm run vault:rotate-key` adds one. */
  vaultMasterKeys: string;
  /** The stack's Redis asks every client for it (LiveKit and egress are configured with it). */
  redisPassword: string;
}

export interface StackConfig {
  rootDir: string;
  dataDir: string;
  logDir: string;
  ports: StackPorts;
  secrets: StackSecrets;
  /** Set when the person points Assent at their own LiveKit (e.g. LiveKit Cloud): we start none. */
  externalLivekit?: { url: string };
  livekitBin?: string;
  egressBin?: string;
  databaseUrl: string;
  publicUrl: string;
  /** Where egress writes a recording while it is being made (the vault then encrypts it and deletes it). */
  recordingsDir: string;
}

export const defaultPorts: StackPorts = {
  redis: 6379,
  livekit: 7880,
  livekitRtcTcp: 7881,
  livekitRtcUdp: 7882,
  server: 8787,
};

/** One key-encryption key as VAULT_MASTER_KEYS lists it: `kek-<n>:<32 random bytes, base64url>`. */
export function newVaultMasterKey(n: number): string {
  return `kek-${n}:${randomBytes(32).toString('base64url')}`;
}

/** Reads the data dir's secrets, adding any a newer version needs (kept ones never change). */
function loadOrCreateSecrets(dataDir: string): StackSecrets {
  const file = join(dataDir, 'secrets.json');
  const kept: Partial<StackSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secrets: StackSecrets = {
    livekitApiKey: kept.livekitApiKey ?? `AK${randomBytes(9).toString('base64url')}`,
    livekitApiSecret: kept.livekitApiSecret ?? randomBytes(36).toString('base64url'),
    inviteSecret: kept.inviteSecret ?? randomBytes(36).toString('base64url'),
    authSecret: kept.authSecret ?? randomBytes(36).toString('base64url'),
    vaultMasterKeys: kept.vaultMasterKeys ?? newVaultMasterKey(1),
    redisPassword: kept.redisPassword ?? randomBytes(32).toString('base64url'),
  };
  if (Object.keys(kept).length !== Object.keys(secrets).length) {
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  chmodSync(file, 0o600);
  return secrets;
}

export function resolveStackConfig(
  env: NodeJS.ProcessEnv,
  overrides: { dataDir?: string; ports?: Partial<StackPorts> } = {},
): StackConfig {
  const rootDir = resolve(import.meta.dirname, '../..');
  const dataDir = resolve(overrides.dataDir ?? env.ASSENT_DATA_DIR ?? join(rootDir, '.data'));
  const logDir = join(dataDir, 'logs');
  privateDir(dataDir);
  privateDir(logDir);
  const portFromEnv = (name: string) => (env[name] ? Number(env[name]) : undefined);
  const ports: StackPorts = {
    ...defaultPorts,
    ...stripUndefined({ server: portFromEnv('PORT'), livekit: portFromEnv('LIVEKIT_PORT') }),
    ...overrides.ports,
  };
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = env;
  const external = url && apiKey && apiSecret ? { url, apiKey, apiSecret } : undefined;
  const generated = loadOrCreateSecrets(dataDir);
  const secrets: StackSecrets = external
    ? { ...generated, livekitApiKey: external.apiKey, livekitApiSecret: external.apiSecret }
    : generated;
  return {
    rootDir,
    dataDir,
    logDir,
    ports,
    secrets,
    externalLivekit: external ? { url: external.url } : undefined,
    livekitBin: env.LIVEKIT_SERVER_BIN,
    egressBin: env.EGRESS_BIN,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${join(dataDir, 'assent.sqlite')}`,
    publicUrl: env.PUBLIC_URL ?? `http://127.0.0.1:${ports.server}`,
    recordingsDir: env.ASSENT_RECORDINGS_DIR ?? inMemoryRecordingsDir(dataDir) ?? join(dataDir, 'recordings'),
  };
}

/**
 * A recording being made lives in memory (tmpfs) where the machine has one, so its plaintext never
 * reaches a disk, a backup or a disk image; the vault encrypts it to disk as soon as egress finishes it.
 * One directory per data dir, so two stacks on one machine never share it.
 */
export function inMemoryRecordingsDir(dataDir: string): string | undefined {
  const shm = '/dev/shm';
  try {
    accessSync(shm, constants.W_OK);
  } catch {
    return undefined;
  }
  const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  return join(shm, `assent-${id}`, 'recordings');
}

/**
 * A directory only this user may enter (secrets, the database, logs with people's names and links). An
 * install made before this rule is tightened too; what is inside is then out of everyone else's reach.
 */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
