import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  confirmationLeftMs,
  type MediaState,
  startWithdrawal,
  type WithdrawAttemptResult,
  type WithdrawalPhase,
} from './withdrawal';

/** A withdrawal wired to fake timers, fake media and attempts answered by the test. */
function harness(
  media: MediaState = { camera: true, microphone: true },
  clock: { askedAt?: number; now?: () => number } = {},
) {
  const answers: Array<(result: WithdrawAttemptResult) => void> = [];
  const failures: Array<(error: Error) => void> = [];
  const phases: WithdrawalPhase['kind'][] = [];
  let current = { ...media };
  const setMedia = vi.fn(async (next: MediaState) => {
    current = { ...next };
  });
  const withdrawal = startWithdrawal({
    attempt: () =>
      new Promise<WithdrawAttemptResult>((resolve, reject) => {
        answers.push(resolve);
        failures.push(reject);
      }),
    readMedia: () => current,
    setMedia,
    onPhase: (phase) => phases.push(phase.kind),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    ...clock,
  });
  return {
    withdrawal,
    answers,
    failures,
    phases,
    setMedia,
    media: () => current,
    answer: async (n: number, result: WithdrawAttemptResult) => {
      answers[n]?.(result);
      await vi.advanceTimersByTimeAsync(0);
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('withdrawal', () => {
  it('leaves camera and microphone alone when the server confirms within a second', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(400);
    await h.answer(0, { kind: 'confirmed' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(h.setMedia).not.toHaveBeenCalled();
    expect(h.phases).toEqual(['sending', 'confirmed']);
  });

  it('turns own camera and microphone off after a second without confirmation, and back on once confirmed', async () => {
    const h = harness({ camera: true, microphone: false });
    await vi.advanceTimersByTimeAsync(999);
    expect(h.setMedia).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.media()).toEqual({ camera: false, microphone: false });
    expect(h.phases).toEqual(['sending', 'media-off']);

    await h.answer(0, { kind: 'confirmed' });
    expect(h.media()).toEqual({ camera: true, microphone: false });
    expect(h.phases).toEqual(['sending', 'media-off', 'confirmed']);
  });

  it('counts the second from the click: a page that handles the click late turns media off that much sooner', async () => {
    // Clicked at 5000; the page, busy with a recorder starting beside it, runs the handler at 5400.
    const h = harness({ camera: true, microphone: true }, { askedAt: 5000, now: () => 5400 });
    await vi.advanceTimersByTimeAsync(599);
    expect(h.setMedia).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.media()).toEqual({ camera: false, microphone: false });
    expect(h.phases).toEqual(['sending', 'media-off']);
  });

  it('turns media off at once when the click is handled more than a second late', async () => {
    const h = harness({ camera: true, microphone: true }, { askedAt: 5000, now: () => 6300 });
    expect(h.answers).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(h.media()).toEqual({ camera: false, microphone: false });
    expect(h.phases).toEqual(['sending', 'media-off']);
    await h.answer(0, { kind: 'confirmed' });
    expect(h.media()).toEqual({ camera: true, microphone: true });
  });

  it('never waits more than the second, whatever the click time says', () => {
    expect(confirmationLeftMs(1000)).toBe(1000);
    expect(confirmationLeftMs(1000, 5000, 5250)).toBe(750);
    expect(confirmationLeftMs(1000, 5000, 7000)).toBe(0);
    // A stamp from another clock (or none): the whole second, never longer.
    expect(confirmationLeftMs(1000, 9000, 5000)).toBe(1000);
    expect(confirmationLeftMs(1000, Number.NaN, 5000)).toBe(1000);
  });

  it('keeps retrying through failures until the withdrawal is confirmed', async () => {
    const h = harness();
    await h.answer(0, { kind: 'retry' });
    await vi.advanceTimersByTimeAsync(200);
    expect(h.answers).toHaveLength(2);
    h.failures[1]?.(new Error('network down'));
    await vi.advanceTimersByTimeAsync(500);
    expect(h.answers).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(300);
    expect(h.media()).toEqual({ camera: false, microphone: false });

    await h.answer(2, { kind: 'confirmed' });
    expect(h.media()).toEqual({ camera: true, microphone: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.answers).toHaveLength(3);
  });

  it('sends again when an attempt hangs, and accepts a late answer from the hung one', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(3000 + 200);
    expect(h.answers).toHaveLength(2);
    await h.answer(0, { kind: 'confirmed' });
    expect(h.phases.at(-1)).toBe('confirmed');
    expect(h.media()).toEqual({ camera: true, microphone: true });
  });

  it('keeps media off and stops retrying when the server refuses the withdrawal', async () => {
    const h = harness();
    await h.answer(0, { kind: 'refused', message: 'Not allowed' });
    expect(h.media()).toEqual({ camera: false, microphone: false });
    expect(h.phases).toEqual(['sending', 'refused']);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.answers).toHaveLength(1);
  });

  it('restores media when the confirmation arrives by another road', async () => {
    const h = harness();
    await vi.advanceTimersByTimeAsync(1500);
    h.withdrawal.confirm();
    expect(h.media()).toEqual({ camera: true, microphone: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.answers).toHaveLength(1);
  });

  it('stops retrying when disposed', async () => {
    const h = harness();
    h.withdrawal.dispose();
    await h.answer(0, { kind: 'retry' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(h.answers).toHaveLength(1);
    expect(h.setMedia).not.toHaveBeenCalled();
  });
});
