/** A fully wired app over a real (migrated) test database, with a fake LiveKit room service and clock. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CreateSessionResponse, ErrorBody } from '@assent/shared';
import type { Logger } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createApp } from '../app';
import { composeCore } from '../compose-core';
import { type Config, loadConfig } from '../config';
import type { ConsentService } from '../consent/consent-service';
import { createReconciler, type ReconcilerDeps } from '../consent/reconciler';
import type { Db } from '../db/database';
import type { RoomService } from '../livekit/room-service';
import { createLogger } from '../logger';
import { type Auth, createAuth } from '../people/auth';
import type { Vault } from '../vault/vault';
import {
  createFakeEgress,
  createFakeRoomService,
  type FakeEgress,
  type FakeRoomService,
} from './fake-livekit';
import { keptErrorsLogger } from './kept-errors';
import { buildSession, sampleSpec, seatsOf } from './organisation';
import { clearTables, type OpenDatabase, type TestDatabase } from './test-databases';

export const testEnv = {
  LIVEKIT_URL: 'ws://127.0.0.1:7880',
  LIVEKIT_API_KEY: 'APItestkey',
  LIVEKIT_API_SECRET: 'livekit-test-secret-0123456789-abcdefghij',
  INVITE_SECRET: 'invite-test-secret-0123456789-abcdefghijk',
  AUTH_SECRET: 'auth-test-secret-0123456789-abcdefghijklm',
  VAULT_MASTER_KEYS: 'test-1:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc',
  PUBLIC_URL: 'http://assent.test',
  DATABASE_URL: 'sqlite::memory:',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
};

export interface TestApp {
  app: ReturnType<typeof createApp>;
  db: Db;
  config: Config;
  clock: { now: Date };
  egress: FakeEgress;
  roomService: FakeRoomService;
  consent: ConsentService;
  auth: Auth;
  vault: Vault;
}

export const fakeRoomService: RoomService = {
  listParticipants: async () => [],
  removeParticipant: async () => {},
  updateRoomMetadata: async () => {},
  sendPrivately: async () => {},
  sendToRoom: async () => {},
  setCanPublish: async () => {},
  setMayShare: async () => {},
  muteTracks: async () => 0,
  setAttributes: async () => {},
  deleteRoom: async () => {},
};

export function buildTestApp(
  db: Db,
  env: Record<string, string> = {},
  options: { logger?: Logger } = {},
): TestApp {
  // Each app its own vault directory, so no test sees another's files.
  const vaultDir = mkdtempSync(join(tmpdir(), 'assent-vault-'));
  const config = loadConfig({
    ...testEnv,
    VAULT_DIR: vaultDir,
    RECORDINGS_DIR: join(vaultDir, 'egress'),
    ...env,
  });
  const clock = { now: new Date() };
  const logger =
    options.logger ?? (process.env.TEST_LOG_LEVEL ? createLogger(config.logLevel) : keptErrorsLogger());
  const egress = createFakeEgress();
  const roomService = createFakeRoomService();
  const now = () => clock.now;
  const { vault, consent } = composeCore({ config, db, logger, now, egress, roomService });
  const auth = createAuth({ db, config, now, validateSchema: false });
  const app = createApp({ config, db, logger, roomService, egress, consent, vault, now, auth });
  return { app, db, config, clock, egress, roomService, consent, auth, vault };
}

/** Registers hooks that open and migrate `database` once per file and empty it before each test. */
export function useTestApp(database: TestDatabase): () => TestApp {
  let open: OpenDatabase | undefined;
  let current: TestApp | undefined;
  beforeAll(async () => {
    open = await database.open();
  });
  afterAll(async () => {
    await open?.close();
  });
  beforeEach(async () => {
    if (!open) throw new Error('test database did not open');
    await clearTables(open.db);
    current = buildTestApp(open.db);
  });
  afterEach(async () => {
    // Its vault directory (and the egress files under it) go with it.
    await current?.vault.idle();
    if (current) rmSync(current.config.vault.dir, { recursive: true, force: true });
  });
  return () => {
    if (!current) throw new Error('useTestApp: no app yet (call inside a test)');
    return current;
  };
}

export function postJson(app: TestApp['app'], path: string, body: unknown) {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Creates the sample session (tutor, a minor student, their guardian) and returns it with every seat's invite. */
export async function createSampleSession(t: TestApp): Promise<CreateSessionResponse> {
  const { created } = await buildSession(t, sampleSpec);
  const seats = await seatsOf(t, created.sessionId);
  return {
    ...created,
    invites: seats.map((seat) => ({
      personId: seat.personId,
      name: seat.name,
      role: seat.role,
      minor: seat.role === 'student',
      guardianOf: seat.role === 'guardian' ? ['Sam Student'] : [],
      url: `${t.config.publicUrl}/join/${seat.token}`,
      expiresAt: seat.expiresAt,
    })),
  };
}

export const inviteTokenOf = (url: string) => url.slice(url.indexOf('/join/') + '/join/'.length);

/** The `error` object of a standard error response. */
export async function errorOf(res: Response): Promise<ErrorBody['error']> {
  return ((await res.json()) as ErrorBody).error;
}

/** A reconciler over the test app's fakes, for tests that drive passes by hand. */
export function testReconciler(
  t: TestApp,
  options: { activeTimeoutMs?: number; talk?: ReconcilerDeps['talk'] } = {},
) {
  return createReconciler({
    db: t.db,
    consent: t.consent,
    roomService: t.roomService,
    egress: t.egress,
    logger: createLogger('silent'),
    intervalMs: 60_000,
    activeTimeoutMs: options.activeTimeoutMs,
    now: () => t.clock.now,
    talk: options.talk,
  });
}
