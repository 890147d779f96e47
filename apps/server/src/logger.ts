import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

/** The server's logger; `destination` is stdout unless given (tests keep errors in memory). */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options = {
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
  };
  return destination ? pino(options, destination) : pino(options);
}
