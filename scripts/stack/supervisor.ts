/** Starts the stack's processes, waits for each to be healthy, and says which one died and why. */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, fchmodSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ServiceSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Resolves true once the service answers; `logSinceStart` is what it has logged in this run. */
  healthy: (logSinceStart: () => string) => Promise<boolean>;
  startupSeconds: number;
  /**
   * Start it again when it exits on its own. Egress exits by design after one of its recordings crashes
   * (a deployment's restart policy brings it back), so the stack does the same.
   */
  restartOnExit?: boolean;
}

export interface RunningService {
  spec: ServiceSpec;
  child: ChildProcess;
  logFile: string;
  /** What it has logged since this start. */
  logSinceStart: () => string;
  /** Set when we stop it on purpose, so its exit is not reported as a crash. */
  expectedExit?: boolean;
}

export class Supervisor {
  private readonly running = new Map<string, RunningService>();
  private stopping = false;

  constructor(
    private readonly logDir: string,
    private readonly onUnexpectedExit: (name: string, reason: string) => void,
    private readonly onRestart: (name: string, reason: string) => void = () => {},
  ) {}

  async start(spec: ServiceSpec): Promise<RunningService> {
    const logFile = join(this.logDir, `${spec.name}.log`);
    const startOffset = existsSync(logFile) ? statSync(logFile).size : 0;
    const logSinceStart = () => readFileSync(logFile).subarray(startOffset).toString('utf8');
    // Logs hold names, session titles and one-time links: this user's alone, also in an older install.
    const fd = openSync(logFile, 'a', 0o600);
    fchmodSync(fd, 0o600);
    const log = createWriteStream('', { fd });
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const service: RunningService = { spec, child, logFile, logSinceStart };
    this.running.set(spec.name, service);
    let exited: string | undefined;
    let healthyOnce = false;
    child.once('error', (err) => {
      exited = `could not start ${spec.command}: ${err.message}`;
    });
    child.once('exit', (code, signal) => {
      exited ??= signal ? `killed by ${signal}` : `exited with code ${code}`;
      if (this.running.get(spec.name)?.child === child) this.running.delete(spec.name);
      if (this.stopping || service.expectedExit) return;
      if (spec.restartOnExit && healthyOnce) this.restart(spec, exited);
      else this.onUnexpectedExit(spec.name, describeExit(exited, logFile));
    });
    const deadline = Date.now() + spec.startupSeconds * 1000;
    while (!(await spec.healthy(logSinceStart).catch(() => false))) {
      if (exited) throw new Error(`${spec.name} ${describeExit(exited, logFile)}`);
      if (Date.now() > deadline) {
        throw new Error(`${spec.name} was not healthy within ${spec.startupSeconds}s${tail(logFile)}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    healthyOnce = true;
    return service;
  }

  private restart(spec: ServiceSpec, reason: string) {
    this.onRestart(spec.name, reason);
    setTimeout(() => {
      if (this.stopping) return;
      this.start(spec).catch((err: unknown) =>
        this.onUnexpectedExit(spec.name, err instanceof Error ? err.message : String(err)),
      );
    }, 500);
  }

  /** Kills one service on purpose (fault tests), without reporting it as a crash. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const service = this.running.get(name);
    if (!service) return;
    service.expectedExit = true;
    await killAndWait(service.child, signal);
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    const services = [...this.running.values()].reverse();
    for (const service of services) await killAndWait(service.child, 'SIGTERM');
    this.running.clear();
  }
}

function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(child, 'SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    signalGroup(child, signal);
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

function describeExit(reason: string, logFile: string): string {
  return `${reason}${tail(logFile)}`;
}

function tail(logFile: string, lines = 15): string {
  try {
    const text = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n    ');
    return text ? `; last lines of ${logFile}:\n    ${text}` : '';
  } catch {
    return '';
  }
}
