import type { ConsentCommandKind, ConsentCommandResponse, LiveRecordingState } from '@assent/shared';
import type { StateCreator } from 'zustand';
import type { AssentState } from './index';

/** A person's decision on one request, as the server reports it. */
export type ConsentDecisionValue = ConsentCommandResponse['myDecision'];

/** Where this person's own withdrawal stands (consent rule 8). */
export type WithdrawalStatus =
  | { kind: 'idle' }
  | { kind: 'sending' }
  /** Not confirmed within a second: own camera and microphone are off while it is retried. */
  | { kind: 'media-off' }
  /** The server refused it for good: media stays off, the person is told why. */
  | { kind: 'refused'; message: string }
  | { kind: 'confirmed' };

export interface CommandError {
  kind: ConsentCommandKind;
  message: string;
}

/**
 * The session's recording state and this person's part in it. The server is the only authority: it is
 * filled from what the server pushes (room metadata; the person's own decision, sent to them alone) and
 * from the state its command responses carry, never from local guesses.
 */
export interface ConsentSlice {
  /** The last state the server published; null before any. */
  recording: LiveRecordingState | null;
  /** This person's decisions by request id. */
  decisions: Readonly<Record<string, ConsentDecisionValue>>;
  /** Commands sent and not answered yet. */
  pendingCommands: Readonly<Partial<Record<ConsentCommandKind, true>>>;
  commandError: CommandError | null;
  withdrawal: WithdrawalStatus;
  receiveRecordingState: (state: LiveRecordingState) => void;
  receiveDecision: (requestId: string, decision: ConsentDecisionValue) => void;
  /** A command or state response: the state and the caller's decision on its request. */
  receiveConsentResponse: (response: ConsentCommandResponse) => void;
  setCommandPending: (kind: ConsentCommandKind, pending: boolean) => void;
  setCommandError: (error: CommandError | null) => void;
  setWithdrawal: (withdrawal: WithdrawalStatus) => void;
  resetConsent: () => void;
  /**
   * Rule 5: LiveKit gave this page a new participant session (a reconnect it could not resume): the
   * server ended the earlier presence and its yes, so the decisions held for it are done with.
   */
  forgetDecisions: () => void;
}

const initialConsent = {
  recording: null,
  decisions: {},
  pendingCommands: {},
  commandError: null,
  withdrawal: { kind: 'idle' } as WithdrawalStatus,
} satisfies Partial<ConsentSlice>;

/**
 * Whether `incoming` may replace `current`. State arrives by two roads (room metadata and HTTP
 * responses) that can cross: an older state never overwrites a newer one.
 */
export function isNotOlder(incoming: LiveRecordingState, current: LiveRecordingState | null): boolean {
  if (!current) return true;
  const a = Date.parse(incoming.updatedAt);
  const b = Date.parse(current.updatedAt);
  return Number.isNaN(a) || Number.isNaN(b) || a >= b;
}

/** A late `pending` (a private message crossing a command response) never undoes an answer. */
export function mergeDecision(
  current: ConsentDecisionValue | undefined,
  incoming: ConsentDecisionValue,
): ConsentDecisionValue {
  return incoming === 'pending' && current !== undefined ? current : incoming;
}

export const createConsentSlice: StateCreator<AssentState, [], [], ConsentSlice> = (set) => {
  const receiveDecision = (requestId: string, decision: ConsentDecisionValue) =>
    set((s) => {
      const next = mergeDecision(s.decisions[requestId], decision);
      return next === s.decisions[requestId] ? s : { decisions: { ...s.decisions, [requestId]: next } };
    });
  const receiveRecordingState = (recording: LiveRecordingState) =>
    set((s) => {
      if (!isNotOlder(recording, s.recording)) return s;
      const requestId = recording.request?.requestId;
      // A new request is a new question: what was said about the last one is done with.
      if (requestId && requestId !== s.recording?.request?.requestId) {
        const withdrawal = s.withdrawal.kind === 'confirmed' ? initialConsent.withdrawal : s.withdrawal;
        return { recording, withdrawal, commandError: null };
      }
      return { recording };
    });
  return {
    ...initialConsent,
    receiveRecordingState,
    receiveDecision,
    receiveConsentResponse: ({ state, myDecision }) => {
      receiveRecordingState(state);
      if (state.request) receiveDecision(state.request.requestId, myDecision);
    },
    setCommandPending: (kind, pending) =>
      set((s) => {
        const { [kind]: _done, ...others } = s.pendingCommands;
        return { pendingCommands: pending ? { ...others, [kind]: true } : others };
      }),
    setCommandError: (commandError) => set({ commandError }),
    setWithdrawal: (withdrawal) => set({ withdrawal }),
    resetConsent: () => set(initialConsent),
    forgetDecisions: () => set({ decisions: {} }),
  };
};
