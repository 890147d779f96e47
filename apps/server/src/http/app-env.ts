import type { Logger } from 'pino';
import type { Config } from '../config';
import type { ConsentService } from '../consent/consent-service';
import type { Db } from '../db/database';
import type { TalkObserver } from '../insights/talk-observer';
import type { EgressPort } from '../livekit/egress';
import type { RoomService } from '../livekit/room-service';
import type { Mailer } from '../mail/mailer';
import type { Auth } from '../people/auth';
import type { Vault } from '../vault/vault';

/** Everything the app needs from outside; tests pass their own. */
export interface AppDeps {
  config: Config;
  db: Db;
  logger: Logger;
  roomService: RoomService;
  egress: EgressPort;
  /** Built from the same db, egress and room service; shared with the reconciler. */
  consent: ConsentService;
  /** Encrypted recordings: ingest, playback keys, retention and the withdrawal rule. */
  vault: Vault;
  /** Injected so tests can move time; defaults to the real clock. */
  now?: () => Date;
  /** better-auth over `db`; built by `createApp` unless given. */
  auth?: Auth;
  /** Sends invitation mail over SMTP_URL; without it links are only shown on the page. */
  mailer?: Mailer;
  /** The talk-time observer the webhooks start and stop with each room; idle unless given. */
  talk?: TalkObserver;
}

export interface AppEnv {
  Variables: {
    deps: Required<AppDeps>;
    requestId: string;
    /** Request-scoped child logger carrying the request id. */
    logger: Logger;
  };
}
