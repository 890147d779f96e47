/**
 * The core every entry point builds the same way: the one policy book, the vault (whose sweep also runs
 * the data-class sweepers: the chat log's) and, where there is LiveKit to drive, the consent service with the vault's
 * withdrawal rule. The server, the vault command, the test app and the bench all compose it here; what
 * they pass in is what really differs between them (configuration, database, logger, clock, LiveKit).
 */
import type { Logger } from 'pino';
import { chatLogSweeper } from './chat/chat-sweeper';
import { eraseWithdrawnChatInCall } from './chat/chat-withdrawal-erase';
import type { Config } from './config';
import { type ConsentService, createConsentService } from './consent/consent-service';
import type { Db } from './db/database';
import type { EgressPort } from './livekit/egress';
import type { RoomService } from './livekit/room-service';
import { createPolicyBook, type PolicyBook } from './policy/policy-book';
import { transcriptSweeper } from './transcripts/transcript-sweeper';
import type { DataClassSweeper, Vault } from './vault/vault';
import { vaultFromConfig } from './vault/vault-from-config';

export interface CoreDeps {
  config: Pick<Config, 'recording' | 'vault'>;
  db: Db;
  logger: Logger;
  now: () => Date;
}

/** LiveKit as the consent service drives it: the real adapters, or the tests' and the bench's stand-ins. */
export interface LiveKitPorts {
  egress: EgressPort;
  roomService: RoomService;
}

export interface Core {
  policies: PolicyBook;
  vault: Vault;
  /** The data classes the vault's sweep destroys besides recordings, each by name. */
  sweepers: readonly DataClassSweeper[];
}

export interface CoreWithConsent extends Core {
  consent: ConsentService;
}

export function composeCore(deps: CoreDeps & LiveKitPorts): CoreWithConsent;
/** Without LiveKit (the vault command): the policy book and the vault only. */
export function composeCore(deps: CoreDeps): Core;
export function composeCore(deps: CoreDeps & Partial<LiveKitPorts>): Core | CoreWithConsent {
  const { config, db, logger, now } = deps;
  // One policy book: consent, the vault and the routes read the policy through it.
  const policies = createPolicyBook({ db, defaults: config.recording, now });
  // The chat log is session record too: the same sweep destroys it past its retention.
  const sweepers: DataClassSweeper[] = [chatLogSweeper({ db, policies, now })];
  // Transcripts are their own data class, with their own retention (they may outlive the media).
  sweepers.push(
    transcriptSweeper({ db, files: { dir: config.vault.dir, recordingsDir: config.vault.recordingsDir } }),
  );
  const vault = vaultFromConfig(config.vault, {
    db,
    policies,
    logger: logger.child({ component: 'vault' }),
    now,
    sweepers,
  });
  if (!deps.egress || !deps.roomService) return { policies, vault, sweepers };
  const livekit = { egress: deps.egress, roomService: deps.roomService };
  const consent = createConsentService({
    db,
    ...livekit,
    logger,
    recording: config.recording,
    policies,
    // The rule erases the session's recordings and the withdrawer's chat, both on the vault's queue.
    withdrawalRule: {
      afterWithdrawal: (sessionId) =>
        Promise.all([
          vault.afterWithdrawal(sessionId),
          vault.run(() =>
            eraseWithdrawnChatInCall(
              { db, policies, now, logger, roomService: livekit.roomService },
              sessionId,
            ),
          ),
        ]),
    },
    now,
  });
  return { policies, vault, sweepers, consent };
}
