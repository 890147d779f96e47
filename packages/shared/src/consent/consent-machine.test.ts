import { describe, expect, it } from 'vitest';
import {
  active,
  consent,
  decline,
  ended,
  join,
  leave,
  play,
  recording,
  request,
  start,
  started,
  stop,
  withdraw,
} from '../test-support/consent-steps';
import { bannerFor, consentStatus } from './consent-banner';
import { createConsentState, transition } from './consent-machine';
import { canRecord, decisionOf } from './consent-policy';

describe('everyone present must consent (rules 1, 2)', () => {
  it('starts the egress once the last present participant consents, and not before', () => {
    const waiting = play(
      createConsentState(),
      join('tutor'),
      join('adult'),
      request('r1'),
      consent('r1', 'p-tutor'),
    );
    expect(waiting.commands).toEqual([]);
    expect(canRecord(waiting.state)).toBe(false);
    expect(bannerFor(waiting.state).text).toBe('Waiting for consent (1 of 2) — Not recording');

    const all = play(waiting.state, consent('r1', 'p-adult'));
    expect(all.commands).toEqual([start('r1')]);
    expect(bannerFor(all.state)).toEqual({
      kind: 'starting',
      text: 'Recording starting — quality assurance',
    });
    expect(bannerFor(play(all.state, active('e1')).state).text).toBe('Recording — quality assurance');
  });

  it('cannot record an empty room, even with consents given before joining', () => {
    const { state, commands } = play(createConsentState(), request('r1'), consent('r1', 'p-tutor'));
    expect(canRecord(state)).toBe(false);
    expect(commands).toEqual([]);
  });

  it('counts an unknown participant as one without consent, and ignores hidden service participants', () => {
    const base = play(createConsentState(), join('tutor'), join('stranger'), join('recorder'), request('r1'));
    const consented = play(base.state, consent('r1', 'p-tutor'));
    expect(consented.commands).toEqual([]);
    expect(bannerFor(consented.state).text).toContain('(1 of 2)');
    expect(play(consented.state, leave('stranger')).commands).toEqual([start('r1')]);
  });

  it('treats a known role without a personId as unknown', () => {
    const { state } = play(
      createConsentState(),
      { type: 'participant_joined', identity: 'x', participant: { role: 'tutor', hidden: false } },
      request('r1'),
    );
    expect(canRecord(state)).toBe(false);
  });

  it('lets recording start when the only undecided participant leaves', () => {
    const { commands } = play(
      createConsentState(),
      join('tutor'),
      join('adult'),
      request('r1'),
      consent('r1', 'p-tutor'),
      leave('adult'),
    );
    expect(commands).toEqual([start('r1')]);
  });

  it('handles identities that collide with Object.prototype names', () => {
    const { state } = play(
      createConsentState(),
      join('tutor', '__proto__'),
      request('r1'),
      consent('r1', 'p-tutor'),
    );
    expect(canRecord(state)).toBe(true);
    expect(decisionOf(state, 'constructor')).toBe('pending');
    expect(play(state, leave('constructor')).last.ignored).toBe('unknown_participant');
  });
});

