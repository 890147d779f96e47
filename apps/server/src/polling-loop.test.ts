import { afterEach, describe, expect, it, vi } from 'vitest';
import { pollingLoop } from './polling-loop';

afterEach(() => vi.useRealTimers());

describe('pollingLoop', () => {
  it('runs a pass at start, then one per interval after the last ended, and never two at once', async () => {
    vi.useFakeTimers();
    let inFlight = 0;
    let most = 0;
    let passes = 0;
    const loop = pollingLoop(async () => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 50));
      inFlight -= 1;
      passes += 1;
    }, 100);
    loop.start();
    loop.start();
    void loop.runOnce();
    await vi.advanceTimersByTimeAsync(50);
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(99);
    expect(passes).toBe(1);
    await vi.advanceTimersByTimeAsync(51);
    expect(passes).toBe(2);
    expect(most).toBe(1);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes).toBe(2);
  });

  it('keeps polling after a failed pass, and stop waits for the pass in flight', async () => {
    vi.useFakeTimers();
    let calls = 0;
    let finished = false;
    const loop = pollingLoop(async () => {
      calls += 1;
      if (calls === 1) throw new Error('down');
      await new Promise((resolve) => setTimeout(resolve, 30));
      finished = true;
    }, 10);
    loop.start();
    await vi.advanceTimersByTimeAsync(15);
    expect(calls).toBe(2);
    const stopping = loop.stop();
    await vi.advanceTimersByTimeAsync(30);
    await stopping;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toBe(2);
  });
});
