/**
 * Child process for the throughput benchmark: serves the real app and, on another port, a bare Hono
 * route that only returns JSON, both in this one process (one core). Prepares sessions with an open
 * request whose people have not answered, so every consent the load sends is a durable write.
 */
import { Hono } from 'hono';
import { createBenchApp, sessionWithRequest } from './bench-app';
import { listen, reportReady } from './child-server';

const consents = Number(process.argv[2] ?? 12_000);
const bench = await createBenchApp();
const work: { token: string; requestId: string }[] = [];
while (work.length < consents) {
  const session = await sessionWithRequest(bench, 20);
  for (const token of session.tokens) work.push({ token, requestId: session.requestId });
}

const bare = new Hono().get('/bare', (c) => c.json({ ok: true }));

const appPort = await listen(bench.app.fetch);
const barePort = await listen(bare.fetch);
reportReady({ appPort, barePort, work }, bench.close);
