import type { MeResponse } from '@assent/shared';
import { useEffect } from 'react';
import { create } from 'zustand';
import { fetchMe } from '../api/me';

// Who is signed in, for every page outside a call. Its own small store rather than a slice of the call's:
// it is needed on the first load, the call's state only once someone joins.

export type AccountStatus =
  | { kind: 'unknown' }
  | { kind: 'loading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'ready'; me: MeResponse };

interface AccountState {
  status: AccountStatus;
  /** Said once on the page after signing out ("You are signed out on every device"). */
  notice: string | null;
  load: () => Promise<void>;
  setMe: (me: MeResponse) => void;
  signedOut: (notice: string) => void;
  clearNotice: () => void;
}

export const useAccountStore = create<AccountState>()((set) => ({
  status: { kind: 'unknown' },
  notice: null,
  load: async () => {
    set((s) => (s.status.kind === 'ready' ? s : { status: { kind: 'loading' } }));
    try {
      set({ status: { kind: 'ready', me: await fetchMe() } });
    } catch (error) {
      set({ status: { kind: 'failed', error } });
    }
  },
  setMe: (me) => set({ status: { kind: 'ready', me }, notice: null }),
  signedOut: (notice) =>
    set((s) => ({
      notice,
      status: {
        kind: 'ready',
        me: {
          user: null,
          agreement: null,
          setupPending: s.status.kind === 'ready' && s.status.me.setupPending,
        },
      },
    })),
  clearNotice: () => set({ notice: null }),
}));

/** Who is signed in, asking the server the first time any page needs to know. */
export function useAccount(): AccountStatus {
  const status = useAccountStore((s) => s.status);
  const load = useAccountStore((s) => s.load);
  useEffect(() => {
    if (status.kind === 'unknown') void load();
  }, [status.kind, load]);
  return status;
}

/** The signed-in person, or null (signed out, or not known yet). */
export function signedInUser(status: AccountStatus): MeResponse['user'] {
  return status.kind === 'ready' ? status.me.user : null;
}
