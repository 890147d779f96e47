/**
 * Child process for the join benchmark: serves the real app and, on another port, a bare Hono route that
 * only mints the same LiveKit token, both in this one process. Hands the parent a set of invite tokens.
 */

import { mintParticipantToken } from '@assent/server/src/livekit/tokens';
import { Hono } from 'hono';
import { benchSession, createBenchApp } from './bench-app';
import { listen, reportReady } from './child-server';

const bench = await createBenchApp();
const inviteTokens: string[] = [];
while (inviteTokens.length < 200) {
  inviteTokens.push(...(await benchSession(bench, 19)).tokens);
}

const credentials = { apiKey: 'APIbenchkey', apiSecret: 'bench-livekit-secret-0123456789-abcdefgh' };
const bare = new Hono().post('/bare-token', async (c) =>
  c.json({
    token: await mintParticipantToken(credentials, {
      roomName: 'rm_bench_room_0000000000',
      identity: 'p_bench_identity_000000',
      name: 'Student 0',
      role: 'student',
      personId: 'per_bench_0000000000000',
    }),
  }),
);

const appPort = await listen(bench.app.fetch);
const barePort = await listen(bare.fetch);
reportReady({ appPort, barePort, inviteTokens }, bench.close);
