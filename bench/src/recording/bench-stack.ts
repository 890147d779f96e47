/**
 * The recording benchmarks' own stack: Redis, livekit-server, PulseAudio, LiveKit Egress and the Assent
 * server on ports of their own (apart from the dev stack's defaults and both e2e stacks), with a fresh data
 * dir, whatever the shell says.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startIsolatedStack } from '../../../scripts/stack/isolated-stack';
import type { Stack } from '../../../scripts/stack/stack';
import type { StackPorts } from '../../../scripts/stack/stack-config';

export const benchPorts: StackPorts = {
  redis: 36379,
  livekit: 37880,
  livekitRtcTcp: 37881,
  livekitRtcUdp: 37882,
  server: 38787,
};

const rootDir = resolve(import.meta.dirname, '../../..');
export const benchDataDir = join(rootDir, '.data/bench-stack');

/** Egress opens this page of the built web app, served by our server; without it nothing records. */
const layoutPage = join(rootDir, 'apps/web/dist/recording-layout/index.html');

export interface BenchStack extends Stack {
  /** Services that died or were restarted while the bench ran, in order. */
  incidents: string[];
}

export async function startBenchStack(log: (message: string) => void): Promise<BenchStack> {
  if (!existsSync(layoutPage)) {
    throw new Error(
      'the recording layout page is not built (apps/web/dist/recording-layout/): run `npx turbo run build --filter=@assent/web` first',
    );
  }
  const incidents: string[] = [];
  const stack = await startIsolatedStack({
    dataDir: benchDataDir,
    ports: benchPorts,
    log: (message) => {
      if (message.includes('stopped')) incidents.push(message);
      log(message);
    },
    onUnexpectedExit: (name, reason) => {
      incidents.push(`${name} died: ${reason.split('\n')[0]}`);
      log(`${name} died: ${reason}`);
    },
  });
  return Object.assign(stack, { incidents });
}

/** Where the stack's egress config lives: the egress service is the process started with it. */
export const egressConfigPath = (stack: Stack) => join(stack.config.dataDir, 'egress.yaml');

/** Which build of the layout page egress recorded (results from different builds are not comparable). */
export function layoutPageFingerprint(): { file: string; sha256: string } {
  const sha256 = createHash('sha256').update(readFileSync(layoutPage)).digest('hex').slice(0, 16);
  return { file: 'apps/web/dist/recording-layout/index.html', sha256 };
}