describe('minors and guardians (rule 3)', () => {
  const minorInCall = () =>
    play(
      createConsentState(),
      join('tutor'),
      join('minor'),
      request('r1'),
      consent('r1', 'p-tutor'),
      consent('r1', 'p-minor'),
    );

  it("does not count a minor's consent without a linked guardian's", () => {
    const { state } = minorInCall();
    expect(canRecord(state)).toBe(false);
    expect(play(state, join('otherGuardian'), consent('r1', 'p-other-guardian')).commands).toEqual([]);
  });

  it('records once a linked guardian in the call consents, and stops when they leave', () => {
    const withGuardian = play(
      minorInCall().state,
      join('guardian'),
      consent('r1', 'p-guardian'),
      started('e1'),
    );
    expect(withGuardian.commands).toEqual([start('r1')]);
    expect(play(withGuardian.state, leave('guardian')).commands).toEqual([stop('e1', 'consent_missing')]);
  });

  it('accepts advance guardian consent for the request purpose only under in_call_or_advance', () => {
    const advance = { 'p-minor': ['quality_assurance'] };
    const strict = createConsentState({ advanceGuardianConsent: advance });
    const lenient = createConsentState({
      policy: { guardianConsentMode: 'in_call_or_advance' },
      advanceGuardianConsent: advance,
    });
    const events = [join('tutor'), join('minor'), consent('r1', 'p-tutor'), consent('r1', 'p-minor')];
    expect(canRecord(play(strict, request('r1'), ...events).state)).toBe(false);
    expect(canRecord(play(lenient, request('r1'), ...events).state)).toBe(true);
    expect(canRecord(play(lenient, request('r1', 'safeguarding'), ...events).state)).toBe(false);
  });

  it('stops when advance guardian consent is revoked mid-recording', () => {
    const lenient = createConsentState({
      policy: { guardianConsentMode: 'in_call_or_advance' },
      advanceGuardianConsent: { 'p-minor': ['quality_assurance'] },
    });
    const { state } = play(lenient, join('minor'), request('r1'), consent('r1', 'p-minor'), started('e1'));
    const revoked = transition(state, {
      type: 'advance_consent_changed',
      studentPersonId: 'p-minor',
      purposes: [],
    });
    expect(revoked.commands).toEqual([stop('e1', 'consent_missing')]);
  });

  it('treats a student whose age is unknown as a minor', () => {
    const { state } = play(
      createConsentState(),
      {
        type: 'participant_joined',
        identity: 's',
        participant: { role: 'student', personId: 'p-s', hidden: false },
      },
      request('r1'),
      consent('r1', 'p-s'),
    );
    expect(canRecord(state)).toBe(false);
  });
});

describe('requests and stale request ids', () => {
  it('ignores answers to an old request, and old consents never count for a new one', () => {
    const { state } = play(
      createConsentState(),
      join('tutor'),
      join('adult'),
      request('r1'),
      consent('r1', 'p-tutor'),
      request('r2'),
      consent('r2', 'p-adult'),
    );
    expect(canRecord(state)).toBe(false);
    expect(decisionOf(state, 'p-tutor')).toBe('pending');
    const stale = transition(state, consent('r1', 'p-tutor'));
    expect(stale.ignored).toBe('stale_request');
    expect(stale.state).toBe(state);
    expect(play(state, consent('r2', 'p-tutor')).commands).toEqual([start('r2')]);
  });

  it('ignores a replayed old request id and a duplicated current one', () => {
    const { state } = play(createConsentState(), request('r1'), request('r2'));
    expect(transition(state, request('r1')).ignored).toBe('stale_request');
    expect(transition(state, request('r2')).ignored).toBe('duplicate');
    expect(transition(createConsentState(), consent('r1', 'p-tutor')).ignored).toBe('no_request');
  });

  it('stops a recording when a new request replaces the current one', () => {
    expect(transition(recording(), request('r2')).commands).toEqual([stop('e1', 'request_replaced')]);
  });

  it('stops on cancel, and ignores a cancel for another request', () => {
    const state = recording();
    expect(transition(state, { type: 'cancel', requestId: 'r0' }).ignored).toBe('stale_request');
    const cancelled = transition(state, { type: 'cancel', requestId: 'r1' });
    expect(cancelled.commands).toEqual([stop('e1', 'cancelled')]);
    expect(consentStatus(play(cancelled.state, ended('e1')).state)).toBe('not_requested');
  });
});

