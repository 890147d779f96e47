/**
 * The vault as the rest of the server uses it. Every change it makes (ingest, the withdrawal rule,
 * retention, key rotation, clean-up) runs on one queue, one at a time, so a recording is never being
 * encrypted while it is destroyed, and each step can assume the previous one finished. An open concern
 * or safeguarding report holds its session's recordings: neither retention nor the withdrawal rule
 * destroys them until it is closed. Plaintext leaves only through `openPlaintext`; the cipher and the
 * key store stay inside the vault.
 */
import { mkdir } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/database';
import type { PolicyBook } from '../policy/policy-book';
import type { KeyStore } from './crypto/key-store';
import { type RewrapResult, rewrapDataKeys } from './crypto/rewrap';
import type { DestroyReason } from './deletion-records';
import { destroyRecording } from './destroy';
import { collectFinishedSegments, ingestPending, type VaultFiles } from './ingest';
import { removeLeftovers } from './leftovers';
import { destroyAfterHold, destroyExpired } from './lifetime/retention-sweeper';
import { eraseWithdrawnSession, sessionsToErase } from './lifetime/withdrawal-erase';
import { type ByteRange, openPlaintext } from './plaintext';
import type { Recording } from './recording-repository';
import {
  openTranscript,
  removeTranscriptFiles,
  type SealedTranscript,
  sealTranscript,
  shredTranscriptOf,
} from './transcript-blobs';

export interface VaultDeps {
  db: Db;
  keys: KeyStore;
  files: VaultFiles;
  policies: PolicyBook;
  logger: Logger;
  now: () => Date;
  /** How often the sweeper runs (retention, catch-up, clean-up); it also runs at start. */
  sweepIntervalMs: number;
  /**
   * The session record kept outside the vault (the chat log), one sweeper per data class, run by the same
   * sweep on the same queue; composed in by the caller, since the vault may not load the folders above it.
   */
  sweepers?: readonly DataClassSweeper[];
}

const collectIntervalMs = 15_000;

/** What one data-class sweeper did in a sweep. */
export interface DataClassSweep {
  /** Destroyed by retention (counted as the sweeper counts: a chat log is a session's messages). */
  destroyed: number;
  /** Past their retention but kept: an open concern or safeguarding report holds their session. */
  held: number;
}

/** Destroys one class of session record past its retention (a deletion record for each). */
export interface DataClassSweeper {
  /** The name deletion records give it (their `purpose`) and the sweep's result reports it by. */
  dataClass: string;
  /** How the vault command's report names what it destroys, in the plural ("chat logs"). */
  plural: string;
  sweep(at: Date): Promise<DataClassSweep>;
}

export interface SweepResult {
  stored: number;
  erasedAfterWithdrawal: number;
  expired: number;
  /** Past their retention but kept: an open concern or safeguarding report holds their session. */
  held: number;
  /** Destroyed now that the hold that deferred their destruction has ended. */
  destroyedAfterHold: number;
  leftoversRemoved: number;
  /** What each data-class sweeper did, by its data class (`chat_log`). */
  dataClasses: Record<string, DataClassSweep>;
}

/** What a Range header asks of a recording, for whoever serves `openPlaintext` over HTTP. */
export { decideRange, type RangeDecision } from './crypto/byte-range';
export type { ByteRange } from './plaintext';

export interface Vault {
  readonly files: VaultFiles;
  /**
   * A stored recording's plaintext, `range` or all of it, decrypted as it streams; its data key is
   * wiped before this resolves (see `plaintext.ts`). Not on the queue: playback never waits for an ingest.
   */
  openPlaintext(recordingId: string, range?: ByteRange): Promise<Readable>;
  /**
   * Encrypts a transcript under its own fresh data key, on the queue (never racing a destruction or the
   * leftovers sweep); `commit` runs in the transaction that stores its wrapped key and may refuse (false:
   * nothing kept). True when kept.
   */
  storeTranscript(
    transcriptId: string,
    plaintext: Buffer,
    commit: (trx: Transaction<Database>, sealed: SealedTranscript) => Promise<boolean>,
  ): Promise<boolean>;
  /** A ready transcript's plaintext (its data key wiped before this resolves). Not on the queue. */
  openTranscript(transcriptId: string): Promise<Buffer>;
  /** Destroys a recording's transcript alone (its own retention); on the queue. True if one was destroyed. */
  destroyTranscript(
    recordingId: string,
    why: DestroyReason,
    inside?: (trx: Transaction<Database>) => Promise<boolean>,
  ): Promise<boolean>;
  /** Egress news arrived: ingest whatever finished. */
  collect(): Promise<number>;
  /**
   * Calls `listener` after any ingest that stored a recording (the transcript worker starts on it at once
   * instead of at its next poll). A listener must not throw; it is told, not awaited.
   */
  afterStored(listener: () => void): void;
  /** Someone withdrew in this session: apply the withdrawal rule now. */
  afterWithdrawal(sessionId: string): Promise<number>;
  /** Everything the schedule does, as of `at` (the clock by default). */
  sweep(at?: Date): Promise<SweepResult>;
  destroy(recording: Recording, why: DestroyReason): Promise<boolean>;
  /** Rewraps every data key not yet under the current key-encryption key (`start` does this too). */
  rewrapKeys(): Promise<RewrapResult>;
  /** Runs `work` on the vault's one queue, so it never races an ingest, a sweep or another destruction. */
  run<T>(work: () => Promise<T>): Promise<T>;
  start(): void;
  stop(): Promise<void>;
  /** Resolves when the queue is empty (tests, shutdown). */
  idle(): Promise<void>;
}

