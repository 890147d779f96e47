import { MyConsentTopic } from '@assent/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { useAssentStore } from '../store';
import { selectMyDecision, selectShouldAskConsent } from '../store/consent-selectors';
import { liveRecordingState } from '../test-support/live-recording-state';
import { ownDecisionFrom } from './own-decision';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const store = useAssentStore;

beforeEach(() => store.getState().resetConsent());

describe('own decision from a private data message', () => {
  it('reads the decision the server sent this person', () => {
    const payload = bytes({ requestId: 'r1', decision: 'withdrawn' });
    expect(ownDecisionFrom(payload, undefined, MyConsentTopic)).toEqual({
      requestId: 'r1',
      decision: 'withdrawn',
    });
  });

  it('ignores a message sent by a participant, whatever it says', () => {
    const payload = bytes({ requestId: 'r1', decision: 'consented' });
    expect(ownDecisionFrom(payload, { identity: 'p_other' }, MyConsentTopic)).toBeUndefined();
  });

  it('ignores other topics and anything that is not a decision', () => {
    expect(
      ownDecisionFrom(bytes({ requestId: 'r1', decision: 'consented' }), undefined, 'chat'),
    ).toBeUndefined();
    expect(
      ownDecisionFrom(bytes({ requestId: 'r1', decision: 'maybe' }), undefined, MyConsentTopic),
    ).toBeUndefined();
    expect(ownDecisionFrom(new Uint8Array([0xff, 0x00]), undefined, MyConsentTopic)).toBeUndefined();
  });

  it('answers the consent prompt and the withdrawal state like a command response does', () => {
    const state = liveRecordingState({ updatedAt: '2026-01-01T10:00:00Z' });
    const requestId = state.request?.requestId ?? '';
    store.getState().receiveRecordingState(state);
    expect(selectShouldAskConsent(store.getState())).toBe(true);
    const own = ownDecisionFrom(bytes({ requestId, decision: 'consented' }), undefined, MyConsentTopic);
    if (own) store.getState().receiveDecision(own.requestId, own.decision);
    expect(selectShouldAskConsent(store.getState())).toBe(false);
    // A decision on an older request says nothing about the current one.
    store.getState().receiveDecision('r_old', 'withdrawn');
    expect(selectMyDecision(store.getState())).toBe('consented');
  });
});