describe('declining and withdrawing (rule 4)', () => {
  it('stops at once on withdrawal, for good for this request, without saying who', () => {
    const withdrawn = transition(recording(), withdraw('r1', 'p-adult'));
    expect(withdrawn.commands).toEqual([stop('e1', 'withdrawn')]);
    expect(decisionOf(withdrawn.state, 'p-adult')).toBe('withdrawn');
    const banner = bannerFor(withdrawn.state);
    expect(banner).toEqual({
      kind: 'stopped_withdrawn',
      text: 'Recording stopped — a participant withdrew consent',
    });
    const after = play(withdrawn.state, ended('e1'), leave('adult'));
    expect(after.commands).toEqual([]);
    expect(transition(after.state, consent('r1', 'p-adult')).ignored).toBe('decision_final');
  });

  it('treats a decline after a consent as a withdrawal', () => {
    const { last } = play(recording(), decline('r1', 'p-tutor'));
    expect(last.commands).toEqual([stop('e1', 'withdrawn')]);
    expect(decisionOf(last.state, 'p-tutor')).toBe('withdrawn');
  });

  it('keeps recording off after a decline, even once the decliner has left', () => {
    const { state, commands } = play(
      createConsentState(),
      join('tutor'),
      join('adult'),
      request('r1'),
      decline('r1', 'p-adult'),
      consent('r1', 'p-tutor'),
      leave('adult'),
    );
    expect(commands).toEqual([]);
    expect(bannerFor(state)).toEqual({ kind: 'declined', text: 'Not recording — a participant declined' });
    expect(transition(state, consent('r1', 'p-someone')).ignored).toBe('request_closed');
  });

  it('stops on a decline from someone on the pre-join screen while recording', () => {
    expect(transition(recording(), decline('r1', 'p-newcomer')).commands).toEqual([stop('e1', 'declined')]);
  });

  it('marks a starting egress without an id for stopping, and stops it when the id arrives', () => {
    const { state } = play(createConsentState(), join('tutor'), request('r1'), consent('r1', 'p-tutor'));
    const withdrawn = transition(state, withdraw('r1', 'p-tutor'));
    expect(withdrawn.commands).toEqual([]);
    expect(withdrawn.state.egress).toEqual({
      kind: 'starting',
      requestId: 'r1',
      attempt: 1,
      stopOnStart: 'withdrawn',
    });
    expect(consentStatus(withdrawn.state)).toBe('stopped_withdrawn');
    expect(transition(withdrawn.state, started('e1')).commands).toEqual([stop('e1', 'withdrawn')]);
    expect(transition(withdrawn.state, active('e1')).commands).toEqual([stop('e1', 'withdrawn')]);
  });

  it('stops a starting egress whose id is known', () => {
    const { state } = play(
      createConsentState(),
      join('tutor'),
      request('r1'),
      consent('r1', 'p-tutor'),
      started('e1'),
    );
    expect(transition(state, withdraw('r1', 'p-tutor')).commands).toEqual([stop('e1', 'withdrawn')]);
  });
});

describe('joining, leaving and reconnecting (rule 5)', () => {
  it('stops when someone without consent joins, and starts again once they consent', () => {
    const joined = transition(recording(), join('guardian'));
    expect(joined.commands).toEqual([stop('e1', 'consent_missing')]);
    const resumed = play(joined.state, consent('r1', 'p-guardian'), ended('e1'));
    expect(resumed.commands).toEqual([start('r1')]);
  });

  it('stops when an unknown participant joins', () => {
    expect(transition(recording(), join('stranger')).commands).toEqual([stop('e1', 'consent_missing')]);
  });

  it('lets someone who consented on the pre-join screen join without stopping', () => {
    const { commands } = play(recording(), consent('r1', 'p-guardian'), join('guardian'));
    expect(commands).toEqual([]);
  });

  it('ends a consent with the presence it was given in: whoever rejoins is asked again', () => {
    const { state, commands } = play(recording(), leave('adult'), join('adult', 'adult-2'));
    expect(commands).toEqual([stop('e1', 'consent_missing')]);
    expect(decisionOf(state, 'p-adult')).toBe('pending');
  });

  it('keeps a reconnecting participant as they were', () => {
    const state = recording();
    const reconnected = transition(state, { type: 'participant_reconnected', identity: 'adult' });
    expect(reconnected.commands).toEqual([]);
    expect(reconnected.state.participants).toEqual(state.participants);
  });

  it('treats a reconnect from an identity never seen as an unknown participant', () => {
    const reconnected = transition(recording(), { type: 'participant_reconnected', identity: 'ghost' });
    expect(reconnected.commands).toEqual([stop('e1', 'consent_missing')]);
  });

  it('stops when the room empties', () => {
    const { commands } = play(recording(), leave('tutor'), leave('adult'));
    expect(commands).toEqual([stop('e1', 'room_empty')]);
  });
});
