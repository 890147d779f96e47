/** `npm start`: runs Assent locally until Ctrl-C, and says which part died if one does. */
import { join } from 'node:path';
import { readyLines } from './first-run';
import { startStack } from './stack';

const say = (message: string) => console.log(`[assent] ${message}`);

async function main() {
  let stopping = false;
  const stack = await startStack({
    log: say,
    onUnexpectedExit: (name, reason) => {
      if (stopping) return;
      console.error(`[assent] ${name} stopped unexpectedly: ${reason}`);
      void shutdown(1);
    },
  });
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await stack.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  say('');
  for (const line of readyLines(stack.webUrl, stack.firstRun, join(stack.config.logDir, 'server.log')))
    say(line);
  say(`API docs: ${stack.webUrl}/api/docs · logs and data: ${stack.config.dataDir}`);
  say('Press Ctrl-C to stop everything.');
}

main().catch((err: unknown) => {
  console.error(`[assent] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
