import { describe, expect, it, vi } from 'vitest';
import { createPublishHold } from './publish-hold';
import type { MediaState } from './withdrawal';

function harness(allowedAtJoin: boolean, chosen: MediaState = { camera: true, microphone: true }) {
  const held: boolean[] = [];
  let mayTurnOn = true;
  const setMedia = vi.fn(async (_media: MediaState) => {});
  const hold = createPublishHold({
    allowedAtJoin,
    chosen,
    setMedia,
    onHeld: (value) => held.push(value),
    mayTurnOn: () => mayTurnOn,
  });
  return { hold, held, setMedia, blockTurningOn: () => (mayTurnOn = false) };
}

describe('publish hold', () => {
  it('holds a joiner without consent, then turns on what they chose once allowed', () => {
    const h = harness(false, { camera: true, microphone: false });
    // LiveKit's first report on connect repeats what the token said: nothing changes, nothing is tried.
    h.hold.permissionChanged(false);
    expect(h.held).toEqual([]);
    expect(h.setMedia).not.toHaveBeenCalled();
    h.hold.permissionChanged(true);
    expect(h.held).toEqual([false]);
    expect(h.setMedia).toHaveBeenCalledExactlyOnceWith({ camera: true, microphone: false });
  });

  it('turns nothing on for someone who chose to join with camera and microphone off', () => {
    const h = harness(false, { camera: false, microphone: false });
    h.hold.permissionChanged(true);
    expect(h.setMedia).not.toHaveBeenCalled();
  });

  it('restores what the person last had, not what they chose on the join page', () => {
    const h = harness(true, { camera: true, microphone: true });
    h.hold.mediaChosen('camera', false);
    h.hold.permissionChanged(false);
    expect(h.held).toEqual([true]);
    // LiveKit took the tracks away: not a choice, and ignored while held.
    h.hold.mediaChosen('microphone', false);
    h.hold.permissionChanged(true);
    expect(h.setMedia).toHaveBeenCalledExactlyOnceWith({ camera: false, microphone: true });
  });

  it('leaves media off while an unconfirmed withdrawal keeps it off (rule 8)', () => {
    const h = harness(false);
    h.blockTurningOn();
    h.hold.permissionChanged(true);
    expect(h.held).toEqual([false]);
    expect(h.setMedia).not.toHaveBeenCalled();
  });

  it('never touches media after the call page is gone', () => {
    const h = harness(false);
    h.hold.dispose();
    h.hold.permissionChanged(true);
    expect(h.held).toEqual([]);
    expect(h.setMedia).not.toHaveBeenCalled();
  });

  it('shows no error when turning media on fails', async () => {
    const h = harness(false);
    h.setMedia.mockRejectedValueOnce(new Error('insufficient permissions'));
    h.hold.permissionChanged(true);
    await Promise.resolve();
    expect(h.held).toEqual([false]);
  });
});
