// Shared fixtures for the consent machine's tests: a cast of participants and a way to play events.
import { expect } from 'vitest';
import { createConsentState, transition } from '../consent/consent-machine';
import type {
  ConsentCommand,
  ConsentEvent,
  ConsentState,
  Participant,
  TransitionResult,
} from '../consent/consent-types';

export const cast = {
  tutor: { role: 'tutor', personId: 'p-tutor', hidden: false },
  adult: { role: 'student', personId: 'p-adult', minor: false, hidden: false },
  minor: { role: 'student', personId: 'p-minor', minor: true, hidden: false },
  guardian: { role: 'guardian', personId: 'p-guardian', guardianOf: ['p-minor'], hidden: false },
  otherGuardian: { role: 'guardian', personId: 'p-other-guardian', guardianOf: ['p-someone'], hidden: false },
  observer: { role: 'observer', personId: 'p-observer', hidden: false },
  stranger: { role: 'unknown', hidden: false },
  recorder: { role: 'unknown', hidden: true },
} satisfies Record<string, Participant>;

export type CastName = keyof typeof cast;

export const join = (name: CastName, identity: string = name): ConsentEvent => ({
  type: 'participant_joined',
  identity,
  participant: cast[name],
});

export const leave = (identity: string): ConsentEvent => ({ type: 'participant_left', identity });

export const request = (requestId: string, purpose = 'quality_assurance'): ConsentEvent => ({
  type: 'request',
  requestId,
  purpose,
  requestedBy: 'p-tutor',
  noticeVersion: 'notice-1',
});

export const consent = (requestId: string, personId: string): ConsentEvent => ({
  type: 'consent',
  requestId,
  personId,
});

export const decline = (requestId: string, personId: string): ConsentEvent => ({
  type: 'decline',
  requestId,
  personId,
});

export const withdraw = (requestId: string, personId: string): ConsentEvent => ({
  type: 'withdraw',
  requestId,
  personId,
});

/** The result of playing events in order: the final state, the last result and every command. */
export interface Played {
  readonly state: ConsentState;
  readonly last: TransitionResult;
  readonly commands: readonly ConsentCommand[];
}

export function play(state: ConsentState, ...events: ConsentEvent[]): Played {
  let last: TransitionResult = { state, commands: [] };
  const commands: ConsentCommand[] = [];
  for (const event of events) {
    last = transition(last.state, event);
    commands.push(...last.commands);
  }
  return { state: last.state, last, commands };
}

export const start = (requestId: string) => expect.objectContaining({ type: 'start_egress', requestId });
export const stop = (egressId: string, reason: string) => ({ type: 'stop_egress', egressId, reason });
export const started = (egressId: string): ConsentEvent => ({ type: 'egress_started', egressId });
export const active = (egressId: string): ConsentEvent => ({ type: 'egress_active', egressId });
export const ended = (egressId: string): ConsentEvent => ({ type: 'egress_ended', egressId });

/** Tutor and adult student in the room, both consented to r1, egress e1 active. */
export function recording(): ConsentState {
  const { state, commands } = play(
    createConsentState(),
    join('tutor'),
    join('adult'),
    request('r1'),
    consent('r1', 'p-tutor'),
    consent('r1', 'p-adult'),
    started('e1'),
    active('e1'),
  );
  expect(commands).toEqual([start('r1')]);
  expect(state.egress).toEqual({ kind: 'active', requestId: 'r1', egressId: 'e1' });
  return state;
}
