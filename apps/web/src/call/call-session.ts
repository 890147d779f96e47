import type { SessionRole } from '@assent/shared';
import { createContext, useContext } from 'react';
import type { ConsentCommands } from './consent-commands';

/** Who is in this call and the consent commands they can send, for the call page's components. */
export interface CallSession {
  inviteToken: string;
  role: SessionRole;
  commands: ConsentCommands;
}

export const CallSessionContext = createContext<CallSession | null>(null);

export function useCallSession(): CallSession {
  const session = useContext(CallSessionContext);
  if (!session) throw new Error('useCallSession outside the call page');
  return session;
}
