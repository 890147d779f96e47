/** The real server app on a fresh SQLite file, with LiveKit replaced by ports that answer at once. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@assent/server/src/app';
import { loadConfig } from '@assent/server/src/config';
import { createConsentService } from '@assent/server/src/consent/consent-service';
import { connectDatabase } from '@assent/server/src/db/connect';
import { migrateToLatest } from '@assent/server/src/db/migrate';
import type { EgressPort } from '@assent/server/src/livekit/egress';
import type { RoomService } from '@assent/server/src/livekit/room-service';
import { createLogger } from '@assent/server/src/logger';

export interface StopRecorder {
  /** performance.now() of each stop call, in order. */
  stops: number[];
}

export async function createBenchApp() {
  const dir = mkdtempSync(join(tmpdir(), 'assent-bench-'));
  const config = loadConfig({
    LIVEKIT_API_KEY: 'APIbenchkey',
    LIVEKIT_API_SECRET: 'bench-livekit-secret-0123456789-abcdefgh',
    INVITE_SECRET: 'bench-invite-secret-0123456789-abcdefghij',
    AUTH_SECRET: 'bench-auth-secret-0123456789-abcdefghijk',
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    RECORDINGS_DIR: join(dir, 'recordings'),
    LOG_LEVEL: 'silent',
  });
  const { db } = connectDatabase(config.database);
  await migrateToLatest(db);
  const recorder: StopRecorder = { stops: [] };
  let counter = 0;
  const egress: EgressPort = {
    async startRoomComposite() {
      counter += 1;
      return { egressId: `EG_bench_${counter}` };
    },
    async stop() {
      recorder.stops.push(performance.now());
      return 'stopped';
    },
    listActive: async () => [],
  };
  const roomService: RoomService = {
    listParticipants: async () => [],
    removeParticipant: async () => {},
    updateRoomMetadata: async () => {},
    sendPrivately: async () => {},
    setCanPublish: async () => {},
  };
  const logger = createLogger('silent');
  const now = () => new Date();
  const consent = createConsentService({ db, egress, roomService, logger, recording: config.recording, now });
  const app = createApp({ config, db, logger, roomService, egress, consent, now });
  return { app, db, consent, recorder, close: () => db.destroy() };
}

export type BenchApp = Awaited<ReturnType<typeof createBenchApp>>;

export async function post(app: BenchApp['app'], path: string, body: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

/** A session with `invitees` adult students, each person's invite token, and the tutor's request. */
export async function sessionWithRequest(app: BenchApp['app'], invitees: number) {
  const created = (await post(app, '/api/sessions', {
    title: 'Bench session',
    tutorName: 'Tutor',
    participants: Array.from({ length: invitees }, (_, i) => ({
      name: `Student ${i}`,
      role: 'student',
      minor: false,
    })),
  })) as { sessionId: string; invites: { personId: string; url: string }[] };
  const tokens = created.invites.map((i) => i.url.slice(i.url.indexOf('/join/') + 6));
  const [tutor] = tokens;
  const requested = (await post(
    app,
    '/api/recording/request',
    { clientRequestId: crypto.randomUUID(), purpose: 'quality_assurance' },
    tutor,
  )) as { state: { request: { requestId: string } } };
  return {
    sessionId: created.sessionId,
    invites: created.invites,
    tokens,
    requestId: requested.state.request.requestId,
  };
}
