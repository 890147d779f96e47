import { describe, expect, it } from 'vitest';
import type { ResearchDecision } from '../rights-tables';
import {
  decisionToStore,
  type ResearchCallFacts,
  type ResearchDecisionRow,
  researchEligibility,
} from './research-eligibility';

// A tutor, a minor (Sam) with a guardian (Pat) who also came to the call.
const call: ResearchCallFacts = {
  present: [
    { personId: 'tutor', minor: false, guardianPersonIds: [] },
    { personId: 'sam', minor: true, guardianPersonIds: ['pat'] },
    { personId: 'pat', minor: false, guardianPersonIds: [] },
  ],
  unknownParticipants: 0,
};

let tick = 0;
const row = (personId: string, decidedBy: string, decision: ResearchDecision): ResearchDecisionRow => {
  tick += 1;
  return {
    personId,
    decidedByPersonId: decidedBy,
    decision,
    at: new Date(Date.UTC(2026, 0, 1, 0, 0, tick)).toISOString(),
    id: `r${String(tick).padStart(4, '0')}`,
  };
};

const everyoneAgrees = () => [
  row('tutor', 'tutor', 'agree'),
  row('sam', 'sam', 'agree'),
  row('sam', 'pat', 'agree'),
  row('pat', 'pat', 'agree'),
];

describe('the research sharing rule', () => {
  it('lets a session go when every seat in the call agreed, with a guardian for the minor', () => {
    expect(researchEligibility(call, everyoneAgrees())).toEqual({
      eligible: true,
      reason: null,
      agreed: 3,
      total: 3,
    });
  });

  it('counts a seat that has not decided as not agreed', () => {
    const rows = everyoneAgrees().filter((r) => r.personId !== 'tutor');
    expect(researchEligibility(call, rows)).toEqual({
      eligible: false,
      reason: 'not_all_agreed',
      agreed: 2,
      total: 3,
    });
  });

  it("needs a guardian's yes as well as the minor's own", () => {
    const rows = everyoneAgrees().filter((r) => !(r.personId === 'sam' && r.decidedByPersonId === 'pat'));
    expect(researchEligibility(call, rows)).toMatchObject({
      eligible: false,
      reason: 'guardian_missing',
      agreed: 2,
    });
  });

  it("needs the minor's own yes as well as a guardian's", () => {
    const rows = everyoneAgrees().filter((r) => !(r.personId === 'sam' && r.decidedByPersonId === 'sam'));
    expect(researchEligibility(call, rows)).toMatchObject({
      eligible: false,
      reason: 'not_all_agreed',
      agreed: 2,
    });
  });

  it('is refused when a guardian says no, even if another guardian said yes', () => {
    const twoGuardians: ResearchCallFacts = {
      ...call,
      present: call.present.map((s) =>
        s.personId === 'sam' ? { ...s, guardianPersonIds: ['pat', 'lee'] } : s,
      ),
    };
    const rows = [...everyoneAgrees(), row('sam', 'lee', 'refuse')];
    expect(researchEligibility(twoGuardians, rows)).toMatchObject({
      eligible: false,
      reason: 'refused',
      agreed: 2,
    });
  });

  it('is refused after someone agreed and then withdrew; only the latest decision counts', () => {
    const rows = [...everyoneAgrees(), row('tutor', 'tutor', 'withdraw')];
    expect(researchEligibility(call, rows)).toMatchObject({ eligible: false, reason: 'refused', agreed: 2 });
    const again = [...rows, row('tutor', 'tutor', 'agree')];
    expect(researchEligibility(call, again).eligible).toBe(true);
  });

  it('is never eligible with an unknown participant in the call', () => {
    expect(researchEligibility({ ...call, unknownParticipants: 1 }, everyoneAgrees())).toMatchObject({
      eligible: false,
      reason: 'unknown_participant',
    });
  });

  it('ignores seats that never came, and a guardian who stayed away still decides for the child', () => {
    const withoutPat = { ...call, present: call.present.filter((s) => s.personId !== 'pat') };
    const rows = everyoneAgrees().filter((r) => r.personId !== 'pat');
    expect(researchEligibility(withoutPat, rows)).toMatchObject({ eligible: true, total: 2 });
  });

  it('fails closed when nobody was seen in the call', () => {
    expect(researchEligibility({ present: [], unknownParticipants: 0 }, [])).toMatchObject({
      eligible: false,
      reason: 'nobody_present',
    });
  });
});

describe('what a choice is stored as', () => {
  it('keeps a refusal after a yes as a withdrawal, and writes nothing when nothing changes', () => {
    expect(decisionToStore('agree', undefined)).toBe('agree');
    expect(decisionToStore('refuse', undefined)).toBe('refuse');
    expect(decisionToStore('refuse', 'agree')).toBe('withdraw');
    expect(decisionToStore('refuse', 'withdraw')).toBeUndefined();
    expect(decisionToStore('agree', 'agree')).toBeUndefined();
    expect(decisionToStore('agree', 'withdraw')).toBe('agree');
  });
});
