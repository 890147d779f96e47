/** For a benchmark's child process: serve apps on loopback ports and exit when the parent says stop. */
import { serve } from '@hono/node-server';

export function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<number> {
  return new Promise((resolve) => {
    serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info) => resolve(info.port));
  });
}

/** Sends `ready` to the parent, then closes and exits on its 'stop'. */
export function reportReady(ready: object, close: () => Promise<void>): void {
  process.send?.(ready);
  process.on('message', async (message) => {
    if (message === 'stop') {
      await close();
      process.exit(0);
    }
  });
}
