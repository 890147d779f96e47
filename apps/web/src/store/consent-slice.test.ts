import type { LiveRecordingState } from '@assent/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { liveRecordingState } from '../test-support/live-recording-state';
import { selectMyDecision, selectShouldAskConsent } from './consent-selectors';
import { useAssentStore } from './index';

const stateAt = (updatedAt: string, patch: Partial<LiveRecordingState> = {}) =>
  liveRecordingState({ updatedAt, ...patch });

const store = useAssentStore;

beforeEach(() => store.getState().resetConsent());

describe('consent slice', () => {
  it('never lets an older state overwrite a newer one', () => {
    const newer = stateAt('2026-01-01T10:00:02Z', {
      status: 'recording',
      banner: 'Recording — safeguarding',
    });
    store.getState().receiveRecordingState(newer);
    store.getState().receiveRecordingState(stateAt('2026-01-01T10:00:01Z'));
    expect(store.getState().recording).toBe(newer);
  });

  it('asks a person who has not answered the current request, and stops asking once they answer', () => {
    store.getState().receiveRecordingState(stateAt('2026-01-01T10:00:00Z'));
    expect(selectShouldAskConsent(store.getState())).toBe(true);
    store
      .getState()
      .receiveConsentResponse({ state: stateAt('2026-01-01T10:00:01Z'), myDecision: 'consented' });
    expect(selectShouldAskConsent(store.getState())).toBe(false);
  });

  it('keeps an answer when a late pending attribute arrives for the same request', () => {
    store.getState().receiveDecision('r1', 'consented');
    store.getState().receiveDecision('r1', 'pending');
    store.getState().receiveRecordingState(stateAt('2026-01-01T10:00:00Z'));
    expect(selectMyDecision(store.getState())).toBe('consented');
  });

  it('treats a new request as unanswered: consent is never carried over', () => {
    store.getState().receiveDecision('r1', 'consented');
    const next = stateAt('2026-01-01T10:00:00Z');
    store
      .getState()
      .receiveRecordingState({ ...next, request: next.request && { ...next.request, requestId: 'r2' } });
    expect(selectMyDecision(store.getState())).toBe('pending');
  });

  it('does not ask while nothing is requested', () => {
    store
      .getState()
      .receiveRecordingState(
        stateAt('2026-01-01T10:00:00Z', { status: 'not_requested', banner: 'Not recording', request: null }),
      );
    expect(selectShouldAskConsent(store.getState())).toBe(false);
  });

  it('asks about an open request even while the previous recorder is still stopping', () => {
    store.getState().receiveRecordingState(stateAt('2026-01-01T10:00:03Z', { status: 'stopping' }));
    expect(selectShouldAskConsent(store.getState())).toBe(true);
  });

  it('does not ask about a request someone already refused', () => {
    const refused = stateAt('2026-01-01T10:00:04Z', { status: 'stopping' });
    if (refused.request) refused.request = { ...refused.request, open: false };
    store.getState().receiveRecordingState(refused);
    expect(selectShouldAskConsent(store.getState())).toBe(false);
  });

  it('asks again in a new participant session: a pending after forgetDecisions is taken', () => {
    const open = stateAt('2026-01-01T10:00:00Z');
    store.getState().receiveConsentResponse({ state: open, myDecision: 'consented' });
    store.getState().receiveDecision(open.request?.requestId ?? '', 'pending');
    expect(selectShouldAskConsent(store.getState())).toBe(false);
    store.getState().forgetDecisions();
    store.getState().receiveDecision(open.request?.requestId ?? '', 'pending');
    expect(selectShouldAskConsent(store.getState())).toBe(true);
  });
});
