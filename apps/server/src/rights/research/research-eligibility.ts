/**
 * The research sharing rule, pure: a session may go to researchers only when every seat LiveKit saw in
 * the call agreed for itself and, for a minor, a guardian agreed too and no guardian said no (Hearken:
 * "additional explicit consent from all participants"). Anyone we cannot name makes it ineligible.
 */
import type { ResearchEligibility } from '@assent/shared';
import type { ResearchDecision } from '../rights-tables';

export interface ResearchSeatFacts {
  personId: string;
  minor: boolean;
  /** Guardian seats linked to this seat in the session. */
  guardianPersonIds: readonly string[];
}

export interface ResearchCallFacts {
  /** Seats LiveKit saw in the call (the recorder excluded). */
  present: readonly ResearchSeatFacts[];
  /** Participants in the room that were none of our seats. */
  unknownParticipants: number;
}

export interface ResearchDecisionRow {
  personId: string;
  decidedByPersonId: string;
  decision: ResearchDecision;
  at: string;
  id: string;
}

const key = (personId: string, decidedBy: string) => `${personId}\u0000${decidedBy}`;

/** The latest decision per (seat, decider); the id breaks ties within one millisecond. */
export function latestResearchDecisions(
  rows: readonly ResearchDecisionRow[],
): Map<string, ResearchDecisionRow> {
  const latest = new Map<string, ResearchDecisionRow>();
  for (const row of rows) {
    const k = key(row.personId, row.decidedByPersonId);
    const seen = latest.get(k);
    if (!seen || row.at > seen.at || (row.at === seen.at && row.id > seen.id)) latest.set(k, row);
  }
  return latest;
}

export function decisionOf(
  latest: Map<string, ResearchDecisionRow>,
  personId: string,
  decidedBy: string,
): ResearchDecision | undefined {
  return latest.get(key(personId, decidedBy))?.decision;
}

const isNo = (d: ResearchDecision | undefined) => d === 'refuse' || d === 'withdraw';

/** Whether the session's people all agreed to research sharing, or the most serious reason why not. */
export function researchEligibility(
  call: ResearchCallFacts,
  rows: readonly ResearchDecisionRow[],
): ResearchEligibility {
  const latest = latestResearchDecisions(rows);
  let refused = false;
  let guardianMissing = false;
  let agreed = 0;
  for (const seat of call.present) {
    const own = decisionOf(latest, seat.personId, seat.personId);
    const guardians = seat.minor
      ? seat.guardianPersonIds.map((g) => decisionOf(latest, seat.personId, g))
      : [];
    if (isNo(own) || guardians.some(isNo)) refused = true;
    const guardianAgreed = !seat.minor || guardians.includes('agree');
    if (own === 'agree' && !guardianAgreed) guardianMissing = true;
    if (own === 'agree' && guardianAgreed && !guardians.some(isNo)) agreed += 1;
  }
  const total = call.present.length;
  const reason =
    call.unknownParticipants > 0
      ? 'unknown_participant'
      : refused
        ? 'refused'
        : guardianMissing
          ? 'guardian_missing'
          : total === 0
            ? 'nobody_present'
            : agreed < total
              ? 'not_all_agreed'
              : null;
  return { eligible: reason === null, reason, agreed, total };
}

/**
 * What a person's "no" is stored as: a refusal after a yes is a withdrawal (and stays one); a yes is a
 * yes. Undefined when it would change nothing.
 */
export function decisionToStore(
  choice: 'agree' | 'refuse',
  current: ResearchDecision | undefined,
): ResearchDecision | undefined {
  const next: ResearchDecision =
    choice === 'agree' ? 'agree' : current === 'agree' || current === 'withdraw' ? 'withdraw' : 'refuse';
  return next === current ? undefined : next;
}
