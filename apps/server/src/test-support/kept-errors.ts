/**
 * The test apps' error-level log lines, kept in memory (the last few) while tests run with logging off, so
 * a fixture that meets an unexpected 500 can say what the server logged instead of only "internal".
 */
import type { Logger } from 'pino';
import { createLogger } from '../logger';

const kept: string[] = [];
const keep = 8;

export function keptErrorsLogger(): Logger {
  return createLogger('error', {
    write(line: string) {
      kept.push(line.trim());
      if (kept.length > keep) kept.shift();
    },
  });
}

/** The last error lines the server logged in this worker, newest last, for a failure message. */
export function lastServerErrors(count = 3): string {
  return kept.slice(-count).join('\n') || '(the server logged no error)';
}
