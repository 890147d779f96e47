/**
 * Telling someone they are talking into a muted microphone. The level is read on this device only, from
 * a copy of the muted track; no sound or level leaves it. Pure threshold logic here; the hook feeds it.
 */

export interface SpeechDetectorOptions {
  /** RMS level (0…1) above which a frame counts as voice; the fake and real rooms' hiss sits far below. */
  threshold: number;
  /** How long voice must go on before it counts as speaking: a cough or a knock does not. */
  attackMs: number;
  /** Pauses between words shorter than this do not end a stretch of voice. */
  gapMs: number;
  /** How long the hint stays after the last voice. */
  releaseMs: number;
}

export const speechDefaults: SpeechDetectorOptions = {
  threshold: 0.02,
  attackMs: 300,
  gapMs: 250,
  releaseMs: 2500,
};

/** Root mean square of a frame of samples in -1…1. */
export function rms(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    sum += s * s;
  }
  return Math.sqrt(sum / samples.length);
}

export interface SpeechDetector {
  /** One level reading at `now` (ms); answers whether the person is speaking. */
  update(level: number, now: number): boolean;
}

export function createSpeechDetector(options: SpeechDetectorOptions = speechDefaults): SpeechDetector {
  let voiceSince: number | null = null;
  let lastVoice = Number.NEGATIVE_INFINITY;
  let speaking = false;
  return {
    update(level, now) {
      if (level >= options.threshold) {
        if (voiceSince === null || now - lastVoice > options.gapMs) voiceSince = now;
        lastVoice = now;
        if (now - voiceSince >= options.attackMs) speaking = true;
      } else if (now - lastVoice > options.gapMs) {
        voiceSince = null;
      }
      if (speaking && now - lastVoice >= options.releaseMs) speaking = false;
      return speaking;
    },
  };
}
