/** Brings up the whole local stack in order and hands back a handle to stop it. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type FirstRun, waitForFirstRun } from './first-run';
import { egressService, pulseaudioService } from './recorder-services';
import { livekitService, livekitWsUrl, redisService, serverService } from './services';
import { resolveStackConfig, type StackConfig, type StackPorts } from './stack-config';
import { Supervisor } from './supervisor';

export interface Stack {
  config: StackConfig;
  supervisor: Supervisor;
  webUrl: string;
  livekitUrl: string;
  livekitHttpUrl: string;
  /** The server's word on the first administrator: its one-time link on a fresh install. */
  firstRun: FirstRun;
  stop: () => Promise<void>;
}

export interface StartStackOptions {
  dataDir?: string;
  ports?: Partial<StackPorts>;
  env?: NodeJS.ProcessEnv;
  /** Extra settings for the Assent server only (tests tune timeouts with these). */
  serverEnv?: NodeJS.ProcessEnv;
  onUnexpectedExit?: (name: string, reason: string) => void;
  log?: (message: string) => void;
}

export async function startStack(options: StartStackOptions = {}): Promise<Stack> {
  // SECURITY: everything the stack writes (database, vault, configs with secrets, logs) and everything its
  // processes create afterwards is this user's alone.
  process.umask(0o077);
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const config = resolveStackConfig(env, { dataDir: options.dataDir, ports: options.ports });
  const supervisor = new Supervisor(
    config.logDir,
    options.onUnexpectedExit ?? ((name, reason) => log(`${name} stopped unexpectedly: ${reason}`)),
    (name, reason) => log(`${name} stopped (${reason.split(';')[0]}); starting it again`),
  );
  let firstRun: FirstRun;
  try {
    if (!config.externalLivekit) {
      await supervisor.start(redisService(config));
      log(`redis      ready on 127.0.0.1:${config.ports.redis}`);
      await supervisor.start(
        livekitService(config, config.livekitBin ?? ensureBinary(config, 'ensure-livekit.sh')),
      );
      log(`livekit    ready on ${livekitWsUrl(config)}`);
      await supervisor.start(pulseaudioService(config));
      // Only this user may read recordings while they are being made.
      mkdirSync(config.recordingsDir, { recursive: true, mode: 0o700 });
      await supervisor.start(
        egressService(config, config.egressBin ?? ensureBinary(config, 'ensure-egress.sh')),
      );
      log(
        `egress     ready; recordings being made in ${config.recordingsDir}, encrypted into ${join(config.dataDir, 'vault')}`,
      );
    } else {
      log(`livekit    external at ${config.externalLivekit.url} (not started here)`);
    }
    const server = await supervisor.start(serverService(config, options.serverEnv));
    log(`server     ready on ${config.publicUrl}`);
    firstRun = await waitForFirstRun(server.logSinceStart);
  } catch (err) {
    await supervisor.stopAll();
    throw err;
  }
  const livekitUrl = livekitWsUrl(config);
  return {
    config,
    supervisor,
    webUrl: config.publicUrl,
    livekitUrl,
    livekitHttpUrl: livekitUrl.replace(/^ws/, 'http'),
    firstRun,
    stop: () => supervisor.stopAll(),
  };
}

/** The path a build script prints, building the binary first if needed. */
function ensureBinary(config: StackConfig, scriptName: string): string {
  const script = join(config.rootDir, 'scripts', scriptName);
  return execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}
