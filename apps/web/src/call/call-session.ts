import type { SessionRole } from '@assent/shared';
import { createContext, useContext } from 'react';
import type { ConsentScope } from '../ui/consent-scope';
import type { ConsentCommands } from './consent-commands';

/** Who is in this call and the consent commands they can send, for the call page's components. */
export interface CallSession {
  inviteToken: string;
  /** This person's seat in the session. */
  personId: string;
  role: SessionRole;
  /** Whose consent this person's counts with (rule 3), from their invite preview. */
  consentScope: ConsentScope;
  /** Opens, closes and locks the whiteboard, and draws while it is locked: the server says who (its `can`). */
  runsBoard: boolean;
  commands: ConsentCommands;
}

export const CallSessionContext = createContext<CallSession | null>(null);

export function useCallSession(): CallSession {
  const session = useContext(CallSessionContext);
  if (!session) throw new Error('useCallSession outside the call page');
  return session;
}
