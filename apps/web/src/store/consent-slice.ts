import type { StateCreator } from 'zustand';
import type { AssentState } from './index';

/**
 * What the recording banner shows. The server is the only authority: this is filled from state it
 * pushes (room metadata), never from local guesses. Until the consent flow lands, recording is off.
 */
export type RecordingStatus =
  | { kind: 'off' }
  | { kind: 'waiting'; consented: number; required: number }
  | { kind: 'recording'; purpose: string }
  | { kind: 'stopped-withdrawn' };

export interface ConsentSlice {
  recording: RecordingStatus;
  setRecording: (recording: RecordingStatus) => void;
}

export const createConsentSlice: StateCreator<AssentState, [], [], ConsentSlice> = (set) => ({
  recording: { kind: 'off' },
  setRecording: (recording) => set({ recording }),
});

/** The banner's words, as listed in the spec's "What people see". */
export function recordingBannerText(status: RecordingStatus): string {
  switch (status.kind) {
    case 'off':
      return 'Not recording';
    case 'waiting':
      return `Waiting for consent (${status.consented} of ${status.required})`;
    case 'recording':
      return `Recording — ${status.purpose}`;
    case 'stopped-withdrawn':
      return 'Recording stopped — a participant withdrew consent';
  }
}
