import type { StateCreator } from 'zustand';
import type { AssentState } from './index';

/** Mirrors of the LiveKit room's own state, pushed by the room event subscriptions. */
export type CallConnection = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface CallSlice {
  connection: CallConnection;
  /**
   * The server does not let this person publish now (rule 5: they joined a running recording without
   * consenting). Camera and microphone stay off and their controls are disabled meanwhile.
   */
  publishHeld: boolean;
  setConnection: (connection: CallConnection) => void;
  setPublishHeld: (held: boolean) => void;
  resetCall: () => void;
}

export const createCallSlice: StateCreator<AssentState, [], [], CallSlice> = (set) => ({
  connection: 'connecting',
  publishHeld: false,
  setConnection: (connection) => set({ connection }),
  setPublishHeld: (publishHeld) => set({ publishHeld }),
  // The publish hold is set and cleared by its own hook, whose effect may run before this reset.
  resetCall: () => set({ connection: 'connecting' }),
});
