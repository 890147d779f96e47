// A yes holds for one continuous presence (rule 5): LiveKit's participant session, kept across a resume,
// ended by a leave, a reload, a disconnect timeout or a new participant session of the same identity.
import { describe, expect, it } from 'vitest';
import {
  active,
  type CastName,
  cast,
  consent,
  play,
  request,
  start,
  started,
  stop,
} from '../test-support/consent-steps';
import { createConsentState, transition } from './consent-machine';
import { canRecord, decisionOf } from './consent-policy';
import type { ConsentEvent, Participant } from './consent-types';

/** A participant session of `name` at its identity, with LiveKit's sid. */
const session = (name: CastName, sid: string, identity: string = name): ConsentEvent => ({
  type: 'participant_joined',
  identity,
  participant: { ...(cast[name] as Participant), sid },
});
const left = (identity: string, sid?: string): ConsentEvent => ({ type: 'participant_left', identity, sid });

/** Tutor (PA_t1) and adult student (PA_a1) present with sids, both consented to r1, egress e1 active. */
function recordingWithSids() {
  const { state, commands } = play(
    createConsentState(),
    session('tutor', 'PA_t1'),
    session('adult', 'PA_a1'),
    request('r1'),
    consent('r1', 'p-tutor'),
    consent('r1', 'p-adult'),
    started('e1'),
    active('e1'),
  );
  expect(commands).toEqual([start('r1')]);
  return state;
}

describe('a consent lasts one presence (rule 5)', () => {
  it('keeps the yes across a resume: the same participant session reported again', () => {
    const state = recordingWithSids();
    const resumed = play(
      state,
      session('adult', 'PA_a1'),
      { type: 'participant_reconnected', identity: 'adult' },
      { type: 'participant_reconnected', identity: 'adult', participant: { ...cast.adult, sid: 'PA_a1' } },
    );
    expect(resumed.commands).toEqual([]);
    expect(canRecord(resumed.state)).toBe(true);
  });

  it('a reload (new session joins before the old one is reported gone) stops the recording and asks again', () => {
    const reloaded = play(recordingWithSids(), session('adult', 'PA_a2'));
    expect(reloaded.commands).toEqual([stop('e1', 'consent_missing')]);
    expect(decisionOf(reloaded.state, 'p-adult')).toBe('pending');
    expect(decisionOf(reloaded.state, 'p-tutor')).toBe('consented');

    // The old session's leave arrives late: it is stale, the new presence stays.
    const late = transition(reloaded.state, left('adult', 'PA_a1'));
    expect(late.ignored).toBe('stale_presence');
    expect(late.state.participants.adult?.sid).toBe('PA_a2');

    // Consenting again in the new presence lets recording start again.
    const again = play(late.state, { type: 'egress_ended', egressId: 'e1' }, consent('r1', 'p-adult'));
    expect(again.commands).toEqual([start('r1')]);
  });

  it('a reconnect that LiveKit could not resume (a new sid) is a new presence', () => {
    const { commands, state } = play(recordingWithSids(), {
      type: 'participant_reconnected',
      identity: 'adult',
      participant: { ...cast.adult, sid: 'PA_a2' },
    });
    expect(commands).toEqual([stop('e1', 'consent_missing')]);
    expect(decisionOf(state, 'p-adult')).toBe('pending');
  });

  it('a leave (or a disconnect timeout) ends the yes: the person comes back as a joiner', () => {
    // The tutor alone, who consented, may still be recorded.
    const gone = play(recordingWithSids(), left('adult', 'PA_a1'));
    expect(gone.commands).toEqual([]);
    expect(decisionOf(gone.state, 'p-adult')).toBe('pending');

    const back = play(gone.state, session('adult', 'PA_a3'));
    expect(back.commands).toEqual([stop('e1', 'consent_missing')]);
    expect(canRecord(back.state)).toBe(false);
  });

  it('closes the request when the room empties: nobody coming back is recorded without a new request', () => {
    const empty = play(recordingWithSids(), left('adult', 'PA_a1'), left('tutor', 'PA_t1'));
    expect(empty.state.request).toBeNull();
    const back = play(
      empty.state,
      { type: 'egress_ended', egressId: 'e1' },
      session('tutor', 'PA_t2'),
      session('adult', 'PA_a2'),
      // Answers to the closed request are stale.
      consent('r1', 'p-tutor'),
      consent('r1', 'p-adult'),
    );
    expect(back.commands).toEqual([]);
    expect(back.last.ignored).toBe('no_request');
    expect(canRecord(back.state)).toBe(false);
    // A replay of the old request is refused; a new request is answered afresh.
    expect(transition(back.state, request('r1')).ignored).toBe('stale_request');
    expect(decisionOf(play(back.state, request('r2')).state, 'p-tutor')).toBe('pending');
  });

  it('keeps refusals when the refuser leaves: the request they closed stays closed', () => {
    const withdrawn = play(
      recordingWithSids(),
      { type: 'withdraw', requestId: 'r1', personId: 'p-adult' },
      left('adult', 'PA_a1'),
      session('adult', 'PA_a2'),
    );
    expect(decisionOf(withdrawn.state, 'p-adult')).toBe('withdrawn');
    expect(withdrawn.state.request?.status).toBe('withdrawn');
  });

  it('a consent given before joining (on the pre-join screen) holds for the presence that follows', () => {
    const state = play(
      createConsentState(),
      session('tutor', 'PA_t1'),
      request('r1'),
      consent('r1', 'p-tutor'),
      consent('r1', 'p-adult'),
      session('adult', 'PA_a1'),
    );
    expect(state.commands).toEqual([start('r1')]);
  });

  it("a guardian's presence ending takes the minor's counted consent with it", () => {
    const state = play(
      createConsentState(),
      session('tutor', 'PA_t1'),
      session('minor', 'PA_m1'),
      session('guardian', 'PA_g1'),
      request('r1'),
      consent('r1', 'p-tutor'),
      consent('r1', 'p-minor'),
      consent('r1', 'p-guardian'),
      started('e1'),
      active('e1'),
    );
    expect(canRecord(state.state)).toBe(true);
    const back = play(state.state, left('guardian', 'PA_g1'), session('guardian', 'PA_g2'));
    expect(back.commands).toEqual([stop('e1', 'consent_missing')]);
    expect(canRecord(back.state)).toBe(false);
  });
});
