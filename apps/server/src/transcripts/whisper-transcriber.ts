/**
 * The real `Transcriber`: the faster-whisper worker (apps/server/transcriber/transcribe.py) as a child
 * process the server starts on first use and keeps, speaking JSON lines over stdin/stdout. One request at a
 * time (the worker uses its CPU threads for one file); a worker that dies, hangs past the timeout or never
 * gets ready is ended and a new one starts with the next request. The worker gets none of the server's
 * environment (no secrets), has no network, and never writes the media or the text anywhere.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { TranscriberConfig } from '../config';
import type { Heard, Transcriber } from './transcriber';

export const workerScript = fileURLToPath(new URL('../../transcriber/transcribe.py', import.meta.url));

export type TranscriberErrorCode =
  /** The worker could not start or load its model. */
  | 'unavailable'
  /** No file at the path given. */
  | 'not_found'
  /** The file has no audio the worker can decode. */
  | 'unreadable'
  /** The engine failed on this file. */
  | 'failed'
  /** It took longer than the timeout; the worker was ended. */
  | 'timeout'
  /** The worker died while transcribing. */
  | 'worker_died'
  /** `stop()` was called. */
  | 'stopped';

export class TranscriberError extends Error {
  override name = 'TranscriberError';
  constructor(
    readonly code: TranscriberErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface WhisperTranscriberOptions extends TranscriberConfig {
  /** How long the worker may take to load its model; default 120 s. */
  readonly startupTimeoutSeconds?: number;
  readonly logger?: Logger;
}

const Ready = z.object({
  ready: z.boolean(),
  model: z.string().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
const Answer = z.union([
  z.object({
    id: z.string(),
    segments: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })),
    audioSeconds: z.number().nonnegative(),
    model: z.string(),
  }),
  z.object({
    id: z.string().nullable(),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
const workerErrorCodes = new Set<TranscriberErrorCode>(['not_found', 'unreadable', 'failed']);

interface Worker {
  child: ChildProcessWithoutNullStreams;
  /** The next line the worker writes, or why there is none (it exited). */
  nextLine(): Promise<string>;
  exited: Promise<void>;
}

export class WhisperTranscriber implements Transcriber {
  private worker: Worker | undefined;
  /** A worker still loading its model, so that stop() can end it too. */
  private starting: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private nextId = 1;

  constructor(private readonly options: WhisperTranscriberOptions) {}

  /** The running worker's process id, if one runs (for logs and tests). */
  get workerPid(): number | undefined {
    return this.worker?.child.pid;
  }

  transcribe(path: string): Promise<Heard> {
    const run = this.queue.then(() => this.transcribeNow(path));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Ends the worker at once (a transcript in progress fails with `stopped`) and refuses later calls. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.worker?.child.kill('SIGTERM');
    this.starting?.child.kill('SIGTERM');
    await this.endWorker(2000);
    await this.queue;
  }

  private async transcribeNow(path: string): Promise<Heard> {
    if (this.stopped) throw new TranscriberError('stopped', 'the transcriber was stopped');
    const worker = await this.readyWorker();
    const id = String(this.nextId++);
    const timeoutMs = this.options.timeoutSeconds * 1000;
    worker.child.stdin.write(`${JSON.stringify({ id, path })}\n`);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new TranscriberError('timeout', `no transcript within ${this.options.timeoutSeconds} s`)),
        timeoutMs,
      );
    });
    try {
      for (;;) {
        const line = await Promise.race([worker.nextLine(), timedOut]);
        const parsed = Answer.safeParse(safeJson(line));
        if (!parsed.success) {
          this.options.logger?.warn(
            { line: line.slice(0, 200) },
            'transcriber worker wrote a line that is not an answer',
          );
          continue;
        }
        const answer = parsed.data;
        if (answer.id !== id) continue; // one request at a time, answered in order: another id is not ours
        if ('error' in answer) {
          const code = workerErrorCodes.has(answer.error.code as TranscriberErrorCode)
            ? (answer.error.code as TranscriberErrorCode)
            : 'failed';
          throw new TranscriberError(code, answer.error.message);
        }
        return { segments: answer.segments, audioSeconds: answer.audioSeconds, model: answer.model };
      }
    } catch (error) {
      if (error instanceof TranscriberError && error.code === 'timeout') await this.endWorker(0);
      if (!(error instanceof TranscriberError)) {
        if (this.stopped) throw new TranscriberError('stopped', 'the transcriber was stopped');
        await this.endWorker(0);
        throw new TranscriberError('worker_died', `the transcriber worker died: ${(error as Error).message}`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async readyWorker(): Promise<Worker> {
    if (this.worker && this.worker.child.exitCode === null && this.worker.child.signalCode === null) {
      return this.worker;
    }
    this.worker = undefined;
    const worker = this.startWorker();
    this.starting = worker;
    const startupMs = (this.options.startupTimeoutSeconds ?? 120) * 1000;
    let timer: NodeJS.Timeout | undefined;
    try {
      const line = await Promise.race([
        worker.nextLine(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`not ready within ${startupMs / 1000} s`)), startupMs);
        }),
      ]);
      const ready = Ready.safeParse(safeJson(line));
      if (!ready.success || !ready.data.ready) {
        throw new Error(
          ready.success ? (ready.data.error?.message ?? 'not ready') : `said ${line.slice(0, 200)}`,
        );
      }
      if (this.stopped) throw new Error('stopped while loading');
      this.options.logger?.info(
        { pid: worker.child.pid, model: ready.data.model },
        'transcriber worker ready',
      );
      this.worker = worker;
      return worker;
    } catch (error) {
      worker.child.kill('SIGKILL');
      await worker.exited;
      if (this.stopped) throw new TranscriberError('stopped', 'the transcriber was stopped');
      throw new TranscriberError(
        'unavailable',
        `the transcriber worker did not start: ${(error as Error).message}`,
      );
    } finally {
      clearTimeout(timer);
      this.starting = undefined;
    }
  }

  private startWorker(): Worker {
    const { python, modelDir, threads, logger } = this.options;
    // -I: ignore PYTHON* variables and the user's site packages; the env carries nothing of the server's.
    const child = spawn(python, ['-I', '-u', workerScript], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        LANG: 'C.UTF-8',
        HF_HUB_OFFLINE: '1',
        OMP_NUM_THREADS: String(threads),
        ASSENT_TRANSCRIBER_THREADS: String(threads),
        ...(modelDir ? { ASSENT_TRANSCRIBER_MODEL_DIR: modelDir } : {}),
      },
    });
    const exited = new Promise<void>((resolve) => {
      child.once('close', () => resolve());
      child.once('error', () => resolve());
    });
    let spawnError: Error | undefined;
    child.once('error', (error) => {
      spawnError = error;
    });
    createInterface({ input: child.stderr }).on('line', (line) =>
      logger?.debug({ worker: line }, 'transcriber worker'),
    );
    const lines: string[] = [];
    const waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
    let ended = false;
    const reader = createInterface({ input: child.stdout });
    reader.on('line', (line) => {
      const next = waiting.shift();
      if (next) next.resolve(line);
      else lines.push(line);
    });
    void exited.then(() => {
      ended = true;
      const why = new Error(
        spawnError ? spawnError.message : `it exited (${child.exitCode ?? child.signalCode ?? 'unknown'})`,
      );
      for (const next of waiting.splice(0)) next.reject(why);
    });
    child.stdin.on('error', () => undefined); // a dead worker's closed pipe surfaces as its exit instead
    return {
      child,
      exited,
      nextLine: () => {
        const line = lines.shift();
        if (line !== undefined) return Promise.resolve(line);
        if (ended) {
          return Promise.reject(new Error(spawnError ? spawnError.message : 'it exited'));
        }
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
    };
  }

  /** Closes the worker's stdin (it exits when it has answered), then kills it after `graceMs`. */
  private async endWorker(graceMs: number): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    worker.child.stdin.end();
    if (graceMs === 0) worker.child.kill('SIGKILL');
    const timer = setTimeout(() => worker.child.kill('SIGKILL'), graceMs);
    await worker.exited;
    clearTimeout(timer);
  }
}

/** The server's transcriber, or undefined when transcription is off (no ASSENT_TRANSCRIBER_PYTHON). */
export function transcriberFromConfig(
  config: TranscriberConfig | undefined,
  logger?: Logger,
): WhisperTranscriber | undefined {
  return config ? new WhisperTranscriber({ ...config, logger }) : undefined;
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