export function createVault(deps: VaultDeps): Vault {
  let queue: Promise<unknown> = mkdir(deps.files.dir, { recursive: true, mode: 0o700 });
  let timer: NodeJS.Timeout | undefined;
  let collector: NodeJS.Timeout | undefined;
  const storedListeners: (() => void)[] = [];

  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  }

  /** New files become recordings; those the erase rule already condemns are destroyed, not stored. */
  async function collectAndIngest() {
    await collectFinishedSegments(deps);
    let erasedAfterWithdrawal = 0;
    for (const sessionId of await sessionsToErase(deps)) {
      erasedAfterWithdrawal += await eraseWithdrawnSession(deps, deps.policies, sessionId);
    }
    const stored = await ingestPending(deps);
    if (stored > 0) for (const listener of storedListeners) listener();
    return { erasedAfterWithdrawal, stored };
  }

  const vault: Vault = {
    files: deps.files,
    openPlaintext: (recordingId, range) => openPlaintext(deps, recordingId, range),
    storeTranscript: (transcriptId, plaintext, commit) =>
      enqueue(() => sealTranscript(deps, transcriptId, plaintext, commit)),
    openTranscript: (transcriptId) => openTranscript(deps, transcriptId),
    destroyTranscript: (recordingId, why, inside) =>
      enqueue(async () => {
        const at = deps.now();
        const id = await deps.db.transaction().execute(async (trx) => {
          if (inside && !(await inside(trx))) return undefined;
          return shredTranscriptOf(trx, recordingId, why, at);
        });
        if (!id) return false;
        await removeTranscriptFiles(deps.files, id);
        return true;
      }),
    collect: () => enqueue(async () => (await collectAndIngest()).stored),
    afterStored: (listener) => {
      storedListeners.push(listener);
    },
    afterWithdrawal: (sessionId) => enqueue(() => eraseWithdrawnSession(deps, deps.policies, sessionId)),
    destroy: (recording, why) => enqueue(() => destroyRecording(deps, recording, why)),
    rewrapKeys: () => enqueue(() => rewrapDataKeys(deps)),
    sweep: (at) =>
      enqueue(async () => {
        const { stored, erasedAfterWithdrawal } = await collectAndIngest();
        const destroyedAfterHold = await destroyAfterHold(deps);
        const { destroyed: expired, held } = await destroyExpired(deps, at ?? deps.now());
        const leftoversRemoved = (await removeLeftovers(deps.db, deps.files)).length;
        const dataClasses: Record<string, DataClassSweep> = {};
        for (const sweeper of deps.sweepers ?? []) {
          dataClasses[sweeper.dataClass] = await sweeper.sweep(at ?? deps.now());
        }
        return {
          stored,
          erasedAfterWithdrawal,
          expired,
          held,
          destroyedAfterHold,
          leftoversRemoved,
          dataClasses,
        };
      }),
    start() {
      vault.rewrapKeys().catch((err) => deps.logger.error({ err }, 'key rotation failed'));
      const tick = () =>
        vault.sweep().then(
          (result) => deps.logger.info(result, 'vault sweep'),
          (err) => deps.logger.error({ err }, 'vault sweep failed'),
        );
      void tick();
      timer = setInterval(tick, deps.sweepIntervalMs);
      timer.unref();
      // Finished files are normally taken in when egress's webhook says so; this catches any missed.
      collector = setInterval(() => {
        vault.collect().catch((err) => deps.logger.error({ err }, 'vault ingest failed'));
      }, collectIntervalMs);
      collector.unref();
    },
    run: enqueue,
    async stop() {
      if (timer) clearInterval(timer);
      if (collector) clearInterval(collector);
      await vault.idle();
    },
    async idle() {
      let seen: Promise<unknown>;
      do {
        seen = queue;
        await seen;
      } while (seen !== queue);
    },
  };
  return vault;
}
