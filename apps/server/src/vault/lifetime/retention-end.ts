/**
 * When a recording's retention ends: its end (or when it was stored) plus its purpose's retention in the
 * policy it was consented under, or in a later version if that one is shorter (the more protective
 * choice). A later, longer retention never extends it: people agreed to the shorter time.
 */
import type { OrganisationPolicy } from '@assent/shared';
import type { PolicyBook } from '../../policy/policy-book';
import { findPurpose, requirePurpose } from '../../policy/purposes';
import type { Recording } from '../recording-repository';

const dayMs = 86_400_000;

export interface RetentionEnd {
  retainUntil: string;
  /** The policy version whose retention this is, for deletion records. */
  policyVersion: number;
}

/**
 * A purpose's retention in days. A purpose the version does not list is refused (`purpose_unknown`): the
 * recording waits with the reason in ingest_error rather than being kept for some other purpose's time.
 */
export function retentionDaysOf(policy: OrganisationPolicy, purpose: string): number {
  return requirePurpose(policy, purpose).retentionDays;
}

/** The moment retention is counted from: the recording's end, or when it was stored. */
export const retentionStart = (recording: Pick<Recording, 'endedAt' | 'storedAt'>, storedAt?: string) =>
  recording.endedAt ?? recording.storedAt ?? storedAt ?? new Date().toISOString();

export const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * dayMs).toISOString();

export async function retentionEnd(
  policies: PolicyBook,
  recording: Recording,
  storedAt: string,
): Promise<RetentionEnd> {
  const current = await policies.current();
  const madeUnder = (await policies.version(recording.policyVersion)) ?? current;
  const from = retentionStart(recording, storedAt);
  const agreed = retentionDaysOf(madeUnder, recording.purpose);
  const inForce = findPurpose(current, recording.purpose)?.retentionDays;
  if (inForce !== undefined && inForce < agreed) {
    return { retainUntil: addDays(from, inForce), policyVersion: current.version };
  }
  return { retainUntil: addDays(from, agreed), policyVersion: madeUnder.version };
}
