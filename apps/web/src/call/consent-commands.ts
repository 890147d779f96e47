// The consent commands of one call: send them as this person, feed the answers into the store, and run
// a withdrawal to its confirmation (rules 4 and 8). Created once per call page.
import type { Room } from 'livekit-client';
import { ApiError } from '../api/client';
import {
  type AnswerKind,
  answerRecordingRequest,
  fetchRecordingState,
  newClientRequestId,
  requestRecording,
} from '../api/consent';
import { failureSentence } from '../api/failure-words';
import { useAssentStore } from '../store';
import { isRequestActive, selectMyDecision, selectRequestId } from '../store/consent-selectors';
import { startWithdrawal, type WithdrawAttemptResult, type Withdrawal } from './withdrawal';

export interface ConsentCommands {
  requestRecording: (purpose: string) => Promise<boolean>;
  /** consent, decline, or (tutor) cancel the current request. */
  answer: (kind: Exclude<AnswerKind, 'withdraw'>) => Promise<void>;
  /**
   * One click, no confirmation: consenting has none either. `askedAt` is the click's time stamp
   * (`event.timeStamp`, on `performance.now()`'s clock): the second before media goes off counts from it.
   */
  withdraw: (askedAt?: number) => void;
  /** Fetch the state and own decision once, on (re)connecting: a pre-join consent shows up here. */
  refreshState: () => Promise<void>;
  /** Send a consent given on the join page for `requestId` once this person is in the call. */
  consentOnArrival: (requestId: string) => void;
  /** Follow the store while the call page is mounted; returns the cleanup. */
  start: () => () => void;
}

/** Errors worth sending the same command again for: it may not have arrived. */
const transientCodes = new Set(['unreachable', 'internal', 'livekit_unavailable', 'conflict', 'not_in_call']);

export function createConsentCommands(inviteToken: string, room: Room): ConsentCommands {
  const store = useAssentStore;
  let withdrawal: Withdrawal | undefined;
  let pendingArrivalConsent: string | undefined;
  /** Own media is touched only while the call page is up: never turn a camera on after leaving. */
  let inCall = false;

  async function refreshState() {
    try {
      store.getState().receiveConsentResponse(await fetchRecordingState(inviteToken));
    } catch {
      // The room metadata still brings the state; this was only a shortcut.
    }
  }

  async function command(kind: Exclude<AnswerKind, 'withdraw'> | 'request', send: () => Promise<void>) {
    const { setCommandPending, setCommandError } = store.getState();
    setCommandPending(kind, true);
    setCommandError(null);
    try {
      await send();
      return true;
    } catch (error) {
      setCommandError({ kind, message: failureSentence(error, 'call-command') });
      if (
        error instanceof ApiError &&
        (error.code === 'request_stale' || error.code === 'no_active_request')
      ) {
        await refreshState();
      }
      return false;
    } finally {
      setCommandPending(kind, false);
    }
  }

  async function answer(kind: Exclude<AnswerKind, 'withdraw'>) {
    const requestId = selectRequestId(store.getState());
    if (!requestId) return;
    await command(kind, async () => {
      const response = await answerRecordingRequest(inviteToken, kind, {
        clientRequestId: newClientRequestId(),
        requestId,
      });
      store.getState().receiveConsentResponse(response);
    });
  }

  // One withdrawal: the request it targets follows the current one, with one client id per request so
  // every retry of it is applied once.
  let target: { requestId: string; clientRequestId: string } | undefined;
  async function attemptWithdrawal(): Promise<WithdrawAttemptResult> {
    const state = store.getState();
    const requestId = selectRequestId(state);
    if (!requestId || !isRequestActive(state.recording?.status)) return { kind: 'confirmed' };
    if (target?.requestId !== requestId) target = { requestId, clientRequestId: newClientRequestId() };
    try {
      const response = await answerRecordingRequest(inviteToken, 'withdraw', target);
      store.getState().receiveConsentResponse(response);
      return response.myDecision === 'consented' ? { kind: 'retry' } : { kind: 'confirmed' };
    } catch (error) {
      if (!(error instanceof ApiError) || transientCodes.has(error.code)) return { kind: 'retry' };
      if (error.code === 'request_stale' || error.code === 'no_active_request') {
        // The request moved on. Confirmed if the server holds no consent of ours for an active one.
        const fresh = await fetchRecordingState(inviteToken).catch(() => undefined);
        if (!fresh) return { kind: 'retry' };
        store.getState().receiveConsentResponse(fresh);
        const stillConsenting = fresh.myDecision === 'consented' && isRequestActive(fresh.state.status);
        return stillConsenting ? { kind: 'retry' } : { kind: 'confirmed' };
      }
      return { kind: 'refused', message: error.message };
    }
  }

  function withdraw(askedAt?: number) {
    const phase = store.getState().withdrawal.kind;
    if (phase === 'sending' || phase === 'media-off') return;
    withdrawal?.dispose();
    target = undefined;
    const { localParticipant } = room;
    // A shared screen is part of what was recorded: withdrawing ends it at once, for good (sharing again
    // is a new choice). Camera and microphone follow rule 8 below.
    if (localParticipant.isScreenShareEnabled) {
      void localParticipant.setScreenShareEnabled(false).catch(() => undefined);
    }
    withdrawal = startWithdrawal({
      attempt: attemptWithdrawal,
      readMedia: () => ({
        camera: localParticipant.isCameraEnabled,
        microphone: localParticipant.isMicrophoneEnabled,
      }),
      setMedia: async ({ camera, microphone }) => {
        if (!inCall) return;
        await Promise.all([
          localParticipant.setCameraEnabled(camera),
          localParticipant.setMicrophoneEnabled(microphone),
        ]);
      },
      onPhase: (phase) => store.getState().setWithdrawal(phase),
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      askedAt,
      now: () => performance.now(),
    });
  }

  // Confirmations that arrive through the room (the server's private message, metadata) count as well, and a join
  // page consent waits here until the call has the request it answers.
  const follow = (state: ReturnType<typeof store.getState>) => {
    const inFlight = state.withdrawal.kind === 'sending' || state.withdrawal.kind === 'media-off';
    if (inFlight && target && target.requestId === selectRequestId(state)) {
      const decision = selectMyDecision(state);
      if (decision === 'withdrawn' || decision === 'declined') withdrawal?.confirm();
    }
    if (pendingArrivalConsent && state.connection === 'connected') {
      const requestId = selectRequestId(state);
      if (requestId === pendingArrivalConsent) {
        pendingArrivalConsent = undefined;
        if (selectMyDecision(state) === 'pending') void answer('consent');
      }
    }
  };

  return {
    requestRecording: (purpose) =>
      command('request', async () => {
        const response = await requestRecording(inviteToken, {
          clientRequestId: newClientRequestId(),
          purpose,
        });
        store.getState().receiveConsentResponse(response);
      }),
    answer,
    withdraw,
    refreshState,
    consentOnArrival: (requestId) => {
      pendingArrivalConsent = requestId;
    },
    start: () => {
      inCall = true;
      const unsubscribe = store.subscribe(follow);
      // The banner has the server's word before the room has connected.
      void refreshState();
      return () => {
        // A withdrawal still unconfirmed keeps being sent after leaving: the consent record must hold it,
        // and a rejoin must not find the old consent standing.
        inCall = false;
        unsubscribe();
      };
    },
  };
}
