import { describe, expect, it } from 'vitest';
import {
  active,
  consent,
  ended,
  join,
  play,
  recording,
  request,
  start,
  started,
  stop,
  withdraw,
} from '../test-support/consent-steps';
import { bannerFor } from './consent-banner';
import { createConsentState, transition } from './consent-machine';

describe('egress events arriving duplicated, late or reordered (rule 10)', () => {
  it('ignores duplicated started and active events for its own egress', () => {
    const state = recording();
    expect(transition(state, started('e1'))).toEqual({ state, commands: [], ignored: 'duplicate' });
    expect(transition(state, active('e1'))).toEqual({ state, commands: [], ignored: 'duplicate' });
  });

  it('repeats the stop when an egress it is stopping shows signs of life again', () => {
    const { state } = play(recording(), withdraw('r1', 'p-adult'));
    expect(transition(state, active('e1')).commands).toEqual([stop('e1', 'withdrawn')]);
    expect(transition(state, started('e1')).commands).toEqual([stop('e1', 'withdrawn')]);
  });

  it('binds an active event that overtook its started event', () => {
    const { state } = play(
      createConsentState(),
      join('tutor'),
      request('r1'),
      consent('r1', 'p-tutor'),
      active('e1'),
    );
    expect(state.egress).toEqual({ kind: 'active', requestId: 'r1', egressId: 'e1' });
    expect(transition(state, started('e1')).ignored).toBe('duplicate');
  });

  it('stops any other egress that shows signs of life, leaving its own alone', () => {
    const state = recording();
    const stray = transition(state, active('e9'));
    expect(stray.commands).toEqual([stop('e9', 'unexpected_egress')]);
    expect(stray.ignored).toBe('stale_egress');
    expect(stray.state.egress).toEqual(state.egress);
    expect(transition(createConsentState(), started('e9')).commands).toEqual([
      stop('e9', 'unexpected_egress'),
    ]);
  });

  it('stops a late active event from an egress it already stopped, without starting another', () => {
    const { state } = play(recording(), withdraw('r1', 'p-adult'), ended('e1'), request('r2'));
    const late = transition(state, active('e1'));
    expect(late.commands).toEqual([stop('e1', 'unexpected_egress')]);
    expect(late.state.egress).toEqual({ kind: 'idle' });
  });

  it('does not let an old egress bind to a new start', () => {
    const { state } = play(
      recording(),
      request('r2'),
      ended('e1'),
      consent('r2', 'p-tutor'),
      consent('r2', 'p-adult'),
      active('e1'),
    );
    expect(state.egress).toEqual({ kind: 'starting', requestId: 'r2', attempt: 2 });
  });

  it('does not take a late end of an egress it already finished with as the end of a new start', () => {
    const { state } = play(
      recording(),
      request('r2'),
      ended('e1'),
      consent('r2', 'p-tutor'),
      consent('r2', 'p-adult'),
    );
    const late = transition(state, ended('e1'));
    expect(late.ignored).toBe('stale_egress');
    expect(late.state.egress).toEqual(state.egress);
  });

  it('marks a starting egress without an id for stopping when a new request replaces the old', () => {
    const { state } = play(
      createConsentState(),
      join('tutor'),
      request('r1'),
      consent('r1', 'p-tutor'),
      request('r2'),
    );
    expect(state.egress).toEqual({
      kind: 'starting',
      requestId: 'r1',
      attempt: 1,
      stopOnStart: 'request_replaced',
    });
    expect(bannerFor(state).text).toBe('Recording stopping');
  });

  it('ignores the end of an egress that is not its own', () => {
    const state = recording();
    const stale = transition(state, ended('e0'));
    expect(stale.ignored).toBe('stale_egress');
    expect(stale.state.egress).toEqual(state.egress);
  });

  it('retries a failed egress a bounded number of times', () => {
    const { state } = play(createConsentState(), join('tutor'), request('r1'), consent('r1', 'p-tutor'));
    expect(state.egress).toEqual({ kind: 'starting', requestId: 'r1', attempt: 1 });
    expect(transition(state, { type: 'egress_start_failed', attempt: 0 }).ignored).toBe('stale_egress');
    const failures = play(
      state,
      { type: 'egress_start_failed', attempt: 1 },
      { type: 'egress_start_failed', attempt: 1 },
      { type: 'egress_start_failed', attempt: 2 },
      { type: 'egress_start_failed', attempt: 3 },
    );
    expect(failures.commands).toEqual([
      { type: 'start_egress', requestId: 'r1', attempt: 2 },
      { type: 'start_egress', requestId: 'r1', attempt: 3 },
    ]);
    expect(failures.state.egress).toEqual({ kind: 'idle' });
    expect(bannerFor(failures.state)).toEqual({
      kind: 'failed',
      text: 'Not recording — the recorder could not start',
    });
  });

  it('stops a start that never became active and tries again, a bounded number of times', () => {
    const { state } = play(createConsentState(), join('tutor'), request('r1'), consent('r1', 'p-tutor'));
    const bound = transition(state, started('e1')).state;
    const timedOut = transition(bound, { type: 'egress_start_timed_out', egressId: 'e1' });
    expect(timedOut.commands).toEqual([stop('e1', 'start_timeout')]);
    expect(bannerFor(timedOut.state).text).not.toBe('Recording');
    const retried = transition(timedOut.state, ended('e1'));
    expect(retried.commands).toEqual([{ type: 'start_egress', requestId: 'r1', attempt: 2 }]);
    // A timer firing late, for an egress that became active or is already gone, changes nothing.
    const late = play(retried.state, started('e2'), active('e2'));
    expect(transition(late.state, { type: 'egress_start_timed_out', egressId: 'e2' }).ignored).toBe(
      'stale_egress',
    );
    expect(transition(late.state, { type: 'egress_start_timed_out', egressId: 'e1' }).commands).toEqual([]);
    // Three starts that never capture: the banner says the recorder could not start.
    let world = retried.state;
    for (const id of ['e2', 'e3']) {
      world = play(world, started(id), { type: 'egress_start_timed_out', egressId: id }, ended(id)).state;
    }
    expect(world.egress).toEqual({ kind: 'idle' });
    expect(bannerFor(world).text).toBe('Not recording — the recorder could not start');
  });

  it('starts again after an egress ends by itself, but not after one it stopped while consent is missing', () => {
    expect(transition(recording(), { type: 'egress_failed', egressId: 'e1' }).commands).toEqual([
      start('r1'),
    ]);
    const stopped = play(recording(), join('stranger'), ended('e1'));
    expect(stopped.commands).toEqual([stop('e1', 'consent_missing')]);
    expect(stopped.state.egress).toEqual({ kind: 'idle' });
  });
});
