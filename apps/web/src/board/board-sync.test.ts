import { describe, expect, it } from 'vitest';
import { BoardLedger, BoardSender, type SyncElement, wins } from './board-sync';

const el = (id: string, version: number, versionNonce = 1): SyncElement => ({ id, version, versionNonce });

/** Timers the test moves by hand. */
function fakeTimers() {
  let now = 0;
  const due: { at: number; fn: () => void }[] = [];
  return {
    now: () => now,
    setTimeout: (fn: () => void, ms: number) => void due.push({ at: now + ms, fn }),
    advance(ms: number) {
      now += ms;
      for (;;) {
        const next = due.filter((t) => t.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        due.splice(due.indexOf(next), 1);
        next.fn();
      }
    },
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the merge rule', () => {
  it('prefers the higher version, then the lower nonce', () => {
    expect(wins(el('a', 2), el('a', 1))).toBe(true);
    expect(wins(el('a', 1), el('a', 2))).toBe(false);
    expect(wins(el('a', 3, 5), el('a', 3, 9))).toBe(true);
    expect(wins(el('a', 3, 9), el('a', 3, 5))).toBe(false);
    expect(wins(el('a', 3, 5), el('a', 3, 5))).toBe(false);
    expect(wins(el('a', 0), undefined)).toBe(true);
  });
});

describe('BoardLedger', () => {
  it('sends only what changed since it was last sent or received', () => {
    const ledger = new BoardLedger();
    const scene = [el('a', 1), el('b', 1)];
    expect(ledger.changed(scene)).toEqual(scene);
    ledger.note(scene);
    expect(ledger.changed(scene)).toEqual([]);
    expect(ledger.changed([el('a', 2), el('b', 1)])).toEqual([el('a', 2)]);
  });

  it('applies from a packet only what is newer, so its own echo applies nothing', () => {
    const ledger = new BoardLedger();
    ledger.note([el('a', 4)]);
    expect(ledger.incoming([el('a', 4)])).toEqual([]);
    expect(ledger.incoming([el('a', 3), el('b', 1)])).toEqual([el('b', 1)]);
    // Someone else's newer copy of an element this browser also drew is applied, and then known.
    expect(ledger.incoming([el('a', 5)])).toEqual([el('a', 5)]);
    expect(ledger.changed([el('a', 5)])).toEqual([]);
  });

  it('forgets everything before a whole load', () => {
    const ledger = new BoardLedger();
    ledger.note([el('a', 4)]);
    ledger.clear();
    expect(ledger.changed([el('a', 4)])).toEqual([el('a', 4)]);
  });
});

describe('BoardSender', () => {
  it('keeps one request in flight and sends the newest copy of what changed meanwhile', async () => {
    const timers = fakeTimers();
    const posted: SyncElement[][] = [];
    const answers: (() => void)[] = [];
    const sender = new BoardSender<SyncElement>({
      post: (elements) => {
        posted.push(elements);
        return new Promise<void>((resolve) => answers.push(resolve));
      },
      timers,
    });
    sender.send([el('a', 1)]);
    expect(posted).toEqual([[el('a', 1)]]);
    sender.send([el('a', 2)]);
    sender.send([el('a', 3), el('b', 1)]);
    timers.advance(100);
    expect(posted).toHaveLength(1);
    answers[0]?.();
    await flush();
    expect(posted).toEqual([[el('a', 1)], [el('a', 3), el('b', 1)]]);
    answers[1]?.();
    await flush();
    expect(sender.busy).toBe(false);
  });

  it('starts at most one request every 50 ms', async () => {
    const timers = fakeTimers();
    const posted: SyncElement[][] = [];
    const sender = new BoardSender<SyncElement>({
      post: async (elements) => void posted.push(elements),
      timers,
    });
    sender.send([el('a', 1)]);
    await flush();
    sender.send([el('a', 2)]);
    await flush();
    expect(posted).toHaveLength(1);
    timers.advance(49);
    expect(posted).toHaveLength(1);
    timers.advance(1);
    expect(posted).toEqual([[el('a', 1)], [el('a', 2)]]);
  });

  it('retries a failure that may pass, unless something newer replaced it, and drops a final refusal', async () => {
    const timers = fakeTimers();
    const posted: SyncElement[][] = [];
    let fail: 'retry' | 'final' | null = 'retry';
    const sender = new BoardSender<SyncElement>({
      post: async (elements) => {
        posted.push(elements);
        if (fail) throw new Error(fail);
      },
      isFinal: (error) => (error as Error).message === 'final',
      retryMs: 1000,
      timers,
    });
    sender.send([el('a', 1), el('b', 1)]);
    await flush();
    sender.send([el('b', 2)]);
    fail = null;
    timers.advance(999);
    expect(posted).toHaveLength(1);
    timers.advance(1);
    expect(posted[1]).toEqual([el('a', 1), el('b', 2)]);
    await flush();
    fail = 'final';
    timers.advance(50);
    sender.send([el('c', 1)]);
    await flush();
    timers.advance(5000);
    expect(posted).toHaveLength(3);
    expect(sender.busy).toBe(false);
  });

  it('tells when everything queued has been sent', async () => {
    const sender = new BoardSender<SyncElement>({ post: async () => {} });
    sender.send([el('a', 1)]);
    await sender.idle();
    expect(sender.busy).toBe(false);
  });
});
