import type { AudioCaptureOptions } from 'livekit-client';

/**
 * The browser's own voice processing, on from the start: echo cancellation (no feedback from the other
 * people's voices through the speakers), noise suppression and automatic gain. LiveKit's defaults say the
 * same today; stated here so a change there cannot turn them off unnoticed.
 */
export const voiceProcessing = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
} as const satisfies AudioCaptureOptions;
