/**
 * Consent endpoint throughput and latency over a real listening server (a child process, so the load
 * generator does not share its core), against a bare Hono JSON route served by the same process.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type LoadResult, load } from './load';

interface Ready {
  appPort: number;
  barePort: number;
  work: { token: string; requestId: string }[];
}

export async function consentThroughput(options: { connections: number; seconds: number; consents: number }) {
  const child = fork(
    fileURLToPath(new URL('./consent-server.ts', import.meta.url)),
    [String(options.consents)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  try {
    const bare: LoadResult = await load(ready.barePort, {
      ...options,
      next: () => ({ method: 'GET', path: '/bare' }),
    });
    let index = 0;
    const consent: LoadResult = await load(ready.appPort, {
      ...options,
      next: () => {
        const item = ready.work[index];
        index += 1;
        if (!item) return undefined;
        return {
          method: 'POST',
          path: '/api/recording/consent',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${item.token}` },
          body: JSON.stringify({ clientRequestId: crypto.randomUUID(), requestId: item.requestId }),
        };
      },
    });
    return {
      bare,
      consent,
      ranOutOfWork: index > ready.work.length,
      ratio: consent.perSecond / bare.perSecond,
    };
  } finally {
    child.send('stop');
  }
}
