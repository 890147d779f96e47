/**
 * The join endpoint (invite check + lookup + LiveKit token) against a bare Hono route that only mints
 * the same token, served by one child process pinned to one core; the load generator runs on the other.
 * Rounds alternate bare/join so drift on a shared machine hits both alike.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type LoadResult, load } from './load';

interface Ready {
  appPort: number;
  barePort: number;
  inviteTokens: string[];
}

function pinned(core: number, args: string[]) {
  const canPin = spawnSync('taskset', ['-c', String(core), 'true']).status === 0;
  return canPin
    ? { command: 'taskset', args: ['-c', String(core), ...args] }
    : { command: args[0] ?? '', args: args.slice(1) };
}

export async function joinThroughput(options: { connections: number; seconds: number; rounds: number }) {
  spawnSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
  const server = fileURLToPath(new URL('./join-server.ts', import.meta.url));
  const { command, args } = pinned(1, [process.execPath, '--import', 'tsx', server]);
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`join bench server exited with ${code}`)));
  });
  const bare: LoadResult[] = [];
  const join: LoadResult[] = [];
  try {
    let index = 0;
    const nextJoin = () => {
      const inviteToken = ready.inviteTokens[index++ % ready.inviteTokens.length];
      return {
        method: 'POST' as const,
        path: '/api/join',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ inviteToken }),
      };
    };
    const nextBare = () => ({ method: 'POST' as const, path: '/bare-token' });
    // One short warm-up of each so the JIT has seen both paths.
    await load(ready.barePort, { connections: options.connections, seconds: 1, next: nextBare });
    await load(ready.appPort, { connections: options.connections, seconds: 1, next: nextJoin });
    for (let round = 0; round < options.rounds; round++) {
      bare.push(await load(ready.barePort, { ...options, next: nextBare }));
      join.push(await load(ready.appPort, { ...options, next: nextJoin }));
    }
  } finally {
    child.send('stop');
  }
  const best = (results: LoadResult[]) => results.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  return {
    bare: best(bare),
    join: best(join),
    ratio: best(join).perSecond / best(bare).perSecond,
    rounds: { bare, join },
  };
}
