import { create } from 'zustand';
import { type CallSlice, createCallSlice } from './call-slice';
import { type ConsentSlice, createConsentSlice } from './consent-slice';

export type AssentState = CallSlice & ConsentSlice;

/** The one store, combined from its slices once. Select one field per hook call. */
export const useAssentStore = create<AssentState>()((...a) => ({
  ...createCallSlice(...a),
  ...createConsentSlice(...a),
}));
