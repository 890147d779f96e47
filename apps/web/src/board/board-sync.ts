/**
 * Keeps one browser's copy of the whiteboard in step with the server's, without the editor: what to send
 * after a local change, which incoming elements to apply, and the pacing of the requests. Pure apart from
 * the timers it is given, so it is tested without a browser or a server.
 *
 * The merge rule is the editor's own (see `BoardElement` in the shared board contract): of two copies of
 * an element the higher `version` wins; on equal versions the lower `versionNonce` wins.
 */

/** The fields of an element the sync reads; the rest travels as given. */
export interface SyncElement {
  id: string;
  version: number;
  versionNonce: number;
}

type Stamp = Pick<SyncElement, 'version' | 'versionNonce'>;

/** Whether copy `a` of an element wins over copy `b` (absent: `a` wins). */
export function wins(a: Stamp, b: Stamp | undefined): boolean {
  if (b === undefined) return true;
  return a.version > b.version || (a.version === b.version && a.versionNonce < b.versionNonce);
}

/** What this browser last sent or received of each element: a change is anything that wins over it. */
export class BoardLedger {
  private readonly known = new Map<string, Stamp>();

  /** The elements of the editor's scene that changed here since they were last sent or received. */
  changed<E extends SyncElement>(scene: readonly E[]): E[] {
    return scene.filter((e) => wins(e, this.known.get(e.id)));
  }

  /** Remembers copies that were sent, or loaded from the server. */
  note(elements: readonly SyncElement[]): void {
    for (const e of elements) {
      if (wins(e, this.known.get(e.id)))
        this.known.set(e.id, { version: e.version, versionNonce: e.versionNonce });
    }
  }

  /**
   * The elements of an incoming packet worth applying: those newer than what this browser knows. A packet
   * that is this browser's own echo carries nothing newer and so applies nothing.
   */
  incoming<E extends SyncElement>(elements: readonly E[]): E[] {
    const fresh = elements.filter((e) => wins(e, this.known.get(e.id)));
    this.note(fresh);
    return fresh;
  }

  /** Forgets everything (the whole board is loaded again). */
  clear(): void {
    this.known.clear();
  }
}

export interface Timers {
  now: () => number;
  setTimeout: (fn: () => void, ms: number) => unknown;
}

export interface SenderOptions<E extends SyncElement> {
  /** Sends one batch; resolves when the server accepted it. */
  post: (elements: E[]) => Promise<void>;
  /** A batch the server refused for good (say, the board was locked): not retried. */
  isFinal?: (error: unknown) => boolean;
  onError?: (error: unknown) => void;
  /** Least time between the starts of two requests. */
  intervalMs?: number;
  /** Wait before sending again after a failure that may pass. */
  retryMs?: number;
  maxBatch?: number;
  timers?: Timers;
}

/**
 * Paces the updates: one request in flight, at most one start per `intervalMs`, and whatever changed
 * meanwhile goes in the next request (only the newest copy of each element), so a freehand stroke streams
 * while it is drawn.
 */
export class BoardSender<E extends SyncElement> {
  private readonly outbox = new Map<string, E>();
  private inFlight = false;
  private scheduled = false;
  private lastStart = Number.NEGATIVE_INFINITY;
  private readonly timers: Timers;
  private readonly intervalMs: number;
  private readonly retryMs: number;
  private readonly maxBatch: number;
  private readonly idleWaiters: (() => void)[] = [];

  constructor(private readonly options: SenderOptions<E>) {
    this.timers = options.timers ?? { now: () => Date.now(), setTimeout: (fn, ms) => setTimeout(fn, ms) };
    this.intervalMs = options.intervalMs ?? 50;
    this.retryMs = options.retryMs ?? 1000;
    this.maxBatch = options.maxBatch ?? 500;
  }

  /** Queues changed elements and sends them as soon as the pacing allows. */
  send(elements: readonly E[]): void {
    for (const e of elements) {
      const queued = this.outbox.get(e.id);
      if (!queued || wins(e, queued)) this.outbox.set(e.id, e);
    }
    this.pump();
  }

  /** Whether anything is queued or on its way. */
  get busy(): boolean {
    return this.inFlight || this.outbox.size > 0;
  }

  /** Resolves once nothing is queued or in flight. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (this.inFlight || this.scheduled || this.outbox.size === 0) return;
    const wait = this.lastStart + this.intervalMs - this.timers.now();
    if (wait > 0) {
      this.scheduled = true;
      this.timers.setTimeout(() => {
        this.scheduled = false;
        this.pump();
      }, wait);
      return;
    }
    const batch = [...this.outbox.values()].slice(0, this.maxBatch);
    for (const e of batch) this.outbox.delete(e.id);
    this.inFlight = true;
    this.lastStart = this.timers.now();
    this.options.post(batch).then(
      () => this.settle(),
      (error: unknown) => {
        this.options.onError?.(error);
        if (this.options.isFinal?.(error)) return this.settle();
        // Put back what nothing newer replaced meanwhile, and try again later.
        for (const e of batch) {
          const queued = this.outbox.get(e.id);
          if (!queued || wins(e, queued)) this.outbox.set(e.id, e);
        }
        this.inFlight = false;
        this.scheduled = true;
        this.timers.setTimeout(() => {
          this.scheduled = false;
          this.pump();
        }, this.retryMs);
      },
    );
  }

  private settle(): void {
    this.inFlight = false;
    this.pump();
    if (!this.busy) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
