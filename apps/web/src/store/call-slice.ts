import type { StateCreator } from 'zustand';
import type { AssentState } from './index';

/** Mirrors of the LiveKit room's own state, pushed by the room event subscriptions. */
export type CallConnection = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface CallSlice {
  connection: CallConnection;
  setConnection: (connection: CallConnection) => void;
  resetCall: () => void;
}

export const createCallSlice: StateCreator<AssentState, [], [], CallSlice> = (set) => ({
  connection: 'connecting',
  setConnection: (connection) => set({ connection }),
  resetCall: () => set({ connection: 'connecting' }),
});
