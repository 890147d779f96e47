// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refitOnResize } from './refit-on-resize';

afterEach(() => {
  vi.useRealTimers();
});

describe('refitting the saved board', () => {
  it('fits once per frame after the window is resized, and no more once unsubscribed', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    const refit = vi.fn();
    const stop = refitOnResize(window, refit);
    window.dispatchEvent(new Event('resize'));
    window.dispatchEvent(new Event('resize'));
    expect(refit).not.toHaveBeenCalled();
    vi.advanceTimersToNextFrame();
    expect(refit).toHaveBeenCalledTimes(1);

    window.dispatchEvent(new Event('resize'));
    stop();
    vi.advanceTimersToNextFrame();
    window.dispatchEvent(new Event('resize'));
    vi.advanceTimersToNextFrame();
    expect(refit).toHaveBeenCalledTimes(1);
  });
});
