/**
 * Child process for the throughput benchmark: serves the real app and, on another port, a bare Hono
 * route that only returns JSON, both in this one process (one core). Prepares sessions with an open
 * request whose people have not answered, so every consent the load sends is a durable write.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createBenchApp, sessionWithRequest } from './bench-app';

const consents = Number(process.argv[2] ?? 12_000);
const bench = await createBenchApp();
const work: { token: string; requestId: string }[] = [];
while (work.length < consents) {
  const session = await sessionWithRequest(bench.app, 20);
  for (const token of session.tokens) work.push({ token, requestId: session.requestId });
}

const bare = new Hono().get('/bare', (c) => c.json({ ok: true }));

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<number> {
  return new Promise((resolve) => {
    serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(info.port));
  });
}

const appPort = await listen(bench.app.fetch);
const barePort = await listen(bare.fetch);
process.send?.({ appPort, barePort, work });
process.on('message', async (message) => {
  if (message === 'stop') {
    await bench.close();
    process.exit(0);
  }
});
