/** The real server app on a fresh SQLite file, with LiveKit replaced by ports that answer at once. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@assent/server/src/app';
import { composeCore } from '@assent/server/src/compose-core';
import { loadConfig } from '@assent/server/src/config';
import { connectDatabase } from '@assent/server/src/db/connect';
import { migrateToLatest } from '@assent/server/src/db/migrate';
import { signInvite } from '@assent/server/src/invites/invite-token';
import type { EgressPort } from '@assent/server/src/livekit/egress';
import type { RoomService } from '@assent/server/src/livekit/room-service';
import { createLogger } from '@assent/server/src/logger';
import { type Auth, createAuth } from '@assent/server/src/people/auth';

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
    VAULT_MASTER_KEYS: 'bench-1:CQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQk',
    DATABASE_URL: `sqlite:${join(dir, 'bench.sqlite')}`,
    RECORDINGS_DIR: join(dir, 'recordings'),
    VAULT_DIR: join(dir, 'vault'),
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
    sendToRoom: async () => {},
    setCanPublish: async () => {},
    setMayShare: async () => {},
    muteTracks: async () => 0,
    setAttributes: async () => {},
    deleteRoom: async () => {},
  };
  const logger = createLogger('silent');
  const now = () => new Date();
  const { vault, consent } = composeCore({ config, db, logger, now, egress, roomService });
  const auth = createAuth({ db, config, now });
  const app = createApp({ config, db, logger, roomService, egress, consent, vault, now, auth });
  const { cookie: tutorCookie, userId: tutorUserId } = await signedInTutor(app, auth);
  return { app, db, config, consent, recorder, tutorCookie, tutorUserId, close: () => db.destroy() };
}

/** A tutor account made the way invitations make one, signed in through better-auth's own route. */
async function signedInTutor(
  app: ReturnType<typeof createApp>,
  auth: Auth,
): Promise<{ cookie: string; userId: string }> {
  const ctx = await auth.$context;
  const email = 'bench-tutor@example.org';
  const password = 'bench tutor password';
  const user = await ctx.internalAdapter.createUser(
    { name: 'Tutor', email, emailVerified: true, role: 'tutor' },
    { method: 'invitation' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await ctx.password.hash(password),
  });
  const res = await app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`bench sign-in failed: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, userId: user.id };
}

export type BenchApp = Awaited<ReturnType<typeof createBenchApp>>;

const origin = 'http://127.0.0.1:8787';

export async function post(
  app: BenchApp['app'],
  path: string,
  body: unknown,
  token?: string,
  cookie?: string,
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin };
  if (token) headers.authorization = `Bearer ${token}`;
  if (cookie) headers.cookie = cookie;
  const res = await app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<unknown>;
}

/**
 * A session of the bench tutor's with `students` enrolled adult students (whose own consent counts alone);
 * every person's invite token, the tutor's first, as their dashboards would hand them out.
 */
export async function benchSession(bench: BenchApp, students: number) {
  const at = new Date().toISOString();
  const studentIds = Array.from({ length: students }, () => crypto.randomUUID());
  if (students > 0) {
    await bench.db
      .insertInto('students')
      .values(
        studentIds.map((id, i) => ({
          id,
          name: `Student ${i}`,
          minor: 0,
          user_id: null,
          invitation_id: null,
          created_by_user_id: null,
          created_at: at,
        })),
      )
      .execute();
    // The tutor enrolled them (an invitation of theirs names each), so they may pick them.
    await bench.db
      .insertInto('invitations')
      .values(
        studentIds.map((id) => ({
          id: crypto.randomUUID(),
          kind: 'student' as const,
          token_hash: crypto.randomUUID(),
          email: null,
          role: 'student',
          invited_by_user_id: bench.tutorUserId,
          created_at: at,
          expires_at: at,
          used_at: null,
          used_by_user_id: null,
          student_id: id,
        })),
      )
      .execute();
  }
  const created = (await post(
    bench.app,
    '/api/sessions',
    { title: 'Bench session', studentIds },
    undefined,
    bench.tutorCookie,
  )) as {
    sessionId: string;
  };
  const people = await bench.db
    .selectFrom('people')
    .select(['id', 'role'])
    .where('session_id', '=', created.sessionId)
    .orderBy('position')
    .execute();
  const expiresAt = new Date(Date.now() + 3600_000);
  const tokens = await Promise.all(
    people.map((p) =>
      signInvite(bench.config.inviteSecret, { sid: created.sessionId, pid: p.id, role: p.role }, expiresAt),
    ),
  );
  return { sessionId: created.sessionId, personIds: people.map((p) => p.id), tokens };
}

/** A session with `invitees` adult students, each person's invite token, and the tutor's request. */
export async function sessionWithRequest(bench: BenchApp, invitees: number) {
  const { sessionId, personIds, tokens } = await benchSession(bench, invitees);
  const app = bench.app;
  const [tutor] = tokens;
  const requested = (await post(
    app,
    '/api/recording/request',
    { clientRequestId: crypto.randomUUID(), purpose: 'quality_assurance' },
    tutor,
  )) as { state: { request: { requestId: string } } };
  return {
    sessionId,
    invites: personIds.map((personId) => ({ personId })),
    tokens,
    requestId: requested.state.request.requestId,
  };
}
