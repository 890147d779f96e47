// A live observer (reviewer or admin) is counted by the gate like anyone present: recording runs only
// once they too have consented, and their refusal stops it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cast } from '../test-support/consent-steps';
import { createConsentState, transition } from './consent-machine';
import { canRecord, consentProgress, countedParticipants } from './consent-policy';
import type { ConsentEvent, ConsentState } from './consent-types';

const others = ['tutor', 'adult', 'minor', 'guardian'] as const;
const policy = { guardianConsentMode: 'in_call', maxEgressFailures: 3 } as const;

function play(events: ConsentEvent[]): ConsentState {
  return events.reduce((state, event) => transition(state, event).state, createConsentState({ policy }));
}

const joinOf = (name: keyof typeof cast): ConsentEvent => ({
  type: 'participant_joined',
  identity: name,
  participant: cast[name],
});
const consentOf = (personId: string): ConsentEvent => ({ type: 'consent', requestId: 'r1', personId });
const request: ConsentEvent = {
  type: 'request',
  requestId: 'r1',
  purpose: 'quality_assurance',
  requestedBy: 'p-tutor',
  noticeVersion: 'notice-1',
};

/**
 * Who else is in the call besides the observer, in any order of joining: the tutor, maybe an adult
 * student, maybe a minor with their guardian (whose consent makes the minor's count).
 */
const company = fc.tuple(fc.boolean(), fc.boolean()).chain(([adult, minor]) => {
  const names: (typeof others)[number][] = ['tutor'];
  if (adult) names.push('adult');
  if (minor) names.push('minor', 'guardian');
  return fc.shuffledSubarray(names, { minLength: names.length });
});

describe('a live observer and the consent gate', () => {
  it('counts the observer, and records only once the observer consents too', () => {
    fc.assert(
      fc.property(company, fc.boolean(), (names, observerFirst) => {
        const present = names as (typeof others)[number][];
        const joins = present.map(joinOf);
        const everyoneElse = present.map((name) => consentOf(cast[name].personId));
        const events = observerFirst ? [joinOf('observer'), ...joins] : [...joins, joinOf('observer')];
        const waiting = play([...events, request, ...everyoneElse]);
        expect(countedParticipants(waiting)).toHaveLength(present.length + 1);
        expect(consentProgress(waiting)).toEqual({
          consented: present.length,
          total: present.length + 1,
        });
        expect(canRecord(waiting)).toBe(false);
        expect(canRecord(play([...events, request, ...everyoneElse, consentOf('p-observer')]))).toBe(true);
      }),
    );
  });

  it('stops a running recording when an observer joins, and when the observer withdraws', () => {
    const recording = play([
      joinOf('tutor'),
      joinOf('adult'),
      request,
      consentOf('p-tutor'),
      consentOf('p-adult'),
    ]);
    expect(canRecord(recording)).toBe(true);
    const joined = transition(recording, joinOf('observer')).state;
    expect(canRecord(joined)).toBe(false);
    const consented = transition(joined, consentOf('p-observer')).state;
    expect(canRecord(consented)).toBe(true);
    const withdrawn = transition(consented, { type: 'withdraw', requestId: 'r1', personId: 'p-observer' });
    expect(canRecord(withdrawn.state)).toBe(false);
  });
});
