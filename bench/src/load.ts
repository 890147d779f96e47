/** A small bounded HTTP load generator: N keep-alive connections, each sending one request at a time. */
import { Agent, request } from 'node:http';
import { type LatencySummary, summarize } from './stats';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  latency: LatencySummary;
}

function send(agent: Agent, port: number, req: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const r = request(
      { agent, host: '127.0.0.1', port, method: req.method, path: req.path, headers: req.headers },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

/** Runs until `seconds` pass or `next` has no more requests; counts non-2xx answers as errors. */
export async function load(
  port: number,
  options: { connections: number; seconds: number; next: () => LoadRequest | undefined },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  async function connection() {
    while (performance.now() < deadline) {
      const req = options.next();
      if (!req) return;
      const t0 = performance.now();
      const status = await send(agent, port, req).catch(() => 0);
      latencies.push(performance.now() - t0);
      if (status < 200 || status >= 300) errors += 1;
    }
  }
  await Promise.all(Array.from({ length: options.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return {
    requests: latencies.length,
    errors,
    seconds: Math.round(seconds * 1000) / 1000,
    perSecond: Math.round(latencies.length / seconds),
    latency: summarize(latencies),
  };
}
