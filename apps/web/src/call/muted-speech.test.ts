import { describe, expect, it } from 'vitest';
import { createSpeechDetector, rms, speechDefaults } from './muted-speech';

/** Feeds one level every 100 ms from `start`; answers what the detector said after each. */
function feed(levels: number[], detector = createSpeechDetector(), start = 0) {
  return levels.map((level, i) => detector.update(level, start + i * 100));
}

const quiet = 0.003;
const voice = 0.08;

describe('speaking while muted', () => {
  it('stays silent for room hiss, however long', () => {
    expect(feed(Array(100).fill(quiet)).some(Boolean)).toBe(false);
  });

  it('does not count a knock or a cough shorter than the attack', () => {
    expect(feed([quiet, voice, voice, quiet, quiet, quiet, voice, quiet]).some(Boolean)).toBe(false);
  });

  it('counts voice that goes on past the attack, through short pauses between words', () => {
    //            0      100    200    300    400    500
    const said = feed([voice, voice, quiet, voice, voice, voice]);
    expect(said).toEqual([false, false, false, true, true, true]);
  });

  it('keeps the hint through the release time after the last voice, then drops it', () => {
    const detector = createSpeechDetector();
    feed([voice, voice, voice, voice], detector);
    expect(detector.update(quiet, 300 + speechDefaults.releaseMs - 100)).toBe(true);
    expect(detector.update(quiet, 300 + speechDefaults.releaseMs)).toBe(false);
  });

  it('starts over after a long pause: a new stretch needs the whole attack again', () => {
    const detector = createSpeechDetector();
    feed([voice, voice], detector);
    expect(detector.update(voice, 1000)).toBe(false);
    expect(detector.update(voice, 1100)).toBe(false);
    expect(detector.update(voice, 1300)).toBe(true);
  });

  it('takes the threshold as given: a level just below it is not voice', () => {
    const detector = createSpeechDetector({ ...speechDefaults, threshold: 0.05 });
    expect(feed([0.049, 0.049, 0.049, 0.049, 0.049], detector).some(Boolean)).toBe(false);
  });

  it('measures a frame by its root mean square', () => {
    expect(rms([])).toBe(0);
    expect(rms([0.5, -0.5, 0.5, -0.5])).toBeCloseTo(0.5);
    expect(rms(new Float32Array(128))).toBe(0);
  });
});
