/**
 * Background work that polls: one pass at a time (a pass asked for while one runs shares it), the next
 * pass `intervalMs` after the last one ended, stopped by waiting for the pass in flight. Timers are
 * unref'd so a loop never keeps the process alive.
 */
export interface PollingLoop<T> {
  /** Runs a pass now, or joins the one already running. */
  runOnce(): Promise<T>;
  start(): void;
  /** No further pass starts; resolves when the one in flight (if any) has ended. */
  stop(): Promise<void>;
}

export function pollingLoop<T>(pass: () => Promise<T>, intervalMs: number): PollingLoop<T> {
  let running: Promise<T> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = true;

  function runOnce(): Promise<T> {
    if (!running) running = pass().finally(() => (running = undefined));
    return running;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      void runOnce()
        .catch(() => undefined)
        .finally(schedule);
    }, intervalMs);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      if (!stopped) return;
      stopped = false;
      void runOnce()
        .catch(() => undefined)
        .finally(schedule);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
