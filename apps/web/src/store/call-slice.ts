import type { StateCreator } from 'zustand';
import type { AssentState } from './index';

/** Mirrors of the LiveKit room's own state, pushed by the room event subscriptions. */
export type CallConnection = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface CallSlice {
  connection: CallConnection;
  /** Raw room metadata as last set by the server; the consent slice derives the banner from it. */
  roomMetadata: string | undefined;
  setConnection: (connection: CallConnection) => void;
  setRoomMetadata: (metadata: string | undefined) => void;
  resetCall: () => void;
}

export const createCallSlice: StateCreator<AssentState, [], [], CallSlice> = (set) => ({
  connection: 'connecting',
  roomMetadata: undefined,
  setConnection: (connection) => set({ connection }),
  setRoomMetadata: (roomMetadata) => set({ roomMetadata }),
  resetCall: () => set({ connection: 'connecting', roomMetadata: undefined }),
});
