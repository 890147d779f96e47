import type { ConsentBanner } from '@assent/shared';
import type { StateCreator } from 'zustand';
import type { AssentState } from './index';

/**
 * What the recording banner shows. The server is the only authority: this is filled from the consent
 * state it pushes (room metadata, summarised by the shared `bannerFor`), never from local guesses.
 */
export interface ConsentSlice {
  banner: ConsentBanner;
  setBanner: (banner: ConsentBanner) => void;
}

export const notRecording: ConsentBanner = { kind: 'not_requested', text: 'Not recording' };

export const createConsentSlice: StateCreator<AssentState, [], [], ConsentSlice> = (set) => ({
  banner: notRecording,
  setBanner: (banner) => set({ banner }),
});
