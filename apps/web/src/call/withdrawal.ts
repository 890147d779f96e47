// Withdrawing consent (rules 4 and 8): send it, and if the server has not confirmed it within a second of
// the click, stop publishing own camera and microphone until it does, so none of this person's media is
// captured.
// Free of React and LiveKit: the call wires in the real request, media and timers; tests fake them.

/** The outcome of one attempt to send the withdrawal. */
export type WithdrawAttemptResult =
  | { kind: 'confirmed' }
  /** Not known to have arrived (no answer, network down, server error): send it again. */
  | { kind: 'retry' }
  /** Refused for good (not allowed, not recognised): trying again will not help. */
  | { kind: 'refused'; message: string };

export interface MediaState {
  camera: boolean;
  microphone: boolean;
}

export type WithdrawalPhase =
  | { kind: 'sending' }
  | { kind: 'media-off' }
  | { kind: 'refused'; message: string }
  | { kind: 'confirmed' };

export interface WithdrawalTiming {
  /** How long the server gets to confirm before own media is stopped. */
  confirmWithinMs: number;
  /** An attempt with no answer after this long is given up on (it may still answer) and another sent. */
  attemptTimeoutMs: number;
  /** Pauses before successive retries; the last one repeats. */
  retryDelaysMs: readonly number[];
}

export const withdrawalTiming: WithdrawalTiming = {
  confirmWithinMs: 1000,
  attemptTimeoutMs: 3000,
  retryDelaysMs: [200, 500, 1000, 2000],
};

export interface WithdrawalDeps {
  /** Sends the withdrawal once. Called again for each retry; it must be idempotent. */
  attempt: () => Promise<WithdrawAttemptResult>;
  readMedia: () => MediaState;
  setMedia: (media: MediaState) => Promise<void>;
  onPhase: (phase: WithdrawalPhase) => void;
  setTimer: (run: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  timing?: WithdrawalTiming;
  /**
   * When the person asked, on `now`'s clock (the click's own time stamp). The second is counted from there:
   * a page that was busy when they clicked (a recorder starting up on the same machine) has already used
   * part of it before the withdrawal starts. Without it, the second starts now.
   */
  askedAt?: number;
  now?: () => number;
}

export interface Withdrawal {
  /** The server's confirmation arrived by another road (its private message, a state fetch). */
  confirm: () => void;
  /** Stop retrying (the person left the call). Media is left as it is. */
  dispose: () => void;
}

const mediaOff: MediaState = { camera: false, microphone: false };

/** What is left of the second to confirm in, counted from the click; never more than the whole second. */
export function confirmationLeftMs(confirmWithinMs: number, askedAt?: number, now?: number): number {
  if (askedAt === undefined || now === undefined) return confirmWithinMs;
  const spent = now - askedAt;
  if (!Number.isFinite(spent) || spent <= 0) return confirmWithinMs;
  return Math.max(0, confirmWithinMs - spent);
}

export function startWithdrawal(deps: WithdrawalDeps): Withdrawal {
  const timing = deps.timing ?? withdrawalTiming;
  /** `refused` still accepts a confirmation arriving by another road. */
  let state: 'running' | 'refused' | 'done' = 'running';
  let attempts = 0;
  /** Media as it was before this module turned it off; set only while it is off because of us. */
  let mediaBefore: MediaState | undefined;
  const timers = new Set<unknown>();

  const later = (run: () => void, ms: number) => {
    const handle = deps.setTimer(() => {
      timers.delete(handle);
      run();
    }, ms);
    timers.add(handle);
    return handle;
  };
  const clearAll = () => {
    for (const handle of timers) deps.clearTimer(handle);
    timers.clear();
  };

  const stopMedia = () => {
    if (mediaBefore) return;
    mediaBefore = deps.readMedia();
    void deps.setMedia(mediaOff).catch(() => undefined);
  };

  const finish = () => {
    if (state === 'done') return;
    state = 'done';
    clearAll();
    if (mediaBefore) {
      const restore = mediaBefore;
      mediaBefore = undefined;
      void deps.setMedia(restore).catch(() => undefined);
    }
    deps.onPhase({ kind: 'confirmed' });
  };

  const refuse = (message: string) => {
    if (state !== 'running') return;
    state = 'refused';
    clearAll();
    // Not confirmed, and never will be: media stays off (rule 8).
    stopMedia();
    deps.onPhase({ kind: 'refused', message });
  };

  const retryDelay = (n: number) =>
    timing.retryDelaysMs[Math.min(n - 1, timing.retryDelaysMs.length - 1)] ?? timing.confirmWithinMs;

  const send = () => {
    if (state !== 'running') return;
    attempts += 1;
    const thisAttempt = attempts;
    let settled = false;
    // A hung request must not hold up the next one; a late confirmation from it still counts.
    const timeout = later(() => {
      if (!settled && thisAttempt === attempts) later(send, retryDelay(thisAttempt));
    }, timing.attemptTimeoutMs);
    deps.attempt().then(
      (result) => {
        settled = true;
        deps.clearTimer(timeout);
        timers.delete(timeout);
        if (result.kind === 'confirmed') finish();
        else if (result.kind === 'refused') refuse(result.message);
        else if (thisAttempt === attempts) later(send, retryDelay(thisAttempt));
      },
      () => {
        settled = true;
        deps.clearTimer(timeout);
        timers.delete(timeout);
        if (thisAttempt === attempts) later(send, retryDelay(thisAttempt));
      },
    );
  };

  const mediaOffIn = confirmationLeftMs(timing.confirmWithinMs, deps.askedAt, deps.now?.());
  deps.onPhase({ kind: 'sending' });
  later(() => {
    if (state !== 'running') return;
    stopMedia();
    deps.onPhase({ kind: 'media-off' });
  }, mediaOffIn);
  send();

  return {
    confirm: finish,
    dispose: () => {
      state = 'done';
      clearAll();
    },
  };
}
