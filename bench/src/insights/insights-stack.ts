/**
 * The insights benchmarks' stack: Redis, livekit-server, PulseAudio, LiveKit Egress and the Assent server
 * on loopback ports of their own (apart from the dev stack, both e2e stacks and the recording bench), with
 * a fresh data dir per bench. Also: which processes are "the Assent server" and "livekit-server", to sample.
 */
import { join, resolve } from 'node:path';
import { startIsolatedStack } from '../../../scripts/stack/isolated-stack';
import type { Stack } from '../../../scripts/stack/stack';
import type { StackPorts } from '../../../scripts/stack/stack-config';
import type { TreeRoot } from '../recording/process-tree-usage';

export const insightsPorts: StackPorts = {
  redis: 46379,
  livekit: 47880,
  livekitRtcTcp: 47881,
  livekitRtcUdp: 47882,
  server: 48787,
};

const rootDir = resolve(import.meta.dirname, '../../..');

export interface InsightsStack extends Stack {
  /** Services that died or were restarted while the bench ran, in order. */
  incidents: string[];
}

export async function startInsightsStack(
  name: string,
  log: (message: string) => void,
  serverEnv?: NodeJS.ProcessEnv,
): Promise<InsightsStack> {
  const incidents: string[] = [];
  const stack = await startIsolatedStack({
    dataDir: join(rootDir, '.data', name),
    ports: insightsPorts,
    serverEnv,
    log: (message) => {
      if (message.includes('stopped')) incidents.push(message);
      log(message);
    },
    onUnexpectedExit: (service, reason) => {
      incidents.push(`${service} died: ${reason.split('\n')[0]}`);
      log(`${service} died: ${reason}`);
    },
  });
  return Object.assign(stack, { incidents });
}

/**
 * The Assent server this bench started (a child of this process: tsx, the node process running the
 * server below it, and anything the server starts, such as the transcription worker).
 */
export const assentServer: TreeRoot = (p) =>
  p.ppid === process.pid && p.commandLine.includes('apps/server/src/index.ts');

/** The livekit-server this bench started. */
export const livekitServer: TreeRoot = (p) =>
  p.ppid === process.pid && p.commandLine.includes('livekit.yaml');
