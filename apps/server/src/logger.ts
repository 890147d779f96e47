import pino, { type Logger } from 'pino';
import type { Config } from './config';

export function createLogger(level: Config['logLevel']): Logger {
  return pino({
    level,
    base: { service: 'assent-server' },
    // SECURITY: tokens must never reach logs, even if a later change logs a whole request or body.
    redact: {
      paths: [
        'token',
        'inviteToken',
        '*.token',
        '*.inviteToken',
        'req.headers.authorization',
        'authorization',
      ],
      censor: '[redacted]',
    },
  });
}
